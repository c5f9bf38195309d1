/**
 * Benchmarks with budgets (design.md "Performance budgets"). Each prints its figures and whether it met its budget;
 * the run fails when one did not. Run: npm run bench [name ...]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { benchLocalDatabase } from './localDatabase';
import { benchPushFuzz } from './pushFuzz';
import { benchReports } from './reports';
import { benchSync } from './sync';

interface BenchResult {
  name: string;
  lines: string[];
  withinBudget: boolean;
}

async function bundleSize(): Promise<BenchResult> {
  if (!existsSync('dist/index.html')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }
  // @ts-expect-error -- a plain .mjs script shared with `npm run build`
  const { initialJavaScript, INITIAL_JS_BUDGET_KB } = (await import('../scripts/report-bundle-size.mjs')) as {
    initialJavaScript: () => { gzipKb: number; rawKb: number };
    INITIAL_JS_BUDGET_KB: number;
  };
  const { gzipKb, rawKb } = initialJavaScript();
  return {
    name: 'bundle',
    lines: [
      `initial JavaScript ${gzipKb.toFixed(1)} KB gzip (${rawKb.toFixed(1)} KB raw), budget ${INITIAL_JS_BUDGET_KB} KB`,
    ],
    withinBudget: gzipKb <= INITIAL_JS_BUDGET_KB,
  };
}

const benches: Record<string, () => Promise<BenchResult>> = {
  bundle: bundleSize,
  'local-db': benchLocalDatabase,
  sync: benchSync,
  reports: benchReports,
  fuzz: benchPushFuzz,
};

const wanted = process.argv.slice(2);
const selected = wanted.length ? wanted : Object.keys(benches);
let failed = false;
for (const name of selected) {
  const bench = benches[name];
  if (!bench) throw new Error(`unknown bench ${name}; known: ${Object.keys(benches).join(', ')}`);
  const result = await bench();
  process.stdout.write(
    `\n${result.withinBudget ? '✓' : '✖'} ${result.name}\n${result.lines.map((l) => `  ${l}`).join('\n')}\n`,
  );
  failed ||= !result.withinBudget;
}
process.exit(failed ? 1 : 0);
