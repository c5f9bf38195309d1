import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zip } from './zipOnMainThread';

/** A sheet part above the 160 KB from which fflate's own `zip` goes to a Worker. */
const bigPart = strToU8('<row><c t="s"><v>1</v></c></row>'.repeat(8000));

const zipped = (run: (cb: (error: unknown, data: Uint8Array) => void) => void) =>
  new Promise<Uint8Array>((resolve, reject) => run((error, data) => (error ? reject(error) : resolve(data))));

describe('zip on the page’s own thread', () => {
  it('zips a part over 160 KB and calls back with an archive that unzips to the same bytes', async () => {
    expect(bigPart.length).toBeGreaterThan(160_000);
    const archive = await zipped((cb) => zip({ 'xl/worksheets/sheet1.xml': bigPart, 'a.txt': strToU8('ā') }, cb));
    const files = unzipSync(archive);
    expect(files['xl/worksheets/sheet1.xml']).toEqual(bigPart);
    expect(strFromU8(files['a.txt'] as Uint8Array)).toBe('ā');
    // Compressed, as fflate's own zip would.
    expect(archive.length).toBeLessThan(bigPart.length / 10);
  });

  it('takes options before the callback, as fflate’s zip does', async () => {
    const archive = await zipped((cb) => zip({ 'a.txt': strToU8('aaaa') }, { level: 0 }, cb));
    expect(strFromU8(unzipSync(archive)['a.txt'] as Uint8Array)).toBe('aaaa');
  });

  it('calls back after the caller’s own code, and not at all once cancelled', async () => {
    const calls: string[] = [];
    zip({ 'a.txt': strToU8('a') }, () => calls.push('first'));
    const cancel = zip({ 'b.txt': strToU8('b') }, () => calls.push('cancelled'));
    cancel();
    calls.push('caller');
    await zipped((cb) => zip({ 'c.txt': strToU8('c') }, cb));
    expect(calls).toEqual(['caller', 'first']);
  });
});
