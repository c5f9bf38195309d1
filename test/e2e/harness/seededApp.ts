import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { LearnersPage } from '../pages/LearnersPage';
import { SignInPage } from '../pages/SignInPage';
import { openDevice, type Device } from './browser';
import { DEMO_PASSWORD } from './demo';
import { t as latvian, type Label } from './labels';
import { PINNED_NOW, startPinnedServer } from './pinnedDate';
import { startServer, type RunningServer } from './server';

export const screenshots = new URL('../../../test-results/screenshots/', import.meta.url).pathname;

export const TABLET = { width: 1024, height: 768 } as const;
export const PHONE = { width: 360, height: 740 } as const;
type Viewport = { readonly width: number; readonly height: number };

export interface SeededAppOptions {
  /** The browser's locale (the app speaks Latvian until someone chooses otherwise, whatever it is). */
  locale?: string;
  /**
   * Pins the date (pinnedDate.ts): the demo is seeded as of PINNED_DAY and each device's clock starts at PINNED_NOW
   * and runs on (clock.install, so timers, the service worker's and replication's retries still run). For tests whose
   * screens turn on the date — today's sessions, the semester, a new plan's school year; the others keep the shared
   * template and the real day, which costs no seeding.
   */
  pinned?: boolean;
}

export interface SeededApp<K extends string> {
  /** The server on a fresh copy of the seeded demo database. */
  readonly server: RunningServer;
  /** Each device by its name, opened before the first test. */
  readonly devices: Readonly<Record<K, Device>>;
  page(device: K): Page;
  /** Opens the app and signs in, without waiting for what comes after (some people land on an empty list). */
  signIn(device: K, username: string, labels?: Label): Promise<LearnersPage>;
  /** Opens the app, signs in and waits until the first sync has filled the learners list. */
  signInAs(device: K, username: string, labels?: Label): Promise<LearnersPage>;
}

/**
 * The one setup the browser tests share, called in a `describe`: a server on a copy of the seeded demo database,
 * a device (own profile) per viewport, a screenshot of each device when a test fails, and everything closed after.
 */
export function seededApp<K extends string>(
  viewports: Record<K, Viewport>,
  options: SeededAppOptions = {},
): SeededApp<K> {
  let server: RunningServer | undefined;
  const devices = {} as Record<K, Device>;
  const names = Object.keys(viewports) as K[];

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    server = options.pinned ? await startPinnedServer() : await startServer();
    const opened = await Promise.all(names.map((name) => openDevice(viewports[name], options.locale)));
    names.forEach((name, i) => (devices[name] = opened[i] as Device));
    if (options.pinned) await Promise.all(opened.map((device) => device.context.clock.install({ time: PINNED_NOW })));
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const failed = task.name.replace(/\W+/g, '-');
    for (const name of names) {
      const prefix = names.length > 1 ? `FAILED-${name}-` : 'FAILED-';
      await devices[name]?.page.screenshot({ path: `${screenshots}${prefix}${failed}.png` }).catch(() => {});
    }
  });
  afterAll(async () => {
    await Promise.all(names.map((name) => devices[name]?.close()));
    await server?.stop();
  });

  const app: SeededApp<K> = {
    get server() {
      if (!server) throw new Error('seededApp: the server starts in beforeAll');
      return server;
    },
    devices,
    page: (device) => devices[device].page,
    async signIn(device, username, labels = latvian) {
      const page = devices[device].page;
      // A fresh device opens the app; one already in it (after a sign-out) is on the sign-in screen.
      if (!page.url().startsWith(app.server.url)) await page.goto(app.server.url);
      return new SignInPage(page, labels).signIn(username, DEMO_PASSWORD);
    },
    async signInAs(device, username, labels = latvian) {
      const learners = await app.signIn(device, username, labels);
      await devices[device].page.locator('.learner-row').first().waitFor({ timeout: 30_000 });
      return learners.ready();
    },
  };
  return app;
}
