import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSyncStatus } from '../sync';
import { renderWithI18n } from '../../test/fixtures/renderWithI18n';
import { SyncProgress } from './SyncProgress';

describe('first-sync progress bar', () => {
  afterEach(() => useSyncStatus.setState({ catchUp: null }));

  it('shows how much has arrived, in the user’s language, and goes away when done', () => {
    renderWithI18n(<SyncProgress />, 'lv');
    expect(screen.queryByRole('progressbar')).toBeNull();

    act(() => useSyncStatus.setState({ catchUp: { done: 12000, total: 50000 } }));
    const bar = screen.getByRole('progressbar', { name: /Saņem datus šai ierīcei: 12\s000 no 50\s000/ });
    expect(bar).toHaveProperty('value', 12000);
    expect(bar).toHaveProperty('max', 50000);

    act(() => useSyncStatus.setState({ catchUp: null }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
