import { describe, expect, it } from 'vitest';
import { runPushFuzz } from '../fixtures/pushFuzz';

// A seed of its own per run, printed, so a failure can be replayed with FUZZ_SEED; FUZZ_BODIES changes the size.
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const bodies = Number(process.env.FUZZ_BODIES ?? 10_000);

describe('fuzzed push bodies on PGlite', () => {
  it(`never answer with a 5xx and never store an invalid or unknown-key document (seed ${seed})`, async () => {
    // One body in 20 over HTTP end to end, the rest straight into the push pipeline (see runPushFuzz).
    const result = await runPushFuzz({ bodies, seed, httpEvery: Number(process.env.FUZZ_HTTP_EVERY ?? 20) });
    // Printed for the record: how many bodies ran and what the server answered.
    process.stdout.write(
      `push fuzz seed ${seed}: ${JSON.stringify({ ...result, serverErrors: result.serverErrors.length, invalidStored: result.invalidStored.length })}\n`,
    );
    expect(result.bodies).toBe(bodies);
    expect(result.serverErrors.slice(0, 3)).toEqual([]);
    expect(result.invalidStored.slice(0, 5)).toEqual([]);
    // The fuzzer must reach the store, or the last check proves nothing.
    expect(result.storedDocuments).toBeGreaterThan(100);
  }, 300_000);
});
