import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from calling home; without them a closed network refuses many connections. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Device {
  context: BrowserContext;
  page: Page;
  /** Every URL the browser requested, service worker included. */
  requests: string[];
  close(): Promise<void>;
}

/** A device with a profile of its own (as a real tablet or phone): its own IndexedDB, caches and service worker. */
export async function openDevice(viewport: { width: number; height: number }, locale = 'lv-LV'): Promise<Device> {
  const profileDir = await mkdtemp(join(tmpdir(), 'atbalsts-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    serviceWorkers: 'allow',
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * One browser for many short-lived contexts (each its own storage, as a fresh device): cheaper than a profile per
 * device when a test walks many accounts and never restarts the browser.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/** Waits until a service worker controls the page, so the next load can be served with no network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active?.state !== 'activated') {
      await new Promise<void>((resolve) => {
        registration.active?.addEventListener('statechange', () => {
          if (registration.active?.state === 'activated') resolve();
        });
      });
    }
  });
}

export function foreignRequests(requests: string[], appUrl: string): string[] {
  const own = new URL(appUrl).origin;
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== own;
  });
}

/** One place something is kept at rest in the browser, and what it holds as text. */
export interface StoredText {
  /** e.g. `indexedDB:rxdb-dexie-atbalsts_u_…--0--notes/docs`, `localStorage:atbalsts.accounts`, `cache:workbox-precache…/url`. */
  where: string;
  text: string;
}

/**
 * Everything the origin keeps at rest, as someone with the browser profile would read it: every IndexedDB database
 * (indexedDB.databases()) and every object store in it, every record with its key, as JSON text; every localStorage
 * and sessionStorage entry; and the body of every response in Cache Storage, read as text.
 */
export async function scanOrigin(page: Page): Promise<StoredText[]> {
  return page.evaluate(async () => {
    const found: { where: string; text: string }[] = [];
    const asPromise = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        const timer = setTimeout(() => reject(new Error(`IndexedDB ${name} did not open`)), 10_000);
        open.onsuccess = () => (clearTimeout(timer), resolve(open.result));
        open.onerror = () => (clearTimeout(timer), reject(open.error ?? new Error(`IndexedDB ${name}`)));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const objectStore = db.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([
          asPromise(objectStore.getAllKeys()),
          asPromise(objectStore.getAll()),
        ]);
        found.push({ where: `indexedDB:${name}/${store}`, text: JSON.stringify({ keys, values }) });
      }
      db.close();
    }
    for (const [kind, storage] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        found.push({ where: `${kind}:${key}`, text: `${key}\n${storage.getItem(key) ?? ''}` });
      }
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        found.push({ where: `cache:${cacheName}/${request.url}`, text: response ? await response.text() : '' });
      }
    }
    return found;
  });
}

/** Everything stored at rest in the whole origin (see scanOrigin) as one text, for "no plaintext" checks. */
export async function readAtRest(page: Page): Promise<string> {
  return (await scanOrigin(page)).map((s) => `${s.where}\n${s.text}`).join('\n');
}

/**
 * What the IndexedDB databases whose names contain `part` hold at rest, as JSON text (see scanOrigin); `''` reads
 * every database, the replication meta stores included.
 */
export async function readIndexedDb(page: Page, part: string): Promise<string> {
  return (await scanOrigin(page))
    .filter((s) => s.where.startsWith('indexedDB:') && (s.where.split('/')[0] ?? '').includes(part))
    .map((s) => s.text)
    .join('\n');
}
