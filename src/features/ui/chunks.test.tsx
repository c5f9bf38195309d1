import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Component, Suspense, type ComponentType, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { ChunkBoundary, retryableLazy } from './chunks';

function Screen() {
  return <h1>Izglītojamie</h1>;
}

/** A chunk that fails as often as told (offline, or gone after a deploy), then arrives. */
function flakyChunk(failures: number) {
  let calls = 0;
  const load = vi.fn(async () => {
    calls += 1;
    if (calls <= failures) throw new TypeError('Failed to fetch dynamically imported module: /assets/learners-x.js');
    return Screen;
  });
  return { load, Lazy: retryableLazy(load) };
}

const shown = (Lazy: ComponentType, language?: 'lv' | 'en' | 'ru') =>
  renderWithI18n(
    <ChunkBoundary>
      <Suspense fallback={<p>…</p>}>
        <Lazy />
      </Suspense>
    </ChunkBoundary>,
    language,
  );

describe('a lazy screen whose chunk does not arrive', () => {
  it('says so in Latvian with a retry that loads it again, instead of a blank page', async () => {
    const { load, Lazy } = flakyChunk(2);
    shown(Lazy);
    expect(await screen.findByRole('heading', { name: 'Šo ekrānu neizdevās ielādēt' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Ierīcē saglabātais nav zudis.');
    await userEvent.click(screen.getByRole('button', { name: 'Mēģināt vēlreiz' }));
    // Still away: the same screen again, and the chunk was asked for anew.
    expect(await screen.findByRole('button', { name: 'Mēģināt vēlreiz' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
    await userEvent.click(screen.getByRole('button', { name: 'Mēģināt vēlreiz' }));
    expect(await screen.findByRole('heading', { name: 'Izglītojamie' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['en', 'This screen could not be loaded', 'Try again'],
    ['ru', 'Не удалось загрузить этот экран', 'Попробовать ещё раз'],
  ] as const)('speaks %s', async (language, title, retry) => {
    const { Lazy } = flakyChunk(1);
    shown(Lazy, language);
    expect(await screen.findByRole('heading', { name: title })).toBeTruthy();
    expect(screen.getByRole('button', { name: retry })).toBeTruthy();
  });

  it('loads a chunk once it has arrived: later screens do not load it again', async () => {
    const { load, Lazy } = flakyChunk(0);
    const first = shown(Lazy);
    expect(await screen.findByRole('heading', { name: 'Izglītojamie' })).toBeTruthy();
    first.unmount();
    shown(Lazy);
    expect(screen.getByRole('heading', { name: 'Izglītojamie' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('lets other errors pass: they are no missing chunk', () => {
    class Outer extends Component<{ children: ReactNode }, { error: string | null }> {
      override state = { error: null as string | null };
      static getDerivedStateFromError(error: Error) {
        return { error: error.message };
      }
      override render() {
        return this.state.error ? <p>outer: {this.state.error}</p> : this.props.children;
      }
    }
    function Broken(): ReactNode {
      throw new Error('a bug');
    }
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderWithI18n(
      <Outer>
        <ChunkBoundary>
          <Broken />
        </ChunkBoundary>
      </Outer>,
    );
    expect(screen.getByText('outer: a bug')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mēģināt vēlreiz' })).toBeNull();
  });
});
