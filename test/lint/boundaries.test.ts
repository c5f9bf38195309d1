import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint config as a test: imports fed to ESLint from files placed in each layer, at several depths. The expected
 * verdicts are the README's architecture (domain ← db ← sync ← features ← app; server → domain + sync/protocol;
 * a feature is reached through its index.ts, db and sync through theirs), written out case by case.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function refusals(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'layers/boundaries' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

// [importing file, import, what it reaches]
const refused: [string, string, string][] = [
  // The domain imports nothing of db, sync, server, features or app — at any depth.
  ['src/domain/x.ts', '../db', 'db'],
  ['src/domain/rules/x.ts', '../../db', 'db'],
  ['src/domain/rules/x.ts', '../../db/hooks/useLiveQuery', 'db internals'],
  ['src/domain/rules/deeper/x.ts', '../../../db', 'db'],
  ['src/domain/rules/x.ts', '../../features/plans', 'a feature'],
  ['src/domain/rules/x.ts', '../../server/app', 'the server'],
  ['src/domain/access/x.ts', '../../sync', 'sync'],
  ['src/domain/access/x.ts', '../../sync/protocol', 'the wire contract'],
  ['src/domain/merge/x.ts', '../../app/i18n', 'the app'],
  // db sits below sync, features, app and the server.
  ['src/db/x.ts', '../sync', 'sync'],
  ['src/db/hooks/x.ts', '../../features/plans', 'a feature'],
  ['src/db/crypto/deeper/x.ts', '../../../app/routes', 'the app'],
  ['src/db/schemas/x.ts', '../../server/store/store', 'the server'],
  // sync sits below features and app, apart from the server.
  ['src/sync/x.ts', '../features/learners', 'a feature'],
  ['src/sync/auth/x.ts', '../../app/App', 'the app'],
  ['src/sync/auth/deeper/x.ts', '../../../server/auth/scope', 'the server'],
  // The wire contract depends on the domain only: not on sync's own internals.
  ['src/sync/protocol/x.ts', '../auth/session', 'sync internals'],
  ['src/sync/protocol/x.ts', '../replication', 'sync internals'],
  ['src/sync/protocol/x.ts', '..', 'the sync index'],
  ['src/sync/protocol/deeper/x.ts', '../../../db', 'db'],
  // The server: only the domain and sync/protocol.
  ['src/server/x.ts', '../db', 'db'],
  ['src/server/auth/x.ts', '../../sync', 'sync'],
  ['src/server/auth/x.ts', '../../sync/auth/session', 'sync internals'],
  ['src/server/replication/deeper/x.ts', '../../../features/plans', 'a feature'],
  ['src/server/seed/x.ts', '../../app/i18n', 'the app'],
  // Features: another feature only through its index, db and sync only through theirs, never app or server.
  ['src/features/plans/x.tsx', '../learners/LearnerRow', 'another feature’s file'],
  ['src/features/plans/deeper/x.tsx', '../../learners/LearnerRow', 'another feature’s file'],
  ['src/features/plans/a/b/x.tsx', '../../../learners/sub/Row', 'another feature’s file'],
  ['src/features/plans/x.tsx', '../../db/hooks/useLiveQuery', 'db internals'],
  ['src/features/plans/deeper/x.tsx', '../../../db/hooks/useLiveQuery', 'db internals'],
  ['src/features/plans/deeper/x.tsx', '../../../db/plans', 'db internals'],
  ['src/features/users/x.tsx', '../../sync/auth/usersApi', 'sync internals'],
  ['src/features/users/deeper/x.tsx', '../../../sync/replication', 'sync internals'],
  ['src/features/plans/x.tsx', '../../app/routes', 'the app'],
  ['src/features/plans/deeper/x.tsx', '../../../server/app', 'the server'],
  // The app shell: features, db and sync through their index, never the server.
  ['src/app/x.tsx', '../features/plans/PlanPage', 'a feature’s file'],
  ['src/app/x.tsx', '../db/hooks/useLiveQuery', 'db internals'],
  ['src/app/x.tsx', '../server/app', 'the server'],
  // Packages stay in their layers.
  ['src/domain/rules/x.ts', 'rxdb', 'RxDB'],
  ['src/domain/rules/x.ts', 'react', 'React'],
  ['src/domain/rules/x.ts', 'node:fs', 'Node'],
  ['src/server/auth/x.ts', 'react', 'React'],
  ['src/features/plans/x.tsx', 'rxdb', 'RxDB'],
  ['src/sync/protocol/x.ts', 'zustand', 'a UI store'],
];

// What the code does today and must keep doing.
const allowed: [string, string][] = [
  ['src/domain/rules/x.ts', '../entities'],
  ['src/domain/rules/x.ts', '../../../test/fixtures/documents'],
  ['src/db/hooks/x.ts', '../../domain'],
  ['src/db/crypto/x.ts', '../constants'],
  ['src/sync/auth/x.ts', '../../db'],
  ['src/sync/x.ts', './protocol'],
  ['src/sync/protocol/x.ts', '../../domain'],
  ['src/sync/protocol/x.ts', './auth'],
  ['src/server/auth/x.ts', '../../sync/protocol/auth'],
  ['src/server/replication/x.ts', '../../sync/protocol'],
  ['src/server/replication/x.ts', '../audit/audit'],
  ['src/features/plans/x.tsx', '../../db'],
  ['src/features/plans/x.tsx', '../../sync'],
  ['src/features/plans/x.tsx', '../learners'],
  ['src/features/plans/x.tsx', '../learners/index'],
  ['src/features/plans/x.tsx', './PlanHistory'],
  ['src/features/plans/deeper/x.tsx', '../../learners'],
  ['src/features/plans/deeper/x.tsx', '../PlanHistory'],
  ['src/features/plans/deeper/x.tsx', '../../../db'],
  ['src/features/plans/a/b/x.tsx', '../../other/y'],
  ['src/features/plans/x.tsx', '../../../locales/lv/plans.json'],
  ['src/app/x.tsx', '../features/plans'],
  ['src/app/x.tsx', '../db'],
  ['src/app/x.tsx', '../sync'],
];

describe('import boundaries (eslint.config.js)', () => {
  it.each(refused)('%s may not import %s (%s)', async (file, specifier) => {
    expect(await refusals(file, specifier)).toHaveLength(1);
  });

  it.each(allowed)('%s may import %s', async (file, specifier) => {
    expect(await refusals(file, specifier)).toEqual([]);
  });

  it('says which layer refused and why', async () => {
    const [message] = await refusals('src/features/plans/deeper/x.tsx', '../../learners/LearnerRow');
    expect(message).toBe(
      'features may not import ../../learners/LearnerRow: Import another feature through its index.ts, never its files.',
    );
  });
});

describe('complexity ceiling', () => {
  const branches = (n: number) =>
    `export function f(a: number): number {\n${Array.from({ length: n }, (_, i) => `  if (a === ${i}) return ${i};`).join('\n')}\n  return -1;\n}\n`;
  const complexity = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: 'src/domain/rules/x.ts' });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'complexity');
  };

  it('allows a function of complexity 28 and refuses one of 29', async () => {
    expect(await complexity(branches(27))).toEqual([]);
    expect(await complexity(branches(28))).toHaveLength(1);
  });
});
