import { describe, expect, it } from 'vitest';
import { idSchema, isStorableText, TEXT_MALFORMED, textSchema } from './primitives';

describe('storable text', () => {
  it.each([
    ['Anna Bērziņa', true],
    ['Ōtsuka 😀 Ж', true],
    ['', true],
    ['An\u0000na', false],
    ['\ud800', false],
    ['a\udc00b', false],
    ['\ud83d', false],
    ['\ude00\ud83d', false],
  ])('%j is storable: %s', (text, storable) => {
    expect(isStorableText(text)).toBe(storable);
    expect(textSchema().safeParse(text).success).toBe(storable);
  });

  it('refuses a NUL in an id with the message forms show', () => {
    const result = idSchema.safeParse('id\u0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(TEXT_MALFORMED);
  });
});
