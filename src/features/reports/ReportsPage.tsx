import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localDate,
  previousSemester,
  readsMunicipalityReports,
  readsNationalReports,
  readsReports,
  semesterOf,
  type SchoolSemester,
} from '../../domain';
import { useMunicipalities, useSchools } from '../../db';
import { useRefusedIds } from '../../sync';
import { useActor } from '../account';
import { useSelectedSchool } from '../schools';
import { NationalReportView } from './NationalReportView';
import { ReportView } from './ReportView';
import './reports.css';

/** The current semester and the five before it: a report is made for a semester just ended or still running. */
function semesterChoices(today: string): SchoolSemester[] {
  const list = [semesterOf(today)];
  while (list.length < 6) list.push(previousSemester(list[list.length - 1] as SchoolSemester));
  return list;
}
const keyOf = (s: SchoolSemester) => `${s.schoolYear}-${s.semester}`;

/**
 * /reports: the semester report of a school (director, school coordinator) or of a municipality with each of its
 * schools (municipal coordinator), from the data on this device, so it works offline; the state's (national
 * coordinator, administrator) from the server, its last copy kept for offline reading (NationalReportView).
 */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const periodId = useId();
  const levelId = useId();
  const actor = useActor();
  const { data: schools } = useSchools();
  const { data: municipalities } = useMunicipalities();
  const selectedSchool = useSelectedSchool((s) => s.schoolId);
  const semesters = useMemo(() => semesterChoices(localDate(new Date())), []);
  const [periodKey, setPeriodKey] = useState(keyOf(semesters[0] as SchoolSemester));
  const [levelChoice, setLevelChoice] = useState<string | null>(null);
  const refusedPlans = useRefusedIds('plans');
  const refusedConsultations = useRefusedIds('consultations');
  const refusedCompensations = useRefusedIds('compensations');
  const refusedIds = useMemo(
    () => new Set([...refusedPlans, ...refusedConsultations, ...refusedCompensations]),
    [refusedPlans, refusedConsultations, refusedCompensations],
  );

  const roles = actor?.roles;
  const choices = useMemo(() => {
    const municipal = roles && readsMunicipalityReports(roles) ? municipalities : [];
    // The state's report comes from the server; the national coordinator has no school on this device.
    const national =
      roles && readsNationalReports(roles)
        ? [{ value: 'national', label: t('nationalLevel'), level: { kind: 'national' as const } }]
        : [];
    return [
      ...national,
      ...municipal.map((m) => ({
        value: `m:${m.id}`,
        label: t('municipalityLevel', { name: m.name }),
        level: {
          kind: 'municipality' as const,
          id: m.id,
          name: m.name,
          schools: schools.filter((s) => s.municipalityId === m.id),
        },
      })),
      ...schools.map((school) => ({
        value: `s:${school.id}`,
        label: school.name,
        level: { kind: 'school' as const, school },
      })),
    ];
  }, [roles, municipalities, schools, t]);

  if (!actor || !readsReports(actor.roles)) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="empty">{t('notAllowed')}</p>
      </section>
    );
  }

  // A coordinator starts at the municipality; a director at the school they work in; the national coordinator at the
  // state.
  const choice =
    choices.find((c) => c.value === levelChoice) ??
    choices.find((c) => c.level.kind === 'municipality') ??
    choices.find((c) => c.level.kind === 'national') ??
    choices.find((c) => c.value === `s:${selectedSchool}`) ??
    choices[0];
  const semester = semesters.find((s) => keyOf(s) === periodKey) ?? (semesters[0] as SchoolSemester);

  return (
    <section className="page reports-page" aria-labelledby="reports-title">
      <header className="page__header">
        <h1 id="reports-title">{t('title')}</h1>
      </header>
      <p className="page__lead">{t(choice?.level.kind === 'national' ? 'nationalLead' : 'lead')}</p>
      <div className="toolbar toolbar--pair reports-page__choices">
        <div className="toolbar__field">
          <label htmlFor={levelId}>{t('level')}</label>
          <select id={levelId} value={choice?.value ?? ''} onChange={(e) => setLevelChoice(e.target.value)}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__field">
          <label htmlFor={periodId}>{t('period')}</label>
          <select id={periodId} value={keyOf(semester)} onChange={(e) => setPeriodKey(e.target.value)}>
            {semesters.map((s) => (
              <option key={keyOf(s)} value={keyOf(s)}>
                {t('semester', { year: s.schoolYear, semester: s.semester })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {choice?.level.kind === 'national' ? (
        <NationalReportView semester={semester} />
      ) : choice ? (
        <ReportView actor={actor} semester={semester} refusedIds={refusedIds} level={choice.level} />
      ) : (
        <p className="empty">{t('noSchools')}</p>
      )}
    </section>
  );
}
