import {
  checkCompensation,
  compensationSchema,
  type Compensation,
  type Learner,
  type ProgrammeProfile,
} from '../../domain';
import { formErrorsOf, type FieldErrors, type Validated } from '../forms';
import { parseEuros } from '../plans';

/** What the compensation form holds: text only. */
export interface CompensationFormValues {
  category: string;
  month: string;
  amount: string;
  note: string;
}
export type CompensationField = keyof CompensationFormValues;

/** What the form asks for: the rest (the school, the learner, the plan, the status) the screen adds. */
export interface CompensationEntry {
  category: string;
  month: string;
  amountCents: number;
  note: string;
}

export interface CompensationFormContext {
  learner: Pick<Learner, 'id' | 'programme'>;
  /** What is already recorded for the learner: a cap counts it. */
  recorded: readonly Compensation[];
  profile: ProgrammeProfile;
  /** Cents as the person reads euros, for the cap, what is recorded and what is left. */
  euros: (cents: number) => string;
}

/** The compensation schema's fields this form types (it has no rules across fields, so they can be picked). */
const entrySchema = compensationSchema.pick({ category: true, month: true, amountCents: true, note: true });

/** Where a compensation record's field is typed in the form (a refused save is shown there too). */
export const compensationFieldOf = (field: string): CompensationField | null =>
  field === 'amountCents' ? 'amount' : field === 'category' || field === 'month' || field === 'note' ? field : null;

const MESSAGES = { month: { key: 'compensations:errors.month' }, amount: { key: 'compensations:errors.amount' } };

/**
 * A compensation request as the schema judges it (the month's form, the amount's range, the note's length) and the
 * programme's caps, counted with what is already recorded, before anything is saved. A request of nothing (0 €) is
 * no request.
 */
export function toCompensationEntry(
  values: CompensationFormValues,
  { learner, recorded, profile, euros }: CompensationFormContext,
): Validated<CompensationField, CompensationEntry> {
  const cents = parseEuros(values.amount);
  const parsed = entrySchema.safeParse({
    category: values.category,
    month: values.month,
    amountCents: cents || Number.NaN,
    note: values.note.trim(),
  });
  if (!parsed.success) return { ok: false, errors: formErrorsOf(parsed.error, compensationFieldOf, MESSAGES) };
  const entry = parsed.data;
  const problem = checkCompensation(profile, { learnerId: learner.id, ...entry }, learner.programme, recorded);
  if (!problem) return { ok: true, value: entry };
  const errors: FieldErrors<CompensationField> =
    problem.code === 'overCap'
      ? {
          amount: {
            key: `compensations:errors.overCap_${problem.period}`,
            values: {
              cap: euros(problem.capCents),
              already: euros(problem.alreadyCents),
              left: euros(Math.max(0, problem.capCents - problem.alreadyCents)),
            },
          },
        }
      : { category: { key: `compensations:errors.${problem.code}` } };
  return { ok: false, errors };
}
