import { describe, expect, it } from 'vitest';
import { readsMunicipalityReports, readsReports } from '../../domain';
import { formatsFor } from './format';

const NBSP = '\u00a0';

describe('report formats', () => {
  it('writes Latvian as a coordinator hands it in: 362,45 €, 51 %, 15.01.2021.', () => {
    const lv = formatsFor('lv');
    expect(lv.money(36245)).toBe(`362,45${NBSP}€`);
    expect(lv.money(545781)).toBe(`5457,81${NBSP}€`);
    expect(lv.percent(22 / 43)).toBe(`51${NBSP}%`);
    expect(lv.percent(null)).toBe('–');
    expect(lv.hours(74.33)).toBe('74,3');
    expect(lv.date('2021-01-15')).toBe('15.01.2021.');
  });

  it('writes English and Russian in their own way', () => {
    expect(formatsFor('en').money(36245)).toBe('€362.45');
    expect(formatsFor('en').percent(0.51)).toBe('51%');
    expect(formatsFor('en').date('2021-01-15')).toBe('15/01/2021');
    expect(formatsFor('ru').money(36245)).toBe(`362,45${NBSP}€`);
    expect(formatsFor('ru').percent(0.51)).toBe(`51${NBSP}%`);
    expect(formatsFor('ru').date('2021-01-15')).toBe('15.01.2021');
  });
});

describe('who reads reports', () => {
  it('is the director, the coordinators and administrators; a municipality’s only its coordinator (and admins)', () => {
    expect(readsReports(['teacher', 'plan_preparer'])).toBe(false);
    expect(readsReports(['psychologist'])).toBe(false);
    expect(readsReports(['director'])).toBe(true);
    expect(readsReports(['school_coordinator'])).toBe(true);
    expect(readsReports(['municipal_coordinator'])).toBe(true);
    expect(readsReports(['administrator'])).toBe(true);
    expect(readsMunicipalityReports(['director'])).toBe(false);
    expect(readsMunicipalityReports(['school_coordinator'])).toBe(false);
    expect(readsMunicipalityReports(['municipal_coordinator'])).toBe(true);
    expect(readsMunicipalityReports(['administrator'])).toBe(true);
  });
});
