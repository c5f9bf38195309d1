/**
 * fflate as write-excel-file sees it in the app's build (vite.config.ts resolves its `fflate` here), with `zip` run
 * on the page's own thread.
 *
 * Why: fflate compresses any part of 160 KB or more in a Worker made from a blob: URL. The app's Content-Security-
 * Policy (`worker-src 'self'`) refuses such a worker, and fflate then never calls back: in Chromium a workbook with
 * a large sheet (a municipality's learner list) never finishes, with no error. A workbook is a few MB at most, so
 * compressing it here takes a moment and keeps the policy as strict as it is.
 */
import { zipSync, type AsyncTerminable, type AsyncZipOptions, type AsyncZippable, type FlateCallback } from 'fflate';

export * from 'fflate';

export function zip(
  data: AsyncZippable,
  options: AsyncZipOptions | FlateCallback,
  callback?: FlateCallback,
): AsyncTerminable {
  const done = typeof options === 'function' ? options : callback;
  const settings = typeof options === 'function' ? {} : options;
  if (!done) throw new TypeError('zip needs a callback');
  let cancelled = false;
  // Called back later, as fflate does, so a caller's code after `zip()` runs first.
  setTimeout(() => {
    if (cancelled) return;
    let archive: Uint8Array<ArrayBuffer>;
    try {
      // The sync options are the async ones without the worker's: the same compression, file by file.
      archive = zipSync(data, settings);
    } catch (error) {
      done(error as Parameters<FlateCallback>[0], new Uint8Array());
      return;
    }
    done(null, archive);
  }, 0);
  return () => {
    cancelled = true;
  };
}
