import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { learner as aLearner } from '../../../test/fixtures/documents';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import type { Learner } from '../../domain';
import { DatabaseProvider, useLearner, type AtbalstsDatabase } from '../../db';
import { useNotifications } from '../notifications';
import { LearnerExitSection } from './LearnerExit';

const TODAY = '2026-12-02';

describe('LearnerExitSection', () => {
  let db: AtbalstsDatabase;
  beforeEach(async () => {
    db = await memoryDatabase(['learners']);
    await db.learners.insert(aLearner({ id: 'anna', firstName: 'Anna', lastName: 'Liepa', birthDate: '2011-05-10' }));
  });
  afterEach(async () => {
    useNotifications.setState({ items: [] });
    await db.close();
  });

  function Live({ editable }: { editable: boolean }) {
    const { data } = useLearner('anna');
    return data ? <LearnerExitSection learner={data} editable={editable} today={TODAY} /> : null;
  }
  const renderSection = (editable = true, language?: 'en') => {
    renderWithI18n(
      <DatabaseProvider database={db}>
        <Live editable={editable} />
      </DatabaseProvider>,
      language,
    );
    return userEvent.setup();
  };
  const stored = async () => (await db.learners.findOne('anna').exec())?.toMutableJSON() as Learner;

  it('refuses a date in the future next to the field, then records leaving and takes the learner off the lists', async () => {
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Reģistrēt aiziešanu no skolas' }));
    const form = screen.getByRole('form', { name: 'Aiziešana no skolas' });
    await user.selectOptions(within(form).getByLabelText('Iemesls'), 'left_school');
    const date = within(form).getByLabelText(/Datums/);
    await user.clear(date);
    await user.type(date, '2026-12-24');
    await user.click(within(form).getByRole('button', { name: 'Reģistrēt aiziešanu' }));
    expect(screen.getByRole('alert').textContent).toBe('Datums nevar būt nākotnē.');
    expect((await stored()).archived).toBe(false);

    await user.clear(date);
    await user.type(date, '2026-11-20');
    await user.click(within(form).getByRole('button', { name: 'Reģistrēt aiziešanu' }));
    await screen.findByText('Aizgāja no skolas: pārtrauca mācības (priekšlaicīgi). Datums: 2026. gada 20. novembris.');
    expect(await stored()).toMatchObject({ archived: true, exit: { reason: 'left_school', on: '2026-11-20' } });
  });

  it('is undone from the notice, and later from the page after a confirmation', async () => {
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Reģistrēt aiziešanu no skolas' }));
    await user.click(screen.getByRole('button', { name: 'Reģistrēt aiziešanu' }));
    await screen.findByRole('button', { name: 'Atsaukt aiziešanu' });
    const notice = useNotifications.getState().items.find((n) => n.key === 'learners:exit.saved');
    expect(notice?.values).toEqual({ name: 'Anna Liepa' });
    notice?.undo?.();
    await screen.findByRole('button', { name: 'Reģistrēt aiziešanu no skolas' });
    expect((await stored()).archived).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Reģistrēt aiziešanu no skolas' }));
    await user.click(screen.getByRole('button', { name: 'Reģistrēt aiziešanu' }));
    await user.click(await screen.findByRole('button', { name: 'Atsaukt aiziešanu' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Atsaukt aiziešanu' }));
    await screen.findByText('Mācās šajā skolā.');
    expect(await stored()).toMatchObject({ archived: false });
    expect(await stored()).not.toHaveProperty('exit');
  });

  it('shows nothing to someone who may not edit a learner still at school, and the exit when there is one', async () => {
    renderSection(false, 'en');
    await screen.findByText(() => true).catch(() => {});
    expect(screen.queryByRole('heading', { name: 'Leaving school' })).toBeNull();
    await db.learners
      .findOne('anna')
      .exec()
      .then((d) => d?.incrementalPatch({ archived: true, exit: { reason: 'graduated', on: '2026-06-15' } }));
    await screen.findByText('Left school on 15 June 2026: graduated.');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
