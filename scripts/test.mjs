// The whole test suite: unit, component, database, server and sync tests, then the browser tests against a fresh
// production build served by the real server. Stops at the first failing stage and ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync('test-results', { recursive: true });

function finish(code) {
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  process.exit(code);
}

function run(label, args, report) {
  process.stdout.write(`\n▶ ${label}\n`);
  if (report) rmSync(report, { force: true });
  const extra = report ? ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`] : [];
  const result = spawnSync(npx, [...args, ...extra], { stdio: 'inherit', env: process.env });
  if (report && existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + summary.numTodoTests;
  }
  if (result.status !== 0) {
    process.stderr.write(`\n✖ ${label} failed\n`);
    finish(result.status ?? 1);
  }
}

run('Unit, component, database, server and sync tests', ['vitest', 'run'], 'test-results/unit.json');
ensureChromium();
run('Production build for the browser tests', ['vite', 'build', '--logLevel', 'warn']);
run('Browser tests (Chromium)', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], 'test-results/e2e.json');
finish(0);
