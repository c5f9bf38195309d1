import type { Compensation, Consultation } from '../activity';
import type { Learner } from '../learner';
import type { ProgrammeProfile } from '../profile/programmeProfile';
import { countFigure, moneyFigure, shareFigure, type CountFigure, type MoneyFigure, type ShareFigure } from './figure';

/** A compensation is support the learner received once it is granted: approved (still owed) or paid. */
export const isGranted = (c: Pick<Compensation, 'status'>) => c.status === 'approved' || c.status === 'paid';

/** Learners who attended at least one consultation of the semester. */
export function learnersConsulted(consultations: readonly Consultation[]): Set<string> {
  const ids = new Set<string>();
  for (const c of consultations) for (const a of c.attendees) if (a.attendance === 'attended') ids.add(a.learnerId);
  return ids;
}

export interface SupportFigures {
  /**
   * Learners who received support in the semester: attended a consultation or were granted a compensation. The base
   * of the three shares below, which therefore add up to 100 % (004: 51 % + 44 % + 5 %).
   */
  learnersSupported: CountFigure;
  consultationsOnly: ShareFigure;
  economicOnly: ShareFigure;
  both: ShareFigure;
  /** Learners with a plan made who received neither (yet): plan suspended, learner stopped coming, left school. */
  withPlanButNoSupport: CountFigure;
}

export function supportFigures(
  consultations: readonly Consultation[],
  compensations: readonly Compensation[],
  learnersWithPlans: readonly string[],
): SupportFigures {
  const consulted = learnersConsulted(consultations);
  const economic = new Set(compensations.filter(isGranted).map((c) => c.learnerId));
  const supported = new Set([...consulted, ...economic]);
  const base = supported.size;
  return {
    learnersSupported: countFigure('learners', supported),
    consultationsOnly: shareFigure(
      'learners',
      [...consulted].filter((id) => !economic.has(id)),
      base,
    ),
    economicOnly: shareFigure(
      'learners',
      [...economic].filter((id) => !consulted.has(id)),
      base,
    ),
    both: shareFigure(
      'learners',
      [...consulted].filter((id) => economic.has(id)),
      base,
    ),
    withPlanButNoSupport: countFigure(
      'learners',
      learnersWithPlans.filter((id) => !supported.has(id)),
    ),
  };
}

/**
 * One category's money (or all categories'). The steps follow rules/compensationStatus.ts: requested → approved →
 * paid. `approved` is everything granted, paid or not — the total owed to learners ("kopējā atlīdzināmā summa",
 * 004) — and `stillOwed` the part of it not paid yet ("579,47 eiro vēl nav atlīdzināti"), so approved = paid +
 * still owed. `requested` waits for approval and is in neither.
 */
export interface CompensationMoney {
  requested: MoneyFigure;
  approved: MoneyFigure;
  paid: MoneyFigure;
  stillOwed: MoneyFigure;
  /** Learners granted a compensation of the category. */
  learners: CountFigure;
  /** Of them, those whose declared home is in another municipality (learner.livesInOtherMunicipality). */
  fromOtherMunicipalities: CountFigure;
}

export interface CompensationFigures {
  /** By the profile's category codes (meals, intercity_transport, accommodation, …), every category present. */
  byCategory: Record<string, CompensationMoney>;
  total: CompensationMoney;
}

function money(records: readonly Compensation[], fromElsewhere: ReadonlySet<string>): CompensationMoney {
  const granted = records.filter(isGranted);
  return {
    requested: moneyFigure(records.filter((c) => c.status === 'requested')),
    approved: moneyFigure(granted),
    paid: moneyFigure(records.filter((c) => c.status === 'paid')),
    stillOwed: moneyFigure(records.filter((c) => c.status === 'approved')),
    learners: countFigure(
      'learners',
      granted.map((c) => c.learnerId),
    ),
    fromOtherMunicipalities: countFigure(
      'learners',
      granted.map((c) => c.learnerId).filter((id) => fromElsewhere.has(id)),
    ),
  };
}

export function compensationFigures(
  compensations: readonly Compensation[],
  profile: ProgrammeProfile,
  /** The learners, for where they live; a learner not among them (or who did not say) counts as from here. */
  learners: readonly Pick<Learner, 'id' | 'livesInOtherMunicipality'>[] = [],
): CompensationFigures {
  const fromElsewhere = new Set(learners.filter((l) => l.livesInOtherMunicipality === true).map((l) => l.id));
  const byCategory = new Map<string, Compensation[]>(profile.compensations.map((c) => [c.code, []]));
  // A category the profile no longer names (an older programme's) is still money paid: it is shown, not dropped.
  for (const c of [...compensations].sort((a, b) => a.category.localeCompare(b.category))) {
    const list = byCategory.get(c.category);
    if (list) list.push(c);
    else byCategory.set(c.category, [c]);
  }
  return {
    byCategory: Object.fromEntries(
      [...byCategory].map(([category, records]) => [category, money(records, fromElsewhere)]),
    ),
    total: money(compensations, fromElsewhere),
  };
}
