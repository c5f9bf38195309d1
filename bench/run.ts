/**
 * Benchmarks with budgets (design.md "Performance budgets", issue 14's goals). Every figure is printed as
 * measured / floor = ratio with its budget; a bench that throws is reported and the others still run. The run fails
 * when any budget was missed or any bench failed. Run: npm run bench [name ...]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { formatFigure, withinBudget, type BenchResult } from './figures';
import { benchLighthouse } from './lighthouse';
import { benchLocalDatabase } from './localDatabase';
import { benchNationalReport } from './nationalReport';
import { benchPushFuzz } from './pushFuzz';
import { benchReports } from './reports';
import { benchScale } from './scale';
import { benchSync } from './sync';

/** The built app, built once when missing (the bundle and Lighthouse measure it). */
function ensureBuilt(): void {
  if (existsSync('dist/index.html')) return;
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
}

async function bundleSize(): Promise<BenchResult> {
  ensureBuilt();
  // @ts-expect-error -- a plain .mjs script shared with `npm run build`
  const { initialJavaScript, INITIAL_JS_BUDGET_KB } = (await import('../scripts/report-bundle-size.mjs')) as {
    initialJavaScript: () => { gzipKb: number; rawKb: number; brotliKb: number };
    INITIAL_JS_BUDGET_KB: number;
  };
  const { gzipKb, rawKb, brotliKb } = initialJavaScript();
  return {
    name: 'bundle',
    context: [`initial JavaScript ${rawKb.toFixed(1)} KB raw, ${brotliKb.toFixed(1)} KB brotli (as served)`],
    figures: [
      { what: 'initial JavaScript, gzip', measured: gzipKb, unit: 'KB', budget: { value: INITIAL_JS_BUDGET_KB } },
    ],
  };
}

const benches: Record<string, () => Promise<BenchResult>> = {
  bundle: bundleSize,
  lighthouse: async () => {
    ensureBuilt();
    return benchLighthouse();
  },
  'local-db': benchLocalDatabase,
  sync: benchSync,
  reports: benchReports,
  'national-report': benchNationalReport,
  fuzz: benchPushFuzz,
  scale: benchScale,
};

const wanted = process.argv.slice(2);
// The scale bench needs PostgreSQL and a few minutes of two server processes: it runs only when named.
const ON_REQUEST = new Set(['scale']);
const selected = wanted.length ? wanted : Object.keys(benches).filter((name) => !ON_REQUEST.has(name));
const unknown = selected.filter((name) => !benches[name]);
if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`);

const missed: string[] = [];
for (const name of selected) {
  const started = performance.now();
  let lines: string[];
  try {
    const result = await benches[name]!();
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    lines = [`${result.name} (${seconds} s)`, ...result.context.map((l) => `  ${l}`)];
    for (const figure of result.figures) {
      lines.push(`  ${formatFigure(figure)}`);
      if (!withinBudget(figure)) missed.push(`${result.name}: ${figure.what}`);
    }
  } catch (error) {
    lines = [`${name}`, `  ✖ FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
    missed.push(`${name}: did not run to the end`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
}
process.stdout.write(
  missed.length
    ? `\n✖ ${missed.length} budget(s) missed:\n${missed.map((m) => `  ${m}`).join('\n')}\n`
    : '\n✓ all within budget\n',
);
process.exit(missed.length ? 1 : 0);
