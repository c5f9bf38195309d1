// Prints the initial JavaScript a first visit downloads (entry script + modulepreloads + the Latvian strings, the
// default language's chunk that the entry loads beside them), gzip-compressed and as the server sends it (brotli).
// The screens' own chunks load later, on their first opening (src/app/routes.tsx), and are neither in the entry
// script nor preloaded by index.html, so they are not counted here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_KB = 300;
const dist = new URL('../dist/', import.meta.url).pathname;

export function initialJavaScript() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  const latvian = readdirSync(join(dist, 'assets')).filter((file) => /^lv-[\w-]+\.js$/.test(file));
  const unique = [...new Set([...files, ...latvian.map((file) => `assets/${file}`)])];
  const sizes = unique.map((file) => {
    const bytes = readFileSync(join(dist, file));
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli };
  });
  return {
    files: sizes,
    gzipKb: sizes.reduce((sum, f) => sum + f.gzip, 0) / 1024,
    rawKb: sizes.reduce((s, f) => s + f.raw, 0) / 1024,
    brotliKb: sizes.reduce((s, f) => s + f.brotli, 0) / 1024,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, gzipKb, rawKb, brotliKb } = initialJavaScript();
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  for (const f of files)
    process.stdout.write(`  ${f.file}: ${kb(f.raw)} KB, ${kb(f.gzip)} KB gzip, ${kb(f.brotli)} KB brotli\n`);
  process.stdout.write(
    `Initial JavaScript: ${gzipKb.toFixed(1)} KB gzip, ${brotliKb.toFixed(1)} KB brotli (${rawKb.toFixed(1)} KB raw); ` +
      `budget ${INITIAL_JS_BUDGET_KB} KB gzip\n`,
  );
}
