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
import type { BenchResult } from './figures';

/** design.md: RxDB may cost at most this many times raw Dexie for the same work. */
const MAX_RATIO = 4;
/** Issue 14: an encrypted bulk write of consultations within this many times raw Dexie's bulkPut. */
const ENCRYPTED_WRITE_RATIO = 1.3;
/** Issue 14 (and the reports issue): a semester report read and computed within this many times the raw floor. */
const REPORT_RATIO = 1.2;
/** Issue 14: a school's semester query emits within this many ms (p95) after one insert. */
const EMISSION_P95_MS = 50;
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

function p95(times: readonly number[]): number {
  const sorted = times.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

export async function benchLocalDatabase(): Promise<BenchResult> {
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
    const ratio = { ratio: MAX_RATIO };
    return {
      name: 'local-db',
      context: [
        `Chromium IndexedDB; ${result.learners} learners over ${result.queries} schools (plain Dexie storage); ${result.consultations.toLocaleString('en')} consultations through the app's encrypted storage`,
        `the report's computation alone (staff hours of ${result.reportSchools} schools, in memory): ${result.computeMs.toFixed(0)} ms`,
      ],
      figures: [
        {
          what: `insert ${result.learners} learners, RxDB`,
          measured: result.rxWriteMs,
          unit: 'ms',
          floor: { what: 'raw Dexie bulkAdd', value: result.rawWriteMs },
          budget: ratio,
          goal: 'design.md',
        },
        {
          what: `${result.queries} school queries (${result.rowsPerQuery} rows each, sorted by name), RxDB`,
          measured: result.rxQueryMs,
          unit: 'ms',
          floor: { what: 'raw Dexie', value: result.rawQueryMs },
          budget: ratio,
          goal: 'design.md',
        },
        {
          what: `insert ${result.learners} learners, encrypted (guardians, consent, birth date)`,
          measured: result.encryptedLearnerWriteMs,
          unit: 'ms',
          floor: { what: 'raw Dexie bulkAdd', value: result.rawWriteMs },
          budget: { ratio: ENCRYPTED_WRITE_RATIO },
          goal: "issue 14's goal for encrypted writes",
        },
        {
          what: `bulk write of ${result.encryptedWriteCount.toLocaleString('en')} consultations, encrypted`,
          measured: result.encryptedWriteMs,
          unit: 'ms',
          floor: { what: 'raw Dexie bulkPut', value: result.rawConsultationWriteMs },
          budget: { ratio: ENCRYPTED_WRITE_RATIO },
          goal: 'issue 14',
        },
        {
          what: `live query of one school's semester (${(result.consultations / result.reportSchools).toLocaleString('en')} consultations), emission after one insert, p95 of ${result.liveEmissions}`,
          measured: p95(result.rxEmissionMs),
          unit: 'ms',
          floor: { what: "Dexie liveQuery's p95", value: p95(result.rawEmissionMs) },
          budget: { value: EMISSION_P95_MS },
          goal: 'issue 14: p95 ≤ 50 ms',
        },
        {
          what: `semester report of ${result.reportSchools} schools over ${result.consultations.toLocaleString('en')} consultations, read + compute`,
          measured: result.rxReportMs,
          unit: 'ms',
          floor: { what: 'raw Dexie read + same compute', value: result.rawReportMs },
          budget: { ratio: REPORT_RATIO },
          goal: 'issue 14',
        },
      ],
    };
  } finally {
    await device.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
