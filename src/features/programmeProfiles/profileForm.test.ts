import { describe, expect, it } from 'vitest';
import { copyOfProfile, pumpurs2017 } from '../../domain';
import { addRisk, applyProfileForm, formValuesOf, parsePercent, removeRisk } from './profileForm';

const base = copyOfProfile(pumpurs2017, { id: 'c1', title: 'Skola–kopiena', now: '2026-12-01T08:00:00.000Z', by: 'a' });

describe('the profile form', () => {
  it('shows the copy’s numbers as people type them', () => {
    const values = formValuesOf(base);
    expect(values).toMatchObject({ yearsFrom: '2017', yearsTo: '2023', deliveredTarget: '90', grant: '4600' });
    expect(values.caps).toMatchObject({ meals: '70', personal_items: '25', learning_materials: '' });
  });

  it.each([
    ['90', 0.9],
    ['87,5', 0.875],
    ['100', 1],
    ['0', 0],
    ['101', null],
    ['9,25', null],
    ['abc', null],
  ])('reads %s %% as %s', (text, share) => {
    expect(parsePercent(text)).toBe(share);
  });

  it('applies the successor’s numbers: years 2024–2029, meals 90 €, target 85 %, grant 5000 €', () => {
    const values = {
      ...formValuesOf(base),
      yearsFrom: '2024',
      yearsTo: '2029',
      caps: { ...formValuesOf(base).caps, meals: '90', learning_materials: '40,50' },
      deliveredTarget: '85',
      grant: '5000',
    };
    const result = applyProfileForm(base, values);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.profile.years).toEqual({ from: 2024, to: 2029 });
    expect(result.profile.compensations.find((c) => c.code === 'meals')?.capCents).toBe(9000);
    expect(result.profile.compensations.find((c) => c.code === 'learning_materials')?.capCents).toBe(4050);
    expect(result.profile.deliveredTarget).toBe(0.85);
    expect(result.profile.youthProject.grantCents).toBe(500_000);
  });

  it.each([
    ['no title', { title: '  ' }, 'title'],
    ['years the wrong way round', { yearsFrom: '2029', yearsTo: '2024' }, 'years'],
    ['a target above 100 %', { deliveredTarget: '120' }, 'deliveredTarget'],
    ['a grant that is no amount', { grant: 'daudz' }, 'grant'],
    ['18 to 3 months', { minMonths: '18', maxMonths: '3' }, 'months'],
  ])('refuses %s', (_, change, field) => {
    const result = applyProfileForm(base, { ...formValuesOf(base), ...change });
    expect(result.ok ? [] : Object.keys(result.errors)).toEqual([field]);
  });

  it('refuses a cap that is no amount, naming its field', () => {
    const values = formValuesOf(base);
    const result = applyProfileForm(base, { ...values, caps: { ...values.caps, meals: '70 eiro' } });
    expect(result.ok ? {} : result.errors).toEqual({ 'cap.meals': 'amount' });
  });

  it('adds a named risk with a new code and removes one, label and all', () => {
    const added = addRisk(formValuesOf(base), 'other', ' Digitālā atkarība ');
    expect(added.riskGroups.find((g) => g.code === 'other')?.items.at(-1)).toBe('other.added_1');
    expect(added.riskLabels).toEqual([{ code: 'other.added_1', text: 'Digitālā atkarība' }]);
    const removed = removeRisk(added, 'other.marriage');
    const result = applyProfileForm(base, removed);
    if (!result.ok) throw new Error('refused');
    // The "other" group: 6 risks of PuMPuRS, one added, one removed.
    expect(result.profile.riskGroups.find((g) => g.code === 'other')?.items).toHaveLength(6);
    expect(result.profile.riskLabels).toHaveLength(1);
  });

  it('refuses a group left with no risk', () => {
    const learning = base.riskGroups[0]!;
    const emptied = learning.items.reduce((v, code) => removeRisk(v, code), formValuesOf(base));
    const result = applyProfileForm(base, emptied);
    expect(result.ok ? {} : result.errors).toEqual({ risks: 'emptyGroup' });
  });
});
