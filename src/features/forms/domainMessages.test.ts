import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { consultationSchema, scheduleSchema, schoolYearSchema } from '../../domain';
import { fieldErrorsFrom } from './fieldErrors';

const root = new URL('../../../', import.meta.url).pathname;
const LANGUAGES = ['lv', 'en', 'ru'] as const;

const sourcesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

/**
 * Every message code the domain's schemas and rules can emit, read from their source rather than listed by hand: a
 * `message:` or `error:` given as a string, or as a constant whose value is a string in the same sources. A code the
 * scan cannot resolve fails the test rather than being skipped.
 */
function domainMessageCodes(): { codes: Set<string>; unresolved: string[] } {
  const sources = sourcesOf(join(root, 'src/domain')).map((file) => readFileSync(file, 'utf8'));
  const constants = new Map<string, string>();
  for (const text of sources)
    for (const [, name, value] of text.matchAll(/(?:export\s+)?const\s+([A-Z][A-Z0-9_]*)\s*=\s*'([^']+)'/g))
      constants.set(name!, value!);
  const codes = new Set<string>();
  const unresolved: string[] = [];
  for (const text of sources)
    for (const [, literal, name] of text.matchAll(/\b(?:message|error)\s*:\s*(?:'([^']+)'|([A-Za-z_$][\w$]*))/g)) {
      const code = literal ?? constants.get(name!);
      if (code) codes.add(code);
      else unresolved.push(name!);
    }
  return { codes, unresolved };
}

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
const locale = (language: string, namespace: string) =>
  JSON.parse(readFileSync(join(root, `locales/${language}/${namespace}.json`), 'utf8')) as Tree;
const common = (language: string) => locale(language, 'common');
const domainSource = (file: string) => readFileSync(join(root, 'src/domain', file), 'utf8');

describe('the domain’s messages', () => {
  const { codes, unresolved } = domainMessageCodes();

  it('are all found by the scan (the ones issue 10 named among them)', () => {
    expect(unresolved).toEqual([]);
    expect([...codes]).toEqual(
      expect.arrayContaining([
        'consultation.channelRequired',
        'schedule.endsBeforeStart',
        'schedule.duplicateLearner',
        'schoolYear.consecutive',
        'text.malformed',
      ]),
    );
  });

  it.each(LANGUAGES)('each has a non-empty string, shown next to its field, in %s', (language) => {
    const strings = common(language);
    const missing = [...codes].filter((code) => {
      const error = new z.ZodError([{ code: 'custom', message: code, path: ['field'], input: '' }]);
      const key = fieldErrorsFrom(error).field?.key ?? '';
      const [namespace, path] = key.split(':');
      const text = namespace === 'common' && path ? lookup(strings, path) : undefined;
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  it('reach the field they are about when a schema refuses a record', () => {
    const remote = consultationSchema.safeParse({
      id: 'c1',
      createdAt: '2026-11-25T08:00:00.000Z',
      updatedAt: '2026-11-25T08:00:00.000Z',
      schoolId: 's1',
      staffId: 'u1',
      staffRole: 'subject_teacher',
      date: '2026-11-25',
      minutes: 40,
      mode: 'remote',
      attendees: [{ learnerId: 'l1', attendance: 'attended' }],
    });
    expect(remote.success || fieldErrorsFrom(remote.error)).toEqual({
      channel: { key: 'common:domainMessages.consultation.channelRequired' },
    });
    const year = z.object({ schoolYear: schoolYearSchema }).safeParse({ schoolYear: '2025/2027' });
    expect(year.success || fieldErrorsFrom(year.error)).toEqual({
      schoolYear: { key: 'common:domainMessages.schoolYear.consecutive' },
    });
    const schedule = scheduleSchema.safeParse({
      id: 's1',
      createdAt: '2026-11-25T08:00:00.000Z',
      updatedAt: '2026-11-25T08:00:00.000Z',
      schoolId: 's1',
      staffId: 'u1',
      staffRole: 'subject_teacher',
      learnerIds: ['l1'],
      weekday: 2,
      startTime: '14:00',
      minutes: 40,
      mode: 'in_person',
      startsOn: '2026-11-25',
      endsOn: '2026-11-01',
      active: true,
    });
    expect(schedule.success || fieldErrorsFrom(schedule.error)).toEqual({
      endsOn: { key: 'common:domainMessages.schedule.endsBeforeStart' },
    });
  });
});

/*
 * The domain's rules emit codes of their own, each shown through one display: a plan's problems (PlanActions, through
 * plans:problems) and the permission table's refusals (the sync list, through common:rejections), as the server's
 * plan content lock's (rules/planContentLock.ts, sent as the refusal's reason). The codes are read from the types and
 * rules that declare them.
 */
describe('the domain rules’ codes', () => {
  const problemCodes = ['rules/planWorkflow.ts', 'rules/planHistory.ts'].flatMap((file) => [
    ...new Set([...domainSource(file).matchAll(/\{ code: '([A-Za-z]+)'/g)].map((m) => m[1]!)),
  ]);
  const denyBlock = /export type DenyReason =([^;]+);/.exec(domainSource('access/permissions.ts'))?.[1] ?? '';
  const denyReasons = [...denyBlock.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!);
  const lockSource = domainSource('rules/planContentLock.ts');
  const lockCodes = [...new Set([...lockSource.matchAll(/code: '([A-Za-z]+)'/g)].map((m) => m[1]!))];

  it('are found in their sources', () => {
    expect(problemCodes).toEqual(expect.arrayContaining(['noRisks', 'ownPlan', 'historyRewritten']));
    expect(denyReasons).toEqual(expect.arrayContaining(['outOfScope', 'approverMayChangeStatusOnly']));
    expect(lockCodes).toEqual(['planContentLocked']);
  });

  it.each(LANGUAGES)('each has a sentence in %s', (language) => {
    const plans = locale(language, 'plans');
    const strings = common(language);
    const missing = [
      ...problemCodes.filter((code) => typeof lookup(plans, `problems.${code}`) !== 'string'),
      ...[...denyReasons, ...lockCodes].filter((code) => typeof lookup(strings, `rejections.${code}`) !== 'string'),
    ];
    expect(missing).toEqual([]);
  });
});
