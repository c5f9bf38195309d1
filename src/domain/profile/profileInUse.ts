import type { SupportPlan } from '../plan';
import type { ProgrammeProfile } from './programmeProfile';

/** What plans made under a profile name of it: the codes an edit of the profile must keep. */
export interface ProfileUse {
  plans: number;
  risks: ReadonlySet<string>;
  measureKinds: ReadonlySet<string>;
  subjects: ReadonlySet<string>;
  specialistRoles: ReadonlySet<string>;
  compensations: ReadonlySet<string>;
}

export function profileUseOf(plans: readonly Pick<SupportPlan, 'risks' | 'measures'>[]): ProfileUse {
  const present = <T>(values: (T | undefined)[]) => new Set(values.filter((v): v is T => v !== undefined));
  const measures = plans.flatMap((p) => p.measures);
  return {
    plans: plans.length,
    risks: new Set(plans.flatMap((p) => p.risks.map((r) => r.code))),
    measureKinds: new Set(measures.map((m) => m.kind)),
    subjects: present(measures.map((m) => m.subject)),
    specialistRoles: present(measures.map((m) => m.specialistRole)),
    compensations: present(measures.map((m) => m.compensationCategory)),
  };
}

/**
 * A profile plans were made under keeps what they name: a plan keeps its profile for good (issue 12), so removing a
 * risk, a measure kind, a subject, a specialist role or a compensation category one of them uses — or deleting the
 * profile — would leave that plan judged by rules that no longer know its own content. Adding, renaming (the words
 * of an added risk) and changing numbers stay allowed; caps and targets are the administrator's to set. The
 * device's form asks with the plans it holds; the server's write check with all of them.
 */
export function profileInUseProblem(next: ProgrammeProfile | null, use: ProfileUse): 'profile.usedByPlans' | null {
  if (use.plans === 0) return null;
  if (next === null) return 'profile.usedByPlans';
  const missing = (used: ReadonlySet<string>, kept: readonly string[]) => [...used].some((c) => !kept.includes(c));
  const broken =
    missing(
      use.risks,
      next.riskGroups.flatMap((g) => g.items),
    ) ||
    missing(use.measureKinds, next.measureKinds) ||
    missing(use.subjects, next.subjects) ||
    missing(use.specialistRoles, next.specialistRoles) ||
    missing(
      use.compensations,
      next.compensations.map((c) => c.code),
    );
  return broken ? 'profile.usedByPlans' : null;
}
