import type { z } from 'zod';
import { TEXT_MALFORMED } from '../../domain';

/** A validation message as an i18n key plus its values, so it is shown in the user's language next to the field. */
export interface FieldError {
  key: string;
  values?: Record<string, unknown>;
}
export type FieldErrors<F extends string = string> = Partial<Record<F, FieldError>>;

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
      return issue.message === TEXT_MALFORMED
        ? { key: 'common:validation.malformedText' }
        : { key: 'common:validation.invalid' };
    default:
      return { key: 'common:validation.invalid' };
  }
}
