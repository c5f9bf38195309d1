// Prints the initial JavaScript a first visit downloads (entry script + modulepreloads), gzip-compressed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_KB = 300;
const dist = new URL('../dist/', import.meta.url).pathname;

export function initialJavaScript() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  const unique = [...new Set(files)];
  const sizes = unique.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files: sizes,
    gzipKb: sizes.reduce((sum, f) => sum + f.gzip, 0) / 1024,
    rawKb: sizes.reduce((s, f) => s + f.raw, 0) / 1024,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, gzipKb, rawKb } = initialJavaScript();
  for (const f of files)
    process.stdout.write(`  ${f.file}: ${(f.raw / 1024).toFixed(1)} KB, ${(f.gzip / 1024).toFixed(1)} KB gzip\n`);
  process.stdout.write(
    `Initial JavaScript: ${gzipKb.toFixed(1)} KB gzip (${rawKb.toFixed(1)} KB raw); budget ${INITIAL_JS_BUDGET_KB} KB gzip\n`,
  );
}
