import { describe, expect, it } from 'vitest';
import { compensation, learner } from '../../../test/fixtures/reports/builders';
import { pumpurs2017 } from '../profile/pumpurs2017';
import { compensationFigures } from './supportFigures';

/**
 * Learners from other municipalities per compensation category (002: "7 audzēkņi no citām pašvaldībām saņēma
 * atbalstu transporta izdevumu segšanai"). Four learners: Anna and Jānis live elsewhere, Pēteris in the school's
 * municipality, Līga did not say.
 */
const learners = [
  learner('anna', { livesInOtherMunicipality: true }),
  learner('janis', { livesInOtherMunicipality: true }),
  learner('peteris', { livesInOtherMunicipality: false }),
  learner('liga'),
];
const transport = { category: 'intercity_transport' } as const;

describe('learners from other municipalities, by compensation category', () => {
  it.each([
    {
      case: 'two from elsewhere among three granted transport, one of them twice',
      records: [
        compensation('c1', 'anna', 1500, transport),
        compensation('c2', 'anna', 1500, { ...transport, month: '2020-11' }),
        compensation('c3', 'janis', 1500, { ...transport, status: 'approved' }),
        compensation('c4', 'peteris', 1500, transport),
      ],
      category: 'intercity_transport',
      expected: { learners: 3, fromOther: 2 },
    },
    {
      case: 'a request not yet approved is support not received',
      records: [compensation('c1', 'anna', 1500, { ...transport, status: 'requested' })],
      category: 'intercity_transport',
      expected: { learners: 0, fromOther: 0 },
    },
    {
      case: 'not stated counts as from here; a learner the report does not hold too',
      records: [compensation('c1', 'liga', 700), compensation('c2', 'gone', 700)],
      category: 'meals',
      expected: { learners: 2, fromOther: 0 },
    },
    {
      case: 'each category apart: meals for Anna only',
      records: [compensation('c1', 'anna', 700), compensation('c2', 'janis', 1500, transport)],
      category: 'meals',
      expected: { learners: 1, fromOther: 1 },
    },
  ])('$case', ({ records, category, expected }) => {
    const figures = compensationFigures(records, pumpurs2017, learners);
    const money = figures.byCategory[category];
    expect([money?.learners.count, money?.fromOtherMunicipalities.count]).toEqual([
      expected.learners,
      expected.fromOther,
    ]);
  });

  it('counts a learner once in the total, whatever the categories: Anna and Jānis of three', () => {
    const records = [
      compensation('c1', 'anna', 700),
      compensation('c2', 'anna', 1500, transport),
      compensation('c3', 'janis', 1500, transport),
      compensation('c4', 'peteris', 700),
    ];
    const { total } = compensationFigures(records, pumpurs2017, learners);
    expect([total.learners.count, total.fromOtherMunicipalities.count]).toEqual([3, 2]);
    expect(total.fromOtherMunicipalities.ids).toEqual(['anna', 'janis']);
  });
});
