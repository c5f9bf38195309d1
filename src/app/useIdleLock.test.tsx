import { fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdleLock } from './useIdleLock';

function Probe({ active, idleMs, onIdle }: { active: boolean; idleMs: number; onIdle: () => void }) {
  useIdleLock(active, idleMs, onIdle);
  return null;
}

describe('idle lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the chosen time without activity', () => {
    const onIdle = vi.fn();
    render(<Probe active idleMs={5 * 60_000} onIdle={onIdle} />);
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it.each(['keyDown', 'pointerDown', 'scroll'] as const)('starts the wait again on %s', (event) => {
    const onIdle = vi.fn();
    render(<Probe active idleMs={60_000} onIdle={onIdle} />);
    vi.advanceTimersByTime(50_000);
    fireEvent[event](window);
    vi.advanceTimersByTime(50_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('follows a changed setting and does nothing while locked', () => {
    const onIdle = vi.fn();
    const { rerender } = render(<Probe active idleMs={60_000} onIdle={onIdle} />);
    rerender(<Probe active idleMs={120_000} onIdle={onIdle} />);
    vi.advanceTimersByTime(60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    rerender(<Probe active={false} idleMs={120_000} onIdle={onIdle} />);
    vi.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
