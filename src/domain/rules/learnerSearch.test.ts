import { describe, expect, it } from 'vitest';
import { classNames, compareLearners, matchesLearnerQuery, normaliseForSearch } from './learnerSearch';

describe('normaliseForSearch', () => {
  it.each([
    ['Bērziņa', 'berzina'],
    ['ĀČĒĢĪĶĻŅŠŪŽ', 'acegiklnsuz'],
    ['Семёнов', 'семенов'],
    ['  Anna   Marija ', 'anna marija'],
  ])('%s → %s', (input, output) => expect(normaliseForSearch(input)).toBe(output));
});

describe('matchesLearnerQuery', () => {
  const learner = { firstName: 'Jānis', lastName: 'Ozoliņš' };
  it.each([
    ['', true],
    ['jan', true],
    ['OZOLINS', true],
    ['jānis ozo', true],
    ['ozolins janis', true],
    ['liepa', false],
    ['janis liepa', false],
  ])('%j → %s', (query, matches) => expect(matchesLearnerQuery(learner, query)).toBe(matches));
});

describe('compareLearners', () => {
  it('orders by Latvian collation, last name first', () => {
    const names = [
      { firstName: 'Anna', lastName: 'Šmite' },
      { firstName: 'Zane', lastName: 'Celma' },
      { firstName: 'Anna', lastName: 'Čakste' },
      { firstName: 'Aiga', lastName: 'Celma' },
      { firstName: 'Ilze', lastName: 'Sproģe' },
    ];
    expect([...names].sort(compareLearners).map((n) => `${n.lastName} ${n.firstName}`)).toEqual([
      'Celma Aiga',
      'Celma Zane',
      'Čakste Anna',
      'Sproģe Ilze',
      'Šmite Anna',
    ]);
  });
});

describe('classNames', () => {
  it('lists distinct classes in natural order', () => {
    const classes = ['10.b', '5.a', '12.a', '5.a', '9.c', '1. kurss, AM-25'].map((className) => ({ className }));
    expect(classNames(classes)).toEqual(['1. kurss, AM-25', '5.a', '9.c', '10.b', '12.a']);
  });
});
