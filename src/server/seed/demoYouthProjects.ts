import type { User, YouthApplication, YouthCompetition, YouthProject } from '../../domain';

interface Place {
  municipalityId: string;
  users: readonly User[];
}

const id = (key: string) => `demo-user-${key}`;
const TEACHER = id('latvian');
const PSYCHOLOGIST = id('psychologist');
const COMMISSION = [TEACHER, PSYCHOLOGIST];
const CRITERIA: YouthCompetition['criteria'] = [
  { id: 'k1', title: 'Atbilstība konkursa mērķiem un mērķa grupai', maxScore: 10 },
  { id: 'k2', title: 'Aktivitāšu plāna kvalitāte', maxScore: 10 },
  { id: 'k3', title: 'Riska grupas jauniešu iesaiste', maxScore: 5 },
];
// 002's list of the documents a call asks for.
const DOCUMENTS: YouthCompetition['requiredDocuments'] = [
  { id: 'd1', title: 'Projekta iesnieguma veidlapa' },
  { id: 'd2', title: 'Projekta budžets' },
  { id: 'd3', title: 'Sadarbības partnera apliecinājums par dalību projekta īstenošanā' },
  { id: 'd4', title: 'Apliecinājums par projektā iesaistītajiem priekšlaicīgas mācību pārtraukšanas riska jauniešiem' },
];

const sheet = (member: string, ...scores: number[]) => ({
  id: member,
  scores: scores.map((score, i) => ({ criterionId: `k${i + 1}`, score })),
});

/**
 * The demo's youth initiative projects (000, 002): last year's call in the demo municipality, with the organisations
 * 002 names, in every state — finished with its final report, running with progress notes, approved, rejected with
 * a reason, and two still awaiting the decision (one scored by both commission members, one by one, a document
 * missing). The commission is a teacher and the psychologist; the municipal coordinator announces and decides.
 */
export function demoYouthProjects(today: string, { municipalityId, users }: Place): YouthProject[] {
  const year = Number(today.slice(0, 4)) - 1;
  const known = new Set(users.map((u) => u.id));
  const commission = COMMISSION.filter((m) => known.has(m));
  const at = `${year}-02-20T09:00:00.000Z`;
  const competitionId = 'demo-youth-competition';
  const competition: YouthProject = {
    id: competitionId,
    createdAt: at,
    updatedAt: at,
    kind: 'competition',
    municipalityId,
    competition: {
      title: `Jaunatnes iniciatīvu projekti mācību motivācijas palielināšanai ${year}`,
      profileId: 'pumpurs_2017',
      opens: `${year}-03-01`,
      deadline: `${year}-04-14`,
      budgetCents: 3_680_000,
      criteria: CRITERIA,
      requiredDocuments: DOCUMENTS,
      commission,
    },
  };
  const base: Omit<YouthApplication, 'title' | 'organisation'> = {
    competitionId,
    applicantKind: 'association',
    withInitiativeGroup: true,
    contact: '',
    partners: [],
    activities: '',
    atRiskParticipants: 10,
    startMonth: `${year}-06`,
    months: 7,
    documentsReceived: ['d1', 'd2', 'd3', 'd4'],
    scores: [],
    status: 'applied',
    decisionReason: '',
    progress: [],
  };
  const application = (
    key: string,
    fields: Partial<YouthApplication> & Pick<YouthApplication, 'title' | 'organisation'>,
  ) => {
    const stamp = `${year}-04-${10 + Object.keys(fields).length}T10:00:00.000Z`;
    return {
      id: `demo-youth-${key}`,
      createdAt: stamp,
      updatedAt: stamp,
      kind: 'application' as const,
      municipalityId,
      commissionIds: commission,
      application: { ...base, ...fields },
    };
  };
  const grant = { grantCents: 460_000 };
  return [
    competition,
    application('youplus', {
      title: 'Jauniešu līderu skola',
      organisation: 'Attīstības platforma YOU+',
      contact: 'Andris Kāposts',
      partners: ['Ezerkalnu tehnikums'],
      activities: 'Iknedēļas līderības nodarbības, divi izbraukumi, jauniešu pašu rīkots pasākums.',
      atRiskParticipants: 14,
      scores: [sheet(TEACHER, 9, 9, 5), sheet(PSYCHOLOGIST, 10, 8, 4)],
      status: 'finished',
      ...grant,
      progress: [
        { id: 'p1', date: `${year}-07-15`, text: 'Notikušas 6 nodarbības; pievienojušies 4 jaunieši no tehnikuma.' },
        { id: 'p2', date: `${year}-10-20`, text: 'Izbraukums uz Kuldīgu; jaunieši plāno noslēguma pasākumu.' },
      ],
      report: {
        activities: '24 nodarbības, 2 izbraukumi, noslēguma pasākums skolai.',
        participants: 31,
        atRiskParticipants: 14,
        spentCents: 458_730,
      },
    }),
    application('melngailis', {
      title: 'Mūzika un kustība',
      organisation: 'Melngaiļskolas atbalsta biedrība',
      activities: 'Bungu un deju darbnīcas pēc stundām.',
      atRiskParticipants: 12,
      months: 12,
      scores: [sheet(TEACHER, 8, 8, 4), sheet(PSYCHOLOGIST, 8, 7, 5)],
      status: 'running',
      ...grant,
      progress: [{ id: 'p1', date: `${year}-09-30`, text: 'Darbnīcas notiek divreiz nedēļā, vidēji 15 dalībnieki.' }],
    }),
    application('pirma-skola', {
      title: 'Mācāmies kopā',
      organisation: 'Biedrība „Pirmā skola”',
      activities: 'Vienaudžu mācību atbalsta grupas.',
      scores: [sheet(TEACHER, 7, 8, 4), sheet(PSYCHOLOGIST, 8, 7, 4)],
      status: 'approved',
      ...grant,
    }),
    application('radi-vidi', {
      title: 'Radi vidi pats',
      organisation: 'Biedrība „Radi Vidi Pats”',
      withInitiativeGroup: false,
      activities: 'Vides izglītības pārgājieni.',
      atRiskParticipants: 3,
      scores: [sheet(TEACHER, 4, 5, 1), sheet(PSYCHOLOGIST, 5, 4, 2)],
      status: 'rejected',
      decisionReason: 'Vērtējums zem robežas: maz iesaistīto riska grupas jauniešu.',
    }),
    application('workout', {
      title: 'Ielu vingrošana',
      organisation: 'Workout Generation',
      activities: 'Treniņi āra laukumā un sacensības.',
      atRiskParticipants: 9,
      scores: [sheet(TEACHER, 7, 6, 4), sheet(PSYCHOLOGIST, 6, 6, 3)],
    }),
    application('marta', {
      title: 'Drošs sākums',
      organisation: 'Centrs „MARTA”',
      applicantKind: 'foundation',
      activities: 'Atbalsta grupas jaunietēm.',
      atRiskParticipants: 8,
      documentsReceived: ['d1', 'd2', 'd4'],
      scores: [sheet(PSYCHOLOGIST, 8, 7, 4)],
    }),
  ].filter((r) => r.kind === 'competition' || commission.length === COMMISSION.length);
}

type Row = { assumedMasterState: object | null; newDocumentState: object };
const wire = (doc: object) => ({ ...doc, _deleted: false });

/**
 * The pushes that bring the demo's youth projects to where they stand, each by whoever would make it on a device
 * and through the same checks: the coordinator announces and enters the applications as received, each commission
 * member adds their own scores, then the coordinator decides, starts the projects and closes the finished one.
 */
export function youthProjectPushes(
  records: readonly YouthProject[],
  coordinatorId: string,
): { by: string; rows: Row[] }[] {
  const latest = new Map<string, YouthProject>();
  const rounds: { by: string; rows: Row[] }[] = [];
  const round = (by: string, next: YouthProject[]) => {
    const rows = next.map((doc) => {
      const before = latest.get(doc.id);
      latest.set(doc.id, doc);
      return { assumedMasterState: before ? wire(before) : null, newDocumentState: wire(doc) };
    });
    if (rows.length) rounds.push({ by, rows });
  };
  const applications = records.filter((r) => r.kind === 'application' && r.application);
  const withApplication = (r: YouthProject, change: Partial<YouthApplication>): YouthProject => {
    const { grantCents: _g, report: _r, ...rest } = r.application as YouthApplication;
    return { ...r, application: { ...rest, ...change } as YouthApplication };
  };
  const final = (r: YouthProject) => r.application as YouthApplication;
  round(coordinatorId, [
    ...records.filter((r) => r.kind === 'competition'),
    ...applications.map((r) => withApplication(r, { scores: [], status: 'applied', decisionReason: '', progress: [] })),
  ]);
  const members = [...new Set(applications.flatMap((r) => final(r).scores.map((s) => s.id)))];
  for (const member of members) {
    round(
      member,
      applications
        .filter((r) => final(r).scores.some((s) => s.id === member))
        .map((r) => {
          const before = latest.get(r.id)?.application as YouthApplication;
          const mine = final(r).scores.find((s) => s.id === member);
          return withApplication(r, { ...before, scores: [...before.scores, ...(mine ? [mine] : [])] });
        }),
    );
  }
  const stage = (statuses: string[], status: YouthApplication['status']) =>
    applications
      .filter((r) => statuses.includes(final(r).status))
      .map((r) => {
        const a = final(r);
        return {
          ...r,
          application: {
            ...a,
            status,
            progress: status === 'approved' ? [] : a.progress,
            ...(status === 'finished' ? {} : { report: undefined }),
          },
        } as YouthProject;
      })
      .map((r) => JSON.parse(JSON.stringify(r)) as YouthProject);
  round(coordinatorId, [
    ...stage(['approved', 'running', 'finished'], 'approved'),
    ...applications.filter((r) => final(r).status === 'rejected'),
  ]);
  round(coordinatorId, stage(['running', 'finished'], 'running'));
  round(coordinatorId, stage(['finished'], 'finished'));
  return rounds;
}
