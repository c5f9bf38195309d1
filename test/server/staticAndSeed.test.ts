import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitySchemas, type CollectionName } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { demoDocuments } from '../../src/server/seed/demoData';
import { seedDemoIfEmpty } from '../../src/server/seed/seedDemo';
import type { Store } from '../../src/server/store/store';
import { storeFactories } from '../fixtures/stores';

describe('serving the built app', () => {
  let dir: string;
  let app: FastifyInstance;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atbalsts-static-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Atbalsts</title>');
    await writeFile(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.info(1)');
    const created = await storeFactories[0]!.create();
    dispose = created.dispose;
    await migrate(created.store);
    app = await buildApp({ store: created.store, staticDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/assets/index-abc123.js', 'public, max-age=31536000, immutable'],
  ])('serves %s with Cache-Control %s and the security headers', async (url, cacheControl) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe(cacheControl);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a deep link with the app shell, but a missing file or API path with 404', async () => {
    const page = await app.inject({ method: 'GET', url: '/learners/abc', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Atbalsts</title>');
    const file = await app.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: '*/*' } });
    expect(file.statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/missing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('demo data', () => {
  it('is the same on every call and valid against the domain schemas', () => {
    const first = demoDocuments();
    expect(demoDocuments()).toEqual(first);
    for (const [collection, docs] of Object.entries(first) as [CollectionName, unknown[]][]) {
      for (const doc of docs) expect(entitySchemas[collection].safeParse(doc).error).toBeUndefined();
    }
    expect(first.schools).toHaveLength(2);
    expect(first.learners!.length).toBeGreaterThanOrEqual(35);
    expect(first.users!.length).toBeGreaterThanOrEqual(5);
    const ids = Object.values(first).flatMap((docs) => docs.map((d) => d.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives vocational learners vocational programmes and feminine surnames to girls where it can tell', () => {
    const { learners = [], schools = [] } = demoDocuments();
    const vocational = schools.find((s) => s.kind === 'vocational')!;
    for (const l of learners) expect(l.programme === 'vocational').toBe(l.schoolId === vocational.id);
    const anna = learners.filter((l) => ['Anna', 'Marta', 'Elza', 'Laura'].includes(l.firstName));
    for (const l of anna) expect(l.lastName).toMatch(/(a|e)$/);
  });
});

describe.each(storeFactories)('seeding on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
  });
  afterAll(async () => dispose?.());

  it('seeds an empty database once, and never one that holds data', async () => {
    const expected = Object.values(demoDocuments()).reduce((n, docs) => n + docs.length, 0);
    expect(await seedDemoIfEmpty(store)).toBe(expected);
    expect(await seedDemoIfEmpty(store)).toBe(0);
    const [{ count }] = (await store.query<{ count: number }>('SELECT count(*)::int AS count FROM documents')) as [
      { count: number },
    ];
    expect(count).toBe(expected);
  });
});
