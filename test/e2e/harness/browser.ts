import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from calling home; without them a closed network refuses many connections. */
const CHROMIUM_ARGS = [
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

/** Everything stored at rest in the IndexedDB databases whose names contain `part`, as JSON text (for "no plaintext"). */
export async function readIndexedDb(page: Page, part: string): Promise<string> {
  return page.evaluate(async (part) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes(part));
    const rows: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        rows.push(JSON.stringify(all));
      }
      db.close();
    }
    return rows.join('\n');
  }, part);
}
