import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../test/fixtures/renderWithI18n';
import { MainNav, type NavPlace } from './MainNav';

const ICON = 'M4 4h16v16H4z';
/** Six places (an administrator's nav has as many): more than a phone's four slots, so the rest open from "Vairāk". */
const PLACES: NavPlace[] = [
  { to: '/today', label: 'nav.today', icon: ICON },
  { to: '/learners', label: 'nav.learners', icon: ICON },
  { to: '/plans', label: 'nav.plans', icon: ICON },
  { to: '/reports', label: 'reports:nav', icon: ICON },
  { to: '/users', label: 'users:nav', icon: ICON },
  { to: '/settings', label: 'nav.settings', icon: ICON },
];

function showNav() {
  renderWithI18n(
    <MemoryRouter initialEntries={['/today']}>
      <MainNav links={PLACES} />
      <p>Šodienas saturs</p>
    </MemoryRouter>,
  );
  const button = screen.getByRole('button', { name: 'Vairāk' });
  const panel = document.getElementById(button.getAttribute('aria-controls') ?? '') as HTMLElement;
  return { button, panel };
}

describe('the main nav\'s "More" menu', () => {
  it('opens from its button and closes on a press outside it', async () => {
    const user = userEvent.setup();
    const { button, panel } = showNav();
    expect(panel.hidden).toBe(true);
    await user.click(button);
    expect(panel.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // A press inside the menu does not close it.
    await user.pointer({ keys: '[MouseLeft>]', target: panel });
    expect(panel.hidden).toBe(false);
    await user.pointer({ keys: '[/MouseLeft]', target: panel });
    await user.click(screen.getByText('Šodienas saturs'));
    expect(panel.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Escape, from inside it (focus back on its button) or wherever the focus is', async () => {
    const user = userEvent.setup();
    const { button, panel } = showNav();
    await user.click(button);
    await user.tab();
    expect(panel.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
    await user.click(button);
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('{Escape}');
    expect(panel.hidden).toBe(true);
  });

  it('closes when a place in it is chosen', async () => {
    const user = userEvent.setup();
    const { button, panel } = showNav();
    await user.click(button);
    const links = panel.querySelectorAll('a');
    await user.click(links[links.length - 1] as HTMLElement);
    expect(panel.hidden).toBe(true);
  });
});
