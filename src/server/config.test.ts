import { describe, expect, it } from 'vitest';
import { demoPolicy, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to loopback :8080 on embedded PGlite with demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', seedDemo: 'auto' });
    expect(config.database.kind).toBe('pglite');
    expect(config.database.kind === 'pglite' && config.database.dataDir.endsWith('/data/pglite')).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: 'postgres://u@h:5432/db' }, { database: { kind: 'postgres', url: 'postgres://u@h:5432/db' } }],
    [
      { PORT: '9000', HOST: '0.0.0.0' },
      { port: 9000, host: '0.0.0.0' },
    ],
    [{ SEED_DEMO: 'false' }, { seedDemo: 'off' }],
    [{ SEED_DEMO: 'true' }, { seedDemo: 'auto' }],
    [{ SEED_DEMO: 'force' }, { seedDemo: 'force' }],
    [{}, { trustProxy: false }],
    [{ TRUST_PROXY: 'true' }, { trustProxy: true }],
    [{ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }, { trustProxy: ['10.0.0.0/8', '127.0.0.1'] }],
  ])('reads %j', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
  ])('names the bad variable in %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });
});

/**
 * The rule in words (README, Configuration): the demo is seeded into an empty embedded database only while the server
 * listens on this machine alone, unless SEED_DEMO=force; never into PostgreSQL. A database holding the demo is served
 * beyond this machine only with SEED_DEMO=force.
 */
describe('where the demo may be', () => {
  const PGLITE = undefined;
  const POSTGRES = 'postgres://u@h:5432/db';
  it.each([
    // HOST, SEED_DEMO, DATABASE_URL, seeds an empty database, serves a demo database
    ['127.0.0.1', undefined, PGLITE, true, true],
    ['localhost', 'true', PGLITE, true, true],
    ['::1', undefined, PGLITE, true, true],
    ['[::1]', undefined, PGLITE, true, true],
    ['127.0.0.2', undefined, PGLITE, true, true],
    ['0.0.0.0', undefined, PGLITE, false, false],
    ['0.0.0.0', 'true', PGLITE, false, false],
    ['::', undefined, PGLITE, false, false],
    ['192.168.1.10', undefined, PGLITE, false, false],
    ['localhost.example.lv', undefined, PGLITE, false, false],
    ['0.0.0.0', 'force', PGLITE, true, true],
    ['127.0.0.1', 'false', PGLITE, false, true],
    ['0.0.0.0', 'false', PGLITE, false, false],
    ['127.0.0.1', undefined, POSTGRES, false, true],
    ['0.0.0.0', 'force', POSTGRES, false, true],
  ] as const)('HOST=%s SEED_DEMO=%s DATABASE_URL=%s: seeds %s, serves %s', (host, seed, url, seeds, serves) => {
    const env = { HOST: host, ...(seed ? { SEED_DEMO: seed } : {}), ...(url ? { DATABASE_URL: url } : {}) };
    const policy = demoPolicy(loadConfig(env));
    expect({ seeds: policy.seed, serves: policy.serve }).toEqual({ seeds, serves });
    if (!serves) expect(policy.refusal).toContain('SEED_DEMO=force');
  });
});
