/**
 * Local writes and queries through RxDB next to raw Dexie, measured in Chromium's real IndexedDB (fake-indexeddb in
 * Node iterates cursors so slowly that it would measure itself). Reported as ratios: the overhead of our data layer.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'vite';
import { openDevice } from '../test/e2e/harness/browser';
import type { LocalDatabaseFigures } from './browser/main';

/** Budget: RxDB may cost at most this many times raw Dexie for the same work. */
const MAX_RATIO = 4;
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

export async function benchLocalDatabase() {
  const outDir = await mkdtemp(join(tmpdir(), 'atbalsts-bench-'));
  await build({
    configFile: false,
    root: new URL('./browser', import.meta.url).pathname,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const server = createServer((request, response) => {
    const path = request.url === '/' ? '/index.html' : (request.url ?? '/');
    response.setHeader('content-type', types[extname(path)] ?? 'application/octet-stream');
    createReadStream(join(outDir, path))
      .on('error', () => response.writeHead(404).end())
      .pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const device = await openDevice({ width: 800, height: 600 });
  try {
    await device.page.goto(`http://127.0.0.1:${port}/`);
    const handle = await device.page.waitForFunction(() => window.benchResult, undefined, { timeout: 120_000 });
    const result = (await handle.jsonValue()) as LocalDatabaseFigures | { error: string };
    if ('error' in result) throw new Error(result.error);
    const writeRatio = result.rxWriteMs / result.rawWriteMs;
    const queryRatio = result.rxQueryMs / result.rawQueryMs;
    return {
      name: 'local-db',
      lines: [
        `Chromium IndexedDB; insert ${result.learners} learners: RxDB ${result.rxWriteMs.toFixed(0)} ms, raw Dexie ${result.rawWriteMs.toFixed(0)} ms → ×${writeRatio.toFixed(2)}`,
        `${result.queries} school queries (${result.rowsPerQuery} rows each, sorted by name): RxDB ${result.rxQueryMs.toFixed(0)} ms, raw Dexie ${result.rawQueryMs.toFixed(0)} ms → ×${queryRatio.toFixed(2)}`,
        `budget ×${MAX_RATIO}`,
      ],
      withinBudget: writeRatio <= MAX_RATIO && queryRatio <= MAX_RATIO,
    };
  } finally {
    await device.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
