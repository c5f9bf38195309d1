import type { Compensation, Consultation } from '../activity';
import {
  noImprovementReasons,
  planOutcomes,
  planStatuses,
  type NoImprovementReason,
  type PlanOutcome,
  type PlanStatus,
  type SupportPlan,
} from '../plan';
import type { ProgrammeProfile } from '../profile/programmeProfile';
import { progressOfPlans } from '../rules/deliveredShare';
import { countFigure, IdGroups, shareFigure, type CountFigure, type ShareFigure } from './figure';

/** Statuses a plan is only in once approved: it was made, whatever its history says (e.g. imported). */
const MADE_STATUSES: ReadonlySet<PlanStatus> = new Set(['approved', 'in_progress', 'suspended']);

/**
 * A plan counts as made ("izveidoti un īstenoti") once it was approved: drafts and plans still waiting for approval
 * are not plans of the programme yet. A plan under revision or made inactive after approval still counts — it was
 * in effect; one deactivated as a draft does not. An evaluated plan was made, however it got there.
 */
export function isPlanMade(plan: SupportPlan): boolean {
  return (
    plan.evaluation !== undefined ||
    MADE_STATUSES.has(plan.status) ||
    plan.history.some((entry) => entry.toStatus === 'approved')
  );
}

export interface PlanFigures {
  /** Plans made in the semester (see isPlanMade). */
  made: CountFigure;
  /** Every plan of the semester by its status now, drafts included. */
  byStatus: Record<PlanStatus, CountFigure>;
  /** Learners with at least one plan made: a learner with two plans (moved school, plan replaced) counts once. */
  learnersWithPlans: CountFigure;
}

export function planFigures(plans: readonly SupportPlan[]): PlanFigures {
  const made = plans.filter(isPlanMade);
  const byStatus = new IdGroups();
  for (const plan of plans) byStatus.add(plan.status, plan.id);
  return {
    made: countFigure(
      'plans',
      made.map((p) => p.id),
    ),
    byStatus: byStatus.counts('plans', planStatuses) as Record<PlanStatus, CountFigure>,
    learnersWithPlans: countFigure(
      'learners',
      made.map((p) => p.learnerId),
    ),
  };
}

export interface OutcomeFigures {
  /** Plans made that were evaluated: the base of every outcome share (002: "57 (15 %) no 376"). */
  evaluated: CountFigure;
  /** Plans per evaluation outcome, as shares of the evaluated plans. */
  byOutcome: Record<PlanOutcome, ShareFigure>;
  /**
   * The reasons chosen for the plans with no improvement, each as a share of those plans (a plan may give several,
   * so the shares add up to more than 100 %); `unstated` are those evaluated so before reasons could be chosen.
   */
  noImprovementReasons: Record<NoImprovementReason | 'unstated', ShareFigure>;
}

export function outcomeFigures(madePlans: readonly SupportPlan[]): OutcomeFigures {
  const evaluated = madePlans.filter((p) => p.evaluation !== undefined);
  const byOutcome = new IdGroups();
  const byReason = new IdGroups();
  for (const plan of evaluated) {
    if (!plan.evaluation) continue;
    byOutcome.add(plan.evaluation.outcome, plan.id);
    if (plan.evaluation.outcome !== 'no_improvement') continue;
    const reasons = plan.evaluation.reasons ?? [];
    if (reasons.length === 0) byReason.add('unstated', plan.id);
    for (const reason of reasons) byReason.add(reason, plan.id);
  }
  const withoutImprovement = evaluated.filter((p) => p.evaluation?.outcome === 'no_improvement').length;
  return {
    evaluated: countFigure(
      'plans',
      evaluated.map((p) => p.id),
    ),
    byOutcome: byOutcome.shares('plans', evaluated.length, planOutcomes) as Record<PlanOutcome, ShareFigure>,
    noImprovementReasons: byReason.shares('plans', withoutImprovement, [...noImprovementReasons, 'unstated']) as Record<
      NoImprovementReason | 'unstated',
      ShareFigure
    >,
  };
}

export interface RiskFigures {
  /** Learners with a plan made naming the risk, as shares of the learners with plans (002: "77,4 %"). */
  byItem: Record<string, ShareFigure>;
  /** Learners with at least one risk of the group (counted once however many of its items they have). */
  byGroup: Record<string, ShareFigure>;
}

/** A risk code's group: as the profile's grid places it, else the code's prefix ("learning.x" → "learning"). */
function groupOf(code: string, profile: ProgrammeProfile): string {
  const group = profile.riskGroups.find((g) => g.items.includes(code));
  return group?.code ?? code.split('.')[0] ?? code;
}

export function riskFigures(madePlans: readonly SupportPlan[], profile: ProgrammeProfile): RiskFigures {
  const base = new Set(madePlans.map((p) => p.learnerId)).size;
  const items = new IdGroups();
  const groups = new IdGroups();
  for (const plan of madePlans)
    for (const risk of plan.risks) {
      items.add(risk.code, plan.learnerId);
      groups.add(groupOf(risk.code, profile), plan.learnerId);
    }
  return {
    byItem: items.shares(
      'learners',
      base,
      profile.riskGroups.flatMap((g) => g.items),
    ),
    byGroup: groups.shares(
      'learners',
      base,
      profile.riskGroups.map((g) => g.code),
    ),
  };
}

export interface DeliveryBand {
  /** The band's lower bound, inclusive (0, 0.1 … 0.9); the last band, 0.9–1, includes 1. */
  from: number;
  to: number;
  plans: CountFigure;
}

export interface DeliveryFigures {
  /** The programme's target share (PuMPuRS: 0.9). */
  target: number;
  /** Plans made with consultations planned: the base of the shares below. */
  measured: CountFigure;
  /** Plans made with no consultation planned (compensations only): a delivered share means nothing for them. */
  nothingPlanned: CountFigure;
  meetsTarget: ShareFigure;
  belowTarget: ShareFigure;
  /** Ten bands of ten percentage points. */
  bands: DeliveryBand[];
}

/**
 * Delivered share as the plan page computes it (rules/deliveredShare.ts), from the logs: sessions the learner
 * attended over those planned. The evaluation keeps the share seen when the plan was evaluated; a consultation logged
 * late still counts here, since the report is of the logs.
 */
export function deliveryFigures(
  madePlans: readonly SupportPlan[],
  consultations: readonly Consultation[],
  compensations: readonly Compensation[],
  profile: ProgrammeProfile,
  /** Each plan's own profile (its target, its consultation length); `profile` for all unless told. */
  profileOfPlan: (plan: SupportPlan) => ProgrammeProfile = () => profile,
): DeliveryFigures {
  const progress = progressOfPlans(madePlans, consultations, compensations, profileOfPlan);
  const measured: string[] = [];
  const nothingPlanned: string[] = [];
  const meets: string[] = [];
  const below: string[] = [];
  const bands: string[][] = Array.from({ length: 10 }, () => []);
  for (const plan of madePlans) {
    const planned = progress.get(plan.id);
    const share = planned?.share ?? null;
    if (share === null) {
      nothingPlanned.push(plan.id);
      continue;
    }
    measured.push(plan.id);
    (planned?.meetsTarget ? meets : below).push(plan.id);
    // A small epsilon: 0.7 is 0.7 here even if the ratio came out as 0.6999999999999999.
    bands[Math.min(9, Math.floor(share * 10 + 1e-9))]?.push(plan.id);
  }
  return {
    target: profile.deliveredTarget,
    measured: countFigure('plans', measured),
    nothingPlanned: countFigure('plans', nothingPlanned),
    meetsTarget: shareFigure('plans', meets, measured.length),
    belowTarget: shareFigure('plans', below, measured.length),
    bands: bands.map((ids, i) => ({ from: i / 10, to: (i + 1) / 10, plans: countFigure('plans', ids) })),
  };
}
