import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { localDate, type Compensation, type Learner, type User } from '../../domain';
import { openRejections, useRejections } from '../../sync';
import { LearnerCompensations } from '../compensations';
import { conflictSentence, ConflictNotes, valueInWords } from './ConflictNotes';
import { RefusalNotice } from './RefusalNotice';
import { refusalText } from './refusalText';

const AT = '2026-09-01T08:00:00.000Z';
const month = localDate(new Date()).slice(0, 7);
const learner: Learner = {
  id: 'l1',
  schoolId: 's1',
  firstName: 'Anna',
  lastName: 'Kalna',
  className: '7.a',
  programme: 'general',
  guardians: [],
  archived: false,
  createdAt: AT,
  updatedAt: AT,
};
const meals = (id: string, amountCents: number): Compensation => ({
  id,
  createdAt: AT,
  updatedAt: AT,
  schoolId: 's1',
  learnerId: 'l1',
  planId: '',
  category: 'meals',
  month,
  amountCents,
  status: 'requested',
  note: '',
});

describe('refusal reasons in the person’s language', () => {
  // Every code the server sends today (canWrite's DenyReason, the caps, the plan workflow, invalid documents),
  // written out here rather than read from the code that sends them.
  const codes = [
    'outOfScope',
    'roleNotAllowed',
    'notOwnRecord',
    'notPreparer',
    'approverMayChangeStatusOnly',
    'readOnlyCollection',
    'planStepNotAllowed',
    'planContentLocked',
    'compensationOverCap',
    'compensationNotAllowed',
    'invalid_document',
    'updatedByNotOwn',
  ];
  function Texts({ reasons }: { reasons: string[] }) {
    const { t } = useTranslation();
    return (
      <ul>
        {reasons.map((reason) => (
          <li key={reason} data-code={reason}>
            {refusalText(t, { reason })}
          </li>
        ))}
      </ul>
    );
  }
  it.each(['lv', 'en', 'ru'] as const)('%s has words for every code, and a generic sentence otherwise', (lang) => {
    const { container } = renderWithI18n(<Texts reasons={[...codes, 'someNewCode']} />, lang);
    const textOf = (code: string) => container.querySelector(`[data-code="${code}"]`)?.textContent ?? '';
    const generic = textOf('someNewCode');
    expect(generic).toContain('someNewCode');
    expect(generic).not.toBe('someNewCode');
    for (const code of codes) {
      expect(textOf(code), code).not.toContain(code);
      expect(textOf(code), code).not.toBe(generic.replace('someNewCode', code));
      expect(textOf(code), code).not.toBe('');
    }
  });
});

describe('a refused compensation', () => {
  let db: AtbalstsDatabase;
  let c40 = '';
  beforeEach(async () => {
    c40 = `c40-${crypto.randomUUID().slice(0, 8)}`;
    localStorage.clear();
    db = await memoryDatabase(['compensations', 'plans', 'users', 'schools', 'municipalities']);
    openRejections(db.name);
    await db.compensations.bulkInsert([meals('c50', 5000), meals(c40, 4000)]);
    useRejections.getState().record('compensations', [c40], [{ id: c40, reason: 'compensationOverCap' }]);
  });
  afterEach(async () => {
    await db.remove();
  });

  const renderPage = () =>
    renderWithI18n(
      <DatabaseProvider database={db}>
        <LearnerCompensations learner={learner} />
      </DatabaseProvider>,
    );

  it('is listed with why, but counts in no total', async () => {
    renderPage();
    const totals = (await screen.findByRole('heading', { name: 'Šajā semestrī' })).closest('div') as HTMLElement;
    await waitFor(() => expect(within(totals).getByText(/50,00/)).toBeTruthy());
    expect(totals.textContent).not.toMatch(/90,00/);
    const notice = await screen.findByTestId('refusal');
    expect(notice.textContent).toContain('Serveris nepieņēma');
    expect(notice.textContent).toContain('Kopsummās netiek skaitīts');
  });

  it('discarding a record the server never had removes it from the device, after asking', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderPage();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Atmest izmaiņas' }));
    await waitFor(async () => expect(await db.compensations.findOne(c40).exec()).toBeNull());
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(useRejections.getState().byDocument[`compensations/${c40}`]).toBeUndefined();
    expect(await db.compensations.findOne('c50').exec()).not.toBeNull();
  });

  it('asking and being told no changes nothing', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderPage();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Atmest izmaiņas' }));
    expect(await db.compensations.findOne(c40).exec()).not.toBeNull();
    expect(useRejections.getState().byDocument[`compensations/${c40}`]).toBeDefined();
  });
});

describe('RefusalNotice', () => {
  it('says nothing for a record that was not refused', async () => {
    localStorage.clear();
    openRejections('atbalsts_u_nobody');
    const db = await memoryDatabase(['learners']);
    renderWithI18n(
      <DatabaseProvider database={db}>
        <RefusalNotice collection="learners" id="l1" />
      </DatabaseProvider>,
    );
    expect(screen.queryByTestId('refusal')).toBeNull();
    await db.remove();
  });
});

describe('what sync decided, on the record', () => {
  let db: AtbalstsDatabase;
  beforeEach(async () => {
    db = await memoryDatabase(['learners', 'users', 'schools', 'municipalities']);
    await db.learners.insert({
      ...learner,
      className: '7.c',
      syncConflicts: [{ id: 'k1', at: AT, path: 'className', kept: '"7.c"', lost: '"7.b"' }],
    });
    for (const [id, displayName] of [
      ['marta', 'Marta Liepa'],
      ['ilze', 'Ilze Kalniņa'],
    ] as const) {
      await db.users.insert({
        id,
        username: id,
        displayName,
        roles: ['teacher'],
        specialistRoles: [],
        subjects: [],
        schoolIds: ['s1'],
        active: true,
        createdAt: AT,
        updatedAt: AT,
      });
    }
  });
  afterEach(async () => db.remove());

  async function renderNotes(language: 'lv' | 'en' = 'en') {
    const doc = await db.learners.findOne('l1').exec();
    const record = doc?.toMutableJSON() as Learner;
    return renderWithI18n(
      <DatabaseProvider database={db}>
        <ConflictNotes collection="learners" record={record} editable />
      </DatabaseProvider>,
      language,
    );
  }

  it('says in words which change was replaced by which', async () => {
    await renderNotes('en');
    expect(screen.getByTestId('sync-conflicts').textContent).toContain(
      'A change of the class to “7.b” made on another device was replaced by “7.c”.',
    );
  });

  it('names both people when the note knows them', async () => {
    const doc = await db.learners.findOne('l1').exec();
    await doc?.incrementalPatch({
      syncConflicts: [
        { id: 'k1', at: AT, path: 'className', kept: '"7.c"', lost: '"7.b"', keptBy: 'ilze', lostBy: 'marta' },
      ],
    });
    await renderNotes('en');
    await waitFor(() =>
      expect(screen.getByTestId('sync-conflicts').textContent).toContain(
        'Marta Liepa’s change of the class to “7.b” was replaced by “7.c”, saved by Ilze Kalniņa.',
      ),
    );
  });

  it('says "yours" to the person whose value was kept, and quotes as Latvian does', () => {
    const conflict = {
      id: 'k1',
      at: AT,
      path: 'className',
      kept: '"7.c"',
      lost: '"7.b"',
      keptBy: 'ilze',
      lostBy: 'marta',
    };
    const users = [{ id: 'marta', displayName: 'Marta Liepa' }] as User[];
    function Sentence({ me }: { me: string }) {
      const { t } = useTranslation();
      const kept = valueInWords(conflict.kept, '', 'lv');
      const lost = valueInWords(conflict.lost, '', 'lv');
      return <p>{conflictSentence(t, conflict, { kept, lost, here: false, me, users })}</p>;
    }
    renderWithI18n(<Sentence me="ilze" />, 'lv');
    expect(screen.getByText(/Marta Liepa/).textContent).toBe(
      'Izmaiņu (klase: „7.b”), ko veica Marta Liepa, aizstāja jūsu saglabātā vērtība „7.c”.',
    );
  });

  it('"take" writes the other value and drops the note', async () => {
    await renderNotes('en');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Take “7.b”' }));
    await waitFor(async () => {
      const stored = (await db.learners.findOne('l1').exec())?.toMutableJSON() as Learner;
      expect(stored.className).toBe('7.b');
      expect(stored.syncConflicts).toBeUndefined();
    });
  });

  it('"keep" leaves the value and drops the note', async () => {
    await renderNotes('lv');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Paturēt „7.c”' }));
    await waitFor(async () => {
      const stored = (await db.learners.findOne('l1').exec())?.toMutableJSON() as Learner;
      expect(stored.className).toBe('7.c');
      expect(stored.syncConflicts).toBeUndefined();
    });
  });
});
