import { describe, expect, it } from 'vitest';
import { sheetName } from './xlsx';

describe('a sheet’s name', () => {
  it('keeps a short title as it is', () => {
    expect(sheetName('Kompensācijas (eiro)', new Set())).toBe('Kompensācijas (eiro)');
  });

  it('cuts a title longer than Excel’s 31 characters at a word, with an ellipsis', () => {
    const name = sheetName('Konsultāciju mācību priekšmeti un speciālisti', new Set());
    expect(name).toBe('Konsultāciju mācību…');
  });

  it('drops the characters Excel refuses in a name', () => {
    expect(sheetName('Plāni 2020/2021: [kopā]?', new Set())).toBe('Plāni 2020 2021 kopā');
  });

  it('numbers a name already taken, whatever its case', () => {
    const taken = new Set<string>();
    expect(sheetName('Riski', taken)).toBe('Riski');
    expect(sheetName('riski', taken)).toBe('riski 2');
    expect(sheetName('Riski', taken)).toBe('Riski 3');
  });
});
