import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to loopback :8080 on embedded PGlite with demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', seedDemo: true });
    expect(config.database.kind).toBe('pglite');
    expect(config.database.kind === 'pglite' && config.database.dataDir.endsWith('/data/pglite')).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: 'postgres://u@h:5432/db' }, { database: { kind: 'postgres', url: 'postgres://u@h:5432/db' } }],
    [
      { PORT: '9000', HOST: '0.0.0.0' },
      { port: 9000, host: '0.0.0.0' },
    ],
    [{ SEED_DEMO: 'false' }, { seedDemo: false }],
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
