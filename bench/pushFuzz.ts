/**
 * The long run of the push fuzz (test/server/pushFuzz.test.ts runs 10,000 bodies in the unit suite): 30,000 bodies
 * on PGlite by default, one in ten over HTTP. Budget: no 5xx, no invalid or unknown-key document stored.
 * Run: npm run bench fuzz  (BENCH_FUZZ_BODIES and FUZZ_SEED change the size and replay a run)
 */
import { runPushFuzz } from '../test/fixtures/pushFuzz';
import type { BenchResult } from './figures';

export async function benchPushFuzz(): Promise<BenchResult> {
  const bodies = Number(process.env.BENCH_FUZZ_BODIES ?? 30_000);
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const started = performance.now();
  const result = await runPushFuzz({ bodies, seed, httpEvery: 10 });
  const seconds = (performance.now() - started) / 1000;
  return {
    name: 'push fuzz',
    context: [
      `${result.bodies} push bodies (${result.overHttp} over HTTP), seed ${seed}, ${seconds.toFixed(0)} s`,
      `answers by status: ${JSON.stringify(result.byStatus)}; documents stored: ${result.storedDocuments}`,
      ...result.serverErrors.slice(0, 3).map((e) => `5xx: ${e.body.slice(0, 200)} for ${e.payload.slice(0, 200)}`),
      ...result.invalidStored.slice(0, 3).map((d) => `invalid ${d.collection}/${d.id}: ${d.problem}`),
    ],
    figures: [
      { what: 'answers 5xx', measured: result.serverErrors.length, unit: 'answers', budget: { value: 0 } },
      {
        what: 'invalid or unknown-key documents stored',
        measured: result.invalidStored.length,
        unit: 'documents',
        budget: { value: 0 },
      },
    ],
  };
}
