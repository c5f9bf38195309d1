import { z } from 'zod';

/** A validation message as an i18n key plus its values, so it is shown in the user's language next to the field. */
export interface FieldError {
  key: string;
  values?: Record<string, unknown>;
}
export type FieldErrors<F extends string = string> = Partial<Record<F, FieldError>>;

/**
 * The domain's own messages (a refinement's `message`, e.g. 'schedule.endsBeforeStart') are codes, each with a string
 * under `domainMessages` in locales/<language>/common.json (a test scans src/domain for them and checks every
 * language). zod's own default text for a custom issue is a sentence, not a code, and stays the generic message.
 */
const DOMAIN_CODE = /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/;
export const domainMessageKey = (code: string) => `common:domainMessages.${code}`;

/** Maps zod issues to one message per top-level field (the first issue wins: it is the most basic one). */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || errors[field]) continue;
    errors[field] = messageFor(issue);
  }
  return errors;
}

function messageFor(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? { key: 'common:validation.required' }
        : { key: 'common:validation.invalid' };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'common:validation.tooLong', values: { max: Number(issue.maximum) } }
        : { key: 'common:validation.invalid' };
    case 'invalid_format':
      return issue.format === 'date' ? { key: 'common:validation.date' } : { key: 'common:validation.invalid' };
    case 'invalid_type':
      return issue.input === undefined ? { key: 'common:validation.required' } : { key: 'common:validation.invalid' };
    case 'custom':
      return DOMAIN_CODE.test(issue.message)
        ? { key: domainMessageKey(issue.message) }
        : { key: 'common:validation.invalid' };
    default:
      return { key: 'common:validation.invalid' };
  }
}

/** The field messages of a failed save, when it failed on validation (the database parses every record it writes). */
export const fieldErrorsOfFailure = (error: unknown): FieldErrors | null =>
  error instanceof z.ZodError ? fieldErrorsFrom(error) : null;
