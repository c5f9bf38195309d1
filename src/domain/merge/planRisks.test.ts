import { describe, expect, it } from 'vitest';
import { mergeDocuments } from './mergeDocuments';

const risk = (id: string, code: string, note = '') => ({ id, code, note });
const measure = (id: string, riskIds: string[]) => ({ id, riskIds });
const plan = (risks: object[], measures: object[] = []) => ({ id: 'p1', risks, measures });

describe('mergeDocuments: one risk per code in a plan', () => {
  it.each([
    [
      'the same risk ticked on both devices: the server’s kept, this device’s measure answers it',
      plan([]),
      plan([risk('mine', 'learning.a')], [measure('m1', ['mine'])]),
      plan([risk('theirs', 'learning.a')]),
      plan([risk('theirs', 'learning.a')], [measure('m1', ['theirs'])]),
      [],
    ],
    [
      'a note written on one side only is kept',
      plan([]),
      plan([risk('mine', 'learning.a', 'grūtības ar daļskaitļiem')]),
      plan([risk('theirs', 'learning.a')]),
      plan([risk('theirs', 'learning.a', 'grūtības ar daļskaitļiem')]),
      [],
    ],
    [
      'two different notes: the server’s kept, this device’s reported',
      plan([]),
      plan([risk('mine', 'learning.a', 'mana piezīme')]),
      plan([risk('theirs', 'learning.a', 'viņu piezīme')]),
      plan([risk('theirs', 'learning.a', 'viņu piezīme')]),
      [{ path: 'risks[theirs].note', kept: 'viņu piezīme', lost: 'mana piezīme' }],
    ],
    [
      'a measure answering both copies answers the one kept, once',
      plan([]),
      plan([risk('mine', 'learning.a')], [measure('m1', ['mine'])]),
      plan([risk('theirs', 'learning.a')], [measure('m2', ['theirs'])]),
      plan([risk('theirs', 'learning.a')], [measure('m2', ['theirs']), measure('m1', ['theirs'])]),
      [],
    ],
    [
      'different risks ticked on each side: both kept',
      plan([]),
      plan([risk('mine', 'learning.a')]),
      plan([risk('theirs', 'family.b')]),
      plan([risk('theirs', 'family.b'), risk('mine', 'learning.a')]),
      [],
    ],
  ])('%s', (_, base, local, remote, merged, conflicts) => {
    expect(mergeDocuments(base, local, remote)).toEqual({ merged, conflicts });
  });
});
