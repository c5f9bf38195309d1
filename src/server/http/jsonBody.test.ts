import { describe, expect, it } from 'vitest';
import { jsonTextProblem } from './jsonBody';

const nest = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('jsonTextProblem', () => {
  // The expected answers are written from the rule in words: refuse NUL and unpaired surrogates anywhere in a
  // string (raw or escaped, keys included) and nesting deeper than the limit; everything else is the parser's.
  it.each([
    ['plain text', '{"name":"Anna Bērziņa"}', false],
    ['an escaped NUL in a value', '{"name":"An\\u0000na"}', true],
    ['an escaped NUL in a key', '{"na\\u0000me":"Anna"}', true],
    ['a raw NUL', '{"name":"An\u0000na"}', true],
    ['an escaped backslash before u0000 (the text \\u0000, not a NUL)', '{"name":"\\\\u0000"}', false],
    ['a surrogate pair, escaped', '{"name":"\\ud83d\\ude00"}', false],
    ['a surrogate pair, raw', '{"name":"😀"}', false],
    ['a lone high surrogate, escaped', '{"name":"\\ud800"}', true],
    ['a lone high surrogate before another escape', '{"name":"\\ud800\\n"}', true],
    ['a lone high surrogate before a letter', '{"name":"\\ud800a"}', true],
    ['a lone low surrogate, escaped', '{"name":"\\udc00"}', true],
    ['a lone high surrogate, raw, in a key', '{"\ud800":1}', true],
    ['two high surrogates', '{"name":"\\ud800\\ud800"}', true],
    ['64 levels', nest(64), false],
    ['65 levels', nest(65), true],
    ['6,000 levels', nest(6000), true],
    ['brackets inside a string do not nest', `{"name":"${'['.repeat(100)}"}`, false],
    ['a quote escaped inside a string', '{"name":"a\\"[[[[","x":1}', false],
    ['not JSON at all (left to the parser)', '{"name": \\uZZZZ', false],
  ])('%s', (_, text, refused) => {
    expect(jsonTextProblem(text) !== null).toBe(refused);
  });
});
