import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEYS } from '../db';
import { refreshDemoServer, useDemoServer } from '../sync';
import { renderWithI18n } from '../../test/fixtures/renderWithI18n';
import { DemoMark } from './DemoMark';

/** The server's public status as the device fetches it; `null`: the network is gone. */
function serverSays(status: { needsSetup: boolean; demo: boolean } | null) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      if (!status) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(status), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
}

describe('the demo data mark', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
    useDemoServer.setState({ demo: false });
  });

  it('says on the sign-in screen, in Latvian first, that the data is a demo while the server holds one', async () => {
    serverSays({ needsSetup: false, demo: true });
    renderWithI18n(<DemoMark />, 'lv');
    const mark = await screen.findByRole('note');
    expect(mark.textContent).toContain('Demonstrācijas dati — ne īstiem skolēniem');
    expect(mark.textContent).toContain('neievadiet īstu skolēnu datus');
  });

  it('shows a short label in the top bar whose full sentence a screen reader reads, in the person’s language', async () => {
    serverSays({ needsSetup: false, demo: true });
    renderWithI18n(<DemoMark compact />, 'en');
    const mark = await screen.findByRole('note');
    expect(mark.textContent).toContain('Demo data — not for real pupils');
    expect(mark.getAttribute('title')).toBe('Demo data — not for real pupils');
  });

  it('shows nothing for a real installation, and goes when the server stops holding the demo', async () => {
    serverSays({ needsSetup: false, demo: false });
    renderWithI18n(<DemoMark />, 'lv');
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    expect(screen.queryByRole('note')).toBeNull();

    serverSays({ needsSetup: false, demo: true });
    await act(() => refreshDemoServer());
    expect(screen.getByRole('note')).toBeTruthy();
    serverSays({ needsSetup: false, demo: false });
    await act(() => refreshDemoServer());
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('stays while offline once the server has said it holds demo data', async () => {
    serverSays({ needsSetup: false, demo: true });
    await refreshDemoServer();
    expect(localStorage.getItem(STORAGE_KEYS.demoServer)).toBe('1');
    serverSays(null);
    renderWithI18n(<DemoMark />, 'ru');
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    expect(screen.getByRole('note').textContent).toContain('Демонстрационные данные');
  });
});
