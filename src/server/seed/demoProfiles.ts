import { copyOfProfile, pumpurs2017, semesterOf, type StoredProfile } from '../../domain';

/**
 * The demo's successor programme "Skola–kopiena" (2024–2029), an administrator's edited copy of PuMPuRS 2017, chosen
 * for next school year: this year's plans stay PuMPuRS plans, and a plan made for next year is made under the
 * successor and keeps it. Its numbers are the demo's own (no source gives the successor's): meals capped at 80 € a
 * month, an 85 % delivery target, 5,000 € youth projects, and one risk of its own.
 */
export function demoProfiles(today: string): StoredProfile[] {
  const current = semesterOf(today).schoolYear;
  const start = Number(current.slice(0, 4)) + 1;
  const at = `${today}T07:00:00.000Z`;
  const copy = copyOfProfile(pumpurs2017, {
    id: 'demo-profile-skola-kopiena',
    title: 'Skola–kopiena',
    now: at,
    by: 'demo-user-admin',
  });
  return [
    {
      ...copy,
      years: { from: 2024, to: 2029 },
      compensations: copy.compensations.map((c) => (c.code === 'meals' ? { ...c, capCents: 8000 } : c)),
      deliveredTarget: 0.85,
      youthProject: { ...copy.youthProject, grantCents: 500_000 },
      riskGroups: copy.riskGroups.map((g) =>
        g.code === 'personality' ? { ...g, items: [...g.items, 'personality.added_1'] } : g,
      ),
      riskLabels: [{ code: 'personality.added_1', text: 'Atkarība no digitālajām ierīcēm' }],
      schoolYears: [`${start}/${start + 1}`],
      assignedAt: at,
    },
  ];
}
