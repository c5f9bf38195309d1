import { describe, expect, it } from 'vitest';
import { learnerFieldsSchema } from '../../domain';
import { fieldErrorsFrom } from './fieldErrors';

describe('fieldErrorsFrom', () => {
  it('names invisible or broken characters as such, not as a generic problem', () => {
    const parsed = learnerFieldsSchema.safeParse({
      firstName: 'An\u0000na',
      lastName: 'B\ud800',
      className: '7.b',
      programme: 'general',
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsFrom(parsed.error)).toEqual({
      firstName: { key: 'common:domainMessages.text.malformed' },
      lastName: { key: 'common:domainMessages.text.malformed' },
    });
  });
});
