import type { TFunction } from 'i18next';
import { staffEventKinds, staffGroups, type CountFigure, type MoneyFigure, type SemesterFigures } from '../../domain';
import type { Formats } from './format';

/**
 * A report as tables: the one model the screen, the CSV and the workbook are drawn from, so they cannot disagree. A
 * cell keeps the figure it shows, so the screen can open the learners behind a count, and a share or hours stay
 * numbers until they are shown, so a workbook can keep them as numbers.
 */
export type Cell =
  | { kind: 'count'; figure: CountFigure }
  | { kind: 'money'; figure: MoneyFigure }
  /** A ratio 0…1, or null when there is no base (shown as a dash). */
  | { kind: 'share'; share: number | null }
  | { kind: 'hours'; hours: number }
  | { kind: 'text'; text: string };

export interface Row {
  label: string;
  cells: Cell[];
}

export interface Section {
  id: string;
  title: string;
  columns: string[];
  rows: Row[];
  note?: string;
}

const text = (value: string): Cell => ({ kind: 'text', text: value });
const count = (figure: CountFigure): Cell => ({ kind: 'count', figure });
const money = (figure: MoneyFigure): Cell => ({ kind: 'money', figure });
const pct = (share: number | null): Cell => ({ kind: 'share', share });
const hours = (value: number): Cell => ({ kind: 'hours', hours: value });
const shown = (figure: CountFigure) => figure.count > 0;

export function reportSections(f: SemesterFigures, t: TFunction, fmt: Formats): Section[] {
  const shareRow = (label: string, figure: CountFigure & { share: number | null }): Row => ({
    label,
    cells: [count(figure), pct(figure.share)],
  });
  const countShare = [t('reports:col.count'), t('reports:col.share')];
  const { support, compensations, staff, outcomes, risks, consultedLearners, delivery, sessions, staffDevelopment } = f;

  const categories = Object.entries(compensations.byCategory).filter(
    ([, m]) => m.requested.cents + m.approved.cents > 0,
  );
  const moneyRow = (label: string, m: (typeof compensations)['total']): Row => ({
    label,
    cells: [
      money(m.requested),
      money(m.approved),
      money(m.paid),
      money(m.stillOwed),
      count(m.learners),
      count(m.fromOtherMunicipalities),
    ],
  });

  return [
    {
      id: 'support',
      title: t('reports:section.support'),
      columns: countShare,
      rows: [
        { label: t('reports:row.plansMade'), cells: [count(f.plans.made), text('')] },
        { label: t('reports:row.learnersWithPlans'), cells: [count(f.plans.learnersWithPlans), text('')] },
        { label: t('reports:row.learnersSupported'), cells: [count(support.learnersSupported), pct(1)] },
        shareRow(t('reports:row.consultationsOnly'), support.consultationsOnly),
        shareRow(t('reports:row.economicOnly'), support.economicOnly),
        shareRow(t('reports:row.both'), support.both),
        { label: t('reports:row.withPlanButNoSupport'), cells: [count(support.withPlanButNoSupport), text('')] },
      ],
    },
    {
      id: 'compensations',
      title: t('reports:section.compensations'),
      columns: [
        t('reports:col.requested'),
        t('reports:col.approved'),
        t('reports:col.paid'),
        t('reports:col.stillOwed'),
        t('reports:col.learners'),
        t('reports:col.fromOtherMunicipalities'),
      ],
      rows: [
        ...categories.map(([code, m]) => moneyRow(t(`profile:compensation.${code}`, code), m)),
        moneyRow(t('reports:row.total'), compensations.total),
      ],
    },
    {
      id: 'staff',
      title: t('reports:section.staff'),
      columns: [t('reports:col.value')],
      rows: [
        { label: t('reports:row.staffTakingPart'), cells: [count(staff.takingPart)] },
        ...Object.entries(staff.takingPartByUserRole)
          .filter(([, fig]) => shown(fig))
          .map(([role, fig]) => ({ label: `– ${t(`users:roles.${role}`, role)}`, cells: [count(fig)] })),
        { label: t('reports:row.directHours'), cells: [hours(staff.directHours)] },
        { label: t('reports:row.heldConsultations'), cells: [count(staff.directConsultations)] },
        // A report kept from before indirect work was counted has no such figures: it shows the rows it has.
        ...(f.indirectWork
          ? [
              { label: t('reports:row.indirectHours'), cells: [hours(f.indirectWork.indirectMinutes / 60)] },
              { label: t('reports:row.staffAll'), cells: [count(f.indirectWork.staffTakingPart)] },
              ...staffGroups
                .filter((g) => shown(f.indirectWork.byGroup[g]))
                .map((g) => ({
                  label: `– ${t(`reports:staffGroup.${g}`)}`,
                  cells: [count(f.indirectWork.byGroup[g])],
                })),
            ]
          : []),
      ],
      note: t('reports:note.indirect'),
    },
    staffDevelopmentSection(staffDevelopment, t, fmt),
    {
      id: 'outcomes',
      title: t('reports:section.outcomes'),
      columns: countShare,
      rows: [
        { label: t('reports:row.evaluated'), cells: [count(outcomes.evaluated), text('')] },
        ...Object.entries(outcomes.byOutcome).map(([code, fig]) =>
          shareRow(t(`plans:evaluation.outcomes.${code}`, code), fig),
        ),
      ],
    },
    {
      id: 'noImprovementReasons',
      title: t('reports:section.noImprovementReasons'),
      columns: countShare,
      rows: Object.entries(outcomes.noImprovementReasons).map(([code, fig]) =>
        shareRow(
          code === 'unstated' ? t('reports:row.reasonUnstated') : t(`plans:evaluation.reasonList.${code}`, code),
          fig,
        ),
      ),
    },
    {
      id: 'risks',
      title: t('reports:section.risks'),
      columns: countShare,
      rows: [
        ...Object.entries(risks.byGroup)
          .filter(([, fig]) => shown(fig))
          .map(([code, fig]) => shareRow(t(`profile:riskGroup.${code}`, code), fig)),
        ...Object.entries(risks.byItem)
          .filter(([, fig]) => shown(fig))
          .map(([code, fig]) => shareRow(`– ${t(`profile:risk.${code}`, code)}`, fig)),
      ],
    },
    {
      id: 'subjects',
      title: t('reports:section.subjects'),
      columns: countShare,
      rows: [
        ...Object.entries(consultedLearners.bySubject)
          .filter(([, fig]) => shown(fig))
          .map(([code, fig]) => shareRow(t(`profile:subject.${code}`, code), fig)),
        ...Object.entries(consultedLearners.bySpecialistRole)
          .filter(([, fig]) => shown(fig))
          .map(([code, fig]) => shareRow(t(`profile:specialistRole.${code}`, code), fig)),
      ],
    },
    {
      id: 'delivery',
      title: t('reports:section.delivery', { target: fmt.percent(delivery.target) }),
      columns: countShare,
      rows: [
        { label: t('reports:row.measured'), cells: [count(delivery.measured), text('')] },
        shareRow(t('reports:row.meetsTarget', { target: fmt.percent(delivery.target) }), delivery.meetsTarget),
        shareRow(t('reports:row.belowTarget', { target: fmt.percent(delivery.target) }), delivery.belowTarget),
        { label: t('reports:row.nothingPlanned'), cells: [count(delivery.nothingPlanned), text('')] },
        ...delivery.bands
          .filter((b) => shown(b.plans))
          .map((b) => ({
            label: `${fmt.percent(b.from)}–${fmt.percent(b.to)}`,
            cells: [count(b.plans), text('')],
          })),
      ],
    },
    {
      id: 'sessions',
      title: t('reports:section.sessions'),
      columns: [t('reports:col.value')],
      rows: [
        { label: t('reports:row.logged'), cells: [count(sessions.logged)] },
        { label: t('reports:row.held'), cells: [count(sessions.held)] },
        { label: `– ${t('consultations:mode.in_person')}`, cells: [count(sessions.heldInPerson)] },
        { label: `– ${t('consultations:mode.remote')}`, cells: [count(sessions.heldRemote)] },
        { label: t('reports:row.cancelled'), cells: [count(sessions.cancelled)] },
        { label: t('reports:row.nobodyCame'), cells: [count(sessions.nobodyCame)] },
        { label: t('reports:row.noShowRate'), cells: [pct(sessions.noShows.rate)] },
        { label: t('reports:row.noShowLearners'), cells: [count(sessions.noShows.learners)] },
      ],
    },
  ];
}

/**
 * Staff development (004: "darbnīcas … 12 stundu apmērā … 19 tehnikuma pedagogi"): events by kind with their hours,
 * the staff reached from the directory (each once) and the others (a count per event). About staff, not learners:
 * nothing here is a small count to suppress (suppressSmallCounts.ts).
 */
function staffDevelopmentSection(d: SemesterFigures['staffDevelopment'], t: TFunction, fmt: Formats): Section {
  const kinds = staffEventKinds.filter((k) => d.byKind[k] > 0);
  return {
    id: 'staffDevelopment',
    title: t('reports:section.staffDevelopment'),
    columns: [t('reports:col.value')],
    rows: [
      { label: t('reports:row.developmentEvents'), cells: [text(fmt.count(d.events))] },
      ...kinds.map((k) => ({ label: `– ${t(`staffDevelopment:kind.${k}`)}`, cells: [text(fmt.count(d.byKind[k]))] })),
      { label: t('reports:row.developmentHours'), cells: [hours(d.hours)] },
      { label: t('reports:row.developmentStaff'), cells: [count(d.staffReached)] },
      { label: t('reports:row.developmentOthers'), cells: [text(fmt.count(d.otherParticipants))] },
      { label: t('reports:row.developmentPersonHours'), cells: [hours(d.personHours)] },
    ],
  };
}

/** A cell as text (the CSV's and the screen's number). */
export function cellText(cell: Cell, fmt: Formats): string {
  if (cell.kind === 'count') return fmt.count(cell.figure.count);
  if (cell.kind === 'money') return fmt.money(cell.figure.cents);
  if (cell.kind === 'share') return fmt.percent(cell.share);
  if (cell.kind === 'hours') return fmt.hours(cell.hours);
  return cell.text;
}

/** A municipality's schools side by side (the seeds' "Raiņa 6. vidusskola (80), Liedaga vidusskola (64)…"). */
export function breakdownSection(
  schools: readonly { name: string; figures: SemesterFigures }[],
  t: TFunction,
): Section {
  return {
    id: 'schools',
    title: t('reports:section.schools'),
    columns: [
      t('reports:col.plans'),
      t('reports:col.supported'),
      t('reports:row.consultationsOnly'),
      t('reports:row.economicOnly'),
      t('reports:row.both'),
      t('reports:col.paid'),
      t('reports:col.hours'),
    ],
    rows: schools.map(({ name, figures: f }) => ({
      label: name,
      cells: [
        count(f.plans.made),
        count(f.support.learnersSupported),
        count(f.support.consultationsOnly),
        count(f.support.economicOnly),
        count(f.support.both),
        money(f.compensations.total.paid),
        hours(f.staff.directHours),
      ],
    })),
  };
}
