import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { compensation, consultation, plan } from '../../../test/fixtures/reports/builders';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { SEMESTER, school, vocational2020s1 } from '../../../test/fixtures/reports/vocational2020s1';
import type { Actor } from '../../domain';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { ReportView } from './ReportView';

const director: Actor = { userId: 'vtdt-director', roles: ['director'], schoolIds: [school.id], municipalityIds: [] };
const plainJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const lv = (text: string) => new RegExp(`^${text.replace(/ /g, '\\s')}$`);
const at = { schoolId: school.id };

/**
 * Seed 004's semester (45 plans, 43 learners supported) and, before it, a hand-built history:
 * - 2019/20 semester 1: a plan for learner 01 and nothing else (no one supported);
 * - 2019/20 semester 2: plans for learners 01 and 02 and for "vtdt-old" (who left before 2020/21); learner 01
 *   attended a consultation (consultations only), vtdt-old was paid 10,00 € for meals (economic only), learner 02 had
 *   nothing (a plan but no support);
 * - 2020/21 semester 2, after the chosen one: a plan for "vtdt-later", which no figure up to 2020/21 semester 1 counts.
 * So by hand: plans 1, 3, 45; learners supported 0, 2, 43; since the programme began 45 + vtdt-old = 46 learners:
 * learner 01 in 3 semesters, learner 02 in 2, the other 44 in 1.
 */
let db: AtbalstsDatabase;
beforeEach(async () => {
  db = await memoryDatabase(['learners', 'plans', 'consultations', 'compensations', 'users', 'staffevents']);
  const { learners, plans, consultations, compensations, users } = vocational2020s1;
  const s1 = { schoolYear: '2019/2020', semester: 1 as const };
  const s2 = { schoolYear: '2019/2020', semester: 2 as const };
  await db.learners.bulkInsert(plainJson([...learners]));
  await db.plans.bulkInsert(
    plainJson([
      ...plans,
      plan('old-01-s1', 'vtdt-learner-01', { ...at, ...s1 }),
      plan('old-01-s2', 'vtdt-learner-01', { ...at, ...s2 }),
      plan('old-02-s2', 'vtdt-learner-02', { ...at, ...s2 }),
      plan('old-left-s2', 'vtdt-old', { ...at, ...s2 }),
      plan('later', 'vtdt-later', { ...at, schoolYear: '2020/2021', semester: 2 }),
    ]),
  );
  await db.consultations.bulkInsert(
    plainJson([
      ...consultations,
      consultation('old-c1', { 'vtdt-learner-01': 'attended' }, { ...at, date: '2020-03-02', planId: 'old-01-s2' }),
    ]),
  );
  await db.compensations.bulkInsert(
    plainJson([...compensations, compensation('old-k1', 'vtdt-old', 1000, { ...at, month: '2020-02' })]),
  );
  await db.users.bulkInsert(plainJson([...users]));
});
afterEach(async () => {
  await db.close();
});

function renderReport() {
  renderWithI18n(
    <DatabaseProvider database={db}>
      <ReportView
        actor={director}
        semester={SEMESTER}
        level={{ kind: 'school', school }}
        today={new Date('2021-01-15T12:00:00')}
      />
    </DatabaseProvider>,
  );
}

async function rowOf(caption: string, row: string) {
  const table = await screen.findByRole('table', { name: caption });
  const header = within(table).getByRole('rowheader', { name: row });
  return within(header.closest('tr') as HTMLElement)
    .getAllByRole('cell')
    .map((cell) => (cell.querySelector('summary > span') ?? cell).textContent);
}

describe('the report over time', () => {
  it('puts the earlier semesters beside the chosen one, from the first with any data', async () => {
    renderReport();
    const table = await screen.findByRole('table', { name: 'Pa semestriem' }, { timeout: 5000 });
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(columns).toEqual(['2019/20 1. sem.', '2019/20 2. sem.', '2020/21 1. sem.']);
    expect(await rowOf('Pa semestriem', 'Izveidoti un īstenoti plāni')).toEqual(['1', '3', '45']);
    expect(await rowOf('Pa semestriem', 'Atbalstu saņēmušie skolēni')).toEqual(['0', '2', '43']);
    const only = await rowOf('Pa semestriem', '– Tikai konsultācijas');
    expect(only[0]).toBe('–');
    expect(only[1]).toMatch(lv('50 %'));
    expect(only[2]).toMatch(lv('51 %'));
    const paid = await rowOf('Pa semestriem', 'Izmaksātās kompensācijas');
    expect(paid[1]).toMatch(lv('10,00 €'));
    expect(paid[2]).toMatch(lv('993,81 €'));
  });

  it('counts the learners since the programme began and for how many semesters', async () => {
    renderReport();
    const caption = 'Kopš programmas sākuma';
    await screen.findByRole('table', { name: caption }, { timeout: 5000 });
    expect(await rowOf(caption, 'Skolēni, kas programmā bijuši vismaz 1 reizi')).toEqual(['46']);
    expect(await rowOf(caption, '– 1 semestrī')).toEqual(['44']);
    expect(await rowOf(caption, '– 2 semestros')).toEqual(['1']);
    expect(await rowOf(caption, '– 3 semestros')).toEqual(['1']);
  });

  it('draws the charts with their numbers in words, beside the tables', async () => {
    renderReport();
    const mix = await screen.findByRole('img', { name: /Tikai konsultācijas 51\s%/ }, { timeout: 5000 });
    expect(mix.getAttribute('aria-label')).toMatch(/Tikai ekonomiskais atbalsts 44\s%, Abi atbalsta veidi 5\s%$/);
    expect(mix.closest('figure')?.querySelector('figcaption')?.textContent).toBe(
      'Atbalsta veidi (atbalstītie skolēni)',
    );
    const delivery = screen.getByRole('img', { name: /^Mērķi 90\s% sasniedz \d+ plāni, zem tā 6/ });
    expect(delivery.querySelectorAll('rect')).toHaveLength(10);
    await waitFor(() =>
      expect(
        screen.getByRole('img', {
          name: /2019\/20 2\. sem\.: Atbalstu saņēmušie skolēni 2, Izveidoti un īstenoti plāni 3; 2020\/21 1\. sem\.: Atbalstu saņēmušie skolēni 43/,
        }),
      ).toBeTruthy(),
    );
    // The tables stay: every figure can still be read (and its learners opened).
    expect(screen.getByRole('table', { name: 'Plāni un atbalstītie skolēni' })).toBeTruthy();
  });
});
