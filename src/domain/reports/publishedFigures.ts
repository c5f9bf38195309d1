import { planOutcomes, type PlanOutcome } from '../plan';
import type { StaffEventKind } from '../staffEvent';
import type { CountFigure, ShareFigure } from './figure';
import type { SemesterFigures } from './semesterFigures';
import { staffGroups, type StaffGroup } from './indirectWorkFigures';
import { SMALL_COUNT_THRESHOLD, suppressCount, suppressSmallCounts, type PublishedCount } from './suppressSmallCounts';

/**
 * The figures of a semester as they may leave the schools (the state's report, issue 11): counts only, never the
 * ids behind them, and every count of learners published as suppressSmallCounts.ts says ("<5", or withheld when it
 * could be worked out from a total). Counts of records that are about no one person (consultations held, staff
 * taking part, staff development, minutes, cents) are given as they are, as that module defines.
 *
 * A plan is one learner's (one plan per learner per semester), so counts of plans are suppressed like counts of
 * learners. Sets that add up to a shown total (the three kinds of support; the outcomes of the evaluated plans) are
 * suppressed as sets, so no hidden cell can be recovered by subtraction.
 */
export interface PublishedShare {
  count: PublishedCount;
  /** A ratio 0…1; null when the base is empty or the count is not shown (a share would tell the count). */
  share: number | null;
}

export interface PublishedMoney {
  requestedCents: number;
  approvedCents: number;
  paidCents: number;
  stillOwedCents: number;
  learners: PublishedCount;
  /** Of those learners, the ones from other municipalities: suppressed with the rest (from here) as one set. */
  fromOtherMunicipalities: PublishedCount;
}

export interface PublishedFigures {
  plansMade: PublishedCount;
  learnersWithPlans: PublishedCount;
  learnersSupported: PublishedCount;
  consultationsOnly: PublishedShare;
  economicOnly: PublishedShare;
  both: PublishedShare;
  /** By the profile's category codes, as semesterFigures lists them. */
  compensations: Record<string, PublishedMoney>;
  compensationsTotal: PublishedMoney;
  staffTakingPart: number;
  directMinutes: number;
  /**
   * Indirectly involved staff's minutes, and everyone taking part (direct or indirect) by group: about staff, so not
   * suppressed. Absent from a report a device kept from before they were counted.
   */
  indirectMinutes?: number;
  staffAll?: number;
  staffByGroup?: Record<StaffGroup, number>;
  evaluated: PublishedCount;
  outcomes: Record<PlanOutcome, PublishedShare>;
  /** Learners per risk group, as shares of the learners with plans (a learner may be in several groups). */
  riskGroups: Record<string, PublishedShare>;
  deliveryTarget: number;
  deliveryMeasured: PublishedCount;
  meetsTarget: PublishedShare;
  belowTarget: PublishedShare;
  consultationsHeld: number;
  consultationsCancelled: number;
  heldInPerson: number;
  heldRemote: number;
  /** Unexcused absences over appointments (a rate over records, not a count of learners). */
  noShowRate: number | null;
  /** Staff development (staffDevelopmentFigures): counts of events, hours and staff, none about a learner. */
  staffDevelopment: PublishedStaffDevelopment;
}

export interface PublishedStaffDevelopment {
  events: number;
  byKind: Record<StaffEventKind, number>;
  hours: number;
  personHours: number;
  /** Staff from the directory who took part, each once. */
  staffReached: number;
  otherParticipants: number;
}

/** The threshold the published figures were suppressed with, sent beside them so a screen can say "<5". */
export const PUBLISHED_THRESHOLD = SMALL_COUNT_THRESHOLD;

const shareOf = (count: PublishedCount, figure: ShareFigure): PublishedShare => ({
  count,
  share: typeof count === 'number' ? figure.share : null,
});
const single = (figure: ShareFigure): PublishedShare => shareOf(suppressCount(figure.count), figure);

/** One set of share figures that adds up to a shown total, suppressed together (see suppressSmallCounts). */
function publishedSet<K extends string>(figures: Record<K, ShareFigure>): Record<K, PublishedShare> {
  const keys = Object.keys(figures) as K[];
  const counts = suppressSmallCounts(Object.fromEntries(keys.map((k) => [k, figures[k].count])) as Record<K, number>);
  return Object.fromEntries(keys.map((k) => [k, shareOf(counts[k], figures[k])])) as Record<K, PublishedShare>;
}

const count = (figure: CountFigure) => suppressCount(figure.count);

function money(m: SemesterFigures['compensations']['total']): PublishedMoney {
  return {
    requestedCents: m.requested.cents,
    approvedCents: m.approved.cents,
    paidCents: m.paid.cents,
    stillOwedCents: m.stillOwed.cents,
    learners: count(m.learners),
    // Suppressed beside its complement, or "<5 from elsewhere" next to a shown total would give the rest away.
    fromOtherMunicipalities: suppressSmallCounts({
      elsewhere: m.fromOtherMunicipalities.count,
      here: m.learners.count - m.fromOtherMunicipalities.count,
    }).elsewhere,
  };
}

/** The figures of one municipality, or of the country, without a single id and with small counts suppressed. */
export function publishedFigures(figures: SemesterFigures): PublishedFigures {
  const support = publishedSet({
    consultationsOnly: figures.support.consultationsOnly,
    economicOnly: figures.support.economicOnly,
    both: figures.support.both,
  });
  const outcomes = publishedSet(
    Object.fromEntries(planOutcomes.map((o) => [o, figures.outcomes.byOutcome[o]])) as Record<PlanOutcome, ShareFigure>,
  );
  return {
    plansMade: count(figures.plans.made),
    learnersWithPlans: count(figures.plans.learnersWithPlans),
    learnersSupported: count(figures.support.learnersSupported),
    ...support,
    compensations: Object.fromEntries(
      Object.entries(figures.compensations.byCategory).map(([category, m]) => [category, money(m)]),
    ),
    compensationsTotal: money(figures.compensations.total),
    staffTakingPart: figures.staff.takingPart.count,
    directMinutes: figures.staff.directMinutes,
    indirectMinutes: figures.indirectWork.indirectMinutes,
    staffAll: figures.indirectWork.staffTakingPart.count,
    staffByGroup: Object.fromEntries(staffGroups.map((g) => [g, figures.indirectWork.byGroup[g].count])) as Record<
      StaffGroup,
      number
    >,
    evaluated: count(figures.outcomes.evaluated),
    outcomes,
    riskGroups: Object.fromEntries(Object.entries(figures.risks.byGroup).map(([group, f]) => [group, single(f)])),
    deliveryTarget: figures.delivery.target,
    deliveryMeasured: count(figures.delivery.measured),
    // Meets and below add up to the measured plans: one set.
    ...(() => {
      const set = publishedSet({
        meetsTarget: figures.delivery.meetsTarget,
        belowTarget: figures.delivery.belowTarget,
      });
      return { meetsTarget: set.meetsTarget, belowTarget: set.belowTarget };
    })(),
    consultationsHeld: figures.sessions.held.count,
    consultationsCancelled: figures.sessions.cancelled.count,
    heldInPerson: figures.sessions.heldInPerson.count,
    heldRemote: figures.sessions.heldRemote.count,
    noShowRate: figures.sessions.noShows.rate,
    staffDevelopment: {
      events: figures.staffDevelopment.events,
      byKind: { ...figures.staffDevelopment.byKind },
      hours: figures.staffDevelopment.hours,
      personHours: figures.staffDevelopment.personHours,
      staffReached: figures.staffDevelopment.staffReached.count,
      otherParticipants: figures.staffDevelopment.otherParticipants,
    },
  };
}
