import { z } from 'zod';
import { fieldErrorsFrom, type FieldError, type FieldErrors } from './fieldErrors';

/**
 * Typed text as a number for the schema to judge: '' is nothing typed (undefined, "required"); anything that is not a
 * number at all is NaN, which every number schema refuses. Whether it must be whole, and its range, are the schema's.
 */
export function numberFrom(text: string): number | undefined {
  const typed = text.trim();
  if (!typed) return undefined;
  return /^-?\d+([.,]\d+)?$/.test(typed) ? Number(typed.replace(',', '.')) : Number.NaN;
}

/** The schema inside an optional or a default: where a field's limits are declared. */
function inner(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while ('innerType' in current._zod.def) current = current._zod.def.innerType as z.core.$ZodType;
  return current;
}

/** The range a number field's schema allows, for a message that names it ("1–600") without restating it. */
export function boundsOf(schema: z.core.$ZodType): { min: number; max: number } {
  const number = inner(schema);
  if (!(number instanceof z.ZodNumber)) throw new Error('boundsOf: not a number schema');
  return { min: number.minValue ?? -Infinity, max: number.maxValue ?? Infinity };
}

/** The longest text a string field's schema allows: an input's maxLength, taken from the schema. */
export function maxLengthOf(schema: z.core.$ZodType): number | undefined {
  const text = inner(schema);
  if (!(text instanceof z.ZodString)) throw new Error('maxLengthOf: not a string schema');
  return text.maxLength ?? undefined;
}

/**
 * What a stored record has and a form never types: a schema of a whole entity (its refinements across fields
 * included, which zod cannot pick or omit) judges a form's input with these stand-ins, then they are dropped again.
 */
const STAND_IN = { id: 'form', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' };
type Stored = keyof typeof STAND_IN;

export type SchemaCheck<T, F extends string> =
  { ok: true; value: Omit<T, Stored> } | { ok: false; errors: FieldErrors<F> };

/**
 * A form's input judged by its entity's own schema, exactly as the database will judge it when it is written; each
 * problem goes to the form field that holds it (`fieldOf` maps a record field to a form field, e.g. attendees to
 * learners), in the form's own words where it has better ones than the generic message (`messages`).
 */
export function checkAsRecord<T, F extends string>(
  schema: z.ZodType<T>,
  input: object,
  fieldOf: (recordField: string) => F | null,
  messages: Partial<Record<F, FieldError>> = {},
): SchemaCheck<T, F> {
  const parsed = schema.safeParse({ ...input, ...STAND_IN });
  if (parsed.success) {
    const record = Object.entries(parsed.data as Record<string, unknown>).filter(([key]) => !(key in STAND_IN));
    return { ok: true, value: Object.fromEntries(record) as Omit<T, Stored> };
  }
  const errors = formErrorsOf(parsed.error, fieldOf, messages);
  // A refusal of nothing the form holds (its context: the school, the person) is not the typist's to fix: the save
  // goes ahead and the database's own parse refuses it, which the form reports as a failed save.
  if (Object.keys(errors).length === 0) return { ok: true, value: input as Omit<T, Stored> };
  return { ok: false, errors };
}

/**
 * A schema's refusal as messages next to the form's fields: a domain code's own words (fieldErrors), or the form's
 * message for that field, or the generic one. A refusal of a field the form does not hold is not shown here.
 */
export function formErrorsOf<F extends string>(
  error: z.ZodError,
  fieldOf: (recordField: string) => F | null,
  messages: Partial<Record<F, FieldError>> = {},
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const [recordField, found] of Object.entries(fieldErrorsFrom(error))) {
    const field = fieldOf(recordField);
    if (!field || errors[field] || !found) continue;
    const domainOwn = found.key.startsWith('common:domainMessages.');
    errors[field] = domainOwn ? found : (messages[field] ?? found);
  }
  return errors;
}

/** A failed save's schema refusal (the database parses every record it writes) under the form's fields; else none. */
export const formErrorsOfFailure = <F extends string>(
  error: unknown,
  fieldOf: (recordField: string) => F | null,
): FieldErrors<F> => (error instanceof z.ZodError ? formErrorsOf(error, fieldOf) : {});
