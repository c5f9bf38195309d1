import { describe, expect, it } from 'vitest';
import { authorshipProblem } from './authorship';

const stored = { id: 'l1', className: '7.a', updatedBy: 'marta' };

describe('a change is signed by the person who pushes it', () => {
  it.each<[string, Record<string, unknown> | null, Record<string, unknown>, 'updatedByNotOwn' | null]>([
    ['a new record signed by the pusher', null, { id: 'l2', updatedBy: 'ilze' }, null],
    ['a new record signed by someone else', null, { id: 'l2', updatedBy: 'marta' }, 'updatedByNotOwn'],
    ['a change signed by the pusher', stored, { ...stored, className: '7.b', updatedBy: 'ilze' }, null],
    ['a change signed in a colleague’s name', stored, { ...stored, className: '7.b' }, 'updatedByNotOwn'],
    ['the stored version sent back unchanged, with its own signer', stored, { ...stored }, null],
    ['a change with no signer (written before signers were kept)', stored, { id: 'l1', className: '7.b' }, null],
  ])('%s', (_name, before, pushed, expected) => {
    expect(authorshipProblem('ilze', before, pushed)).toBe(expected);
  });
});
