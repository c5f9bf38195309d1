import { describe, expect, it } from 'vitest';
import { compensationSchema, consultationSchema, measureSchema } from '../../domain';
import { boundsOf, maxLengthOf, numberFrom } from './schemaFields';

describe('numberFrom', () => {
  it.each([
    ['40', 40],
    [' 600 ', 600],
    ['0', 0],
    ['40.5', 40.5],
    ['40,5', 40.5],
    ['-3', -3],
    ['', undefined],
    ['   ', undefined],
    ['daudz', Number.NaN],
    ['1e3', Number.NaN],
    ['0x10', Number.NaN],
  ] as const)('%j is %s for the schema to judge', (text, number) => {
    expect(numberFrom(text)).toBe(number);
  });
});

describe('the limits a form reads from its schema', () => {
  it('are the schemas’ own: minutes 1–600, planned sessions 0–500 (inside an optional)', () => {
    expect(boundsOf(consultationSchema.shape.minutes)).toEqual({ min: 1, max: 600 });
    expect(boundsOf(measureSchema.shape.plannedSessions)).toEqual({ min: 0, max: 500 });
  });

  it('include a text’s longest length, inside a default', () => {
    expect(maxLengthOf(measureSchema.shape.justification)).toBe(4000);
    expect(maxLengthOf(compensationSchema.shape.note)).toBe(2000);
  });

  it('refuse a schema of another kind rather than guess', () => {
    expect(() => boundsOf(compensationSchema.shape.note)).toThrow();
    expect(() => maxLengthOf(consultationSchema.shape.minutes)).toThrow();
  });
});
