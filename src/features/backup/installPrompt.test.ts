import { describe, expect, it } from 'vitest';
import { isIos } from './installPrompt';

// Which devices get the Share → Add to Home Screen steps (iOS has no install prompt), from their user agents.
describe('telling iPhones and iPads apart', () => {
  it.each([
    ['an iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15', 'iPhone', 5, true],
    ['an older iPad', 'Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15', 'iPad', 5, true],
    [
      'an iPad that says it is a Mac',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15',
      'MacIntel',
      5,
      true,
    ],
    ['a Mac', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15', 'MacIntel', 0, false],
    [
      'an Android tablet',
      'Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 Chrome/126.0',
      'Linux armv8l',
      5,
      false,
    ],
  ])('%s', (_what, userAgent, platform, maxTouchPoints, expected) => {
    expect(isIos({ userAgent, platform, maxTouchPoints })).toBe(expected);
  });
});
