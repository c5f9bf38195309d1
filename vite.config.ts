import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiTarget = process.env.ATBALSTS_API ?? 'http://127.0.0.1:8080';

/** write-excel-file's zipping on the page's thread, not in a blob: worker the CSP refuses (see the file). */
const zipOnMainThread: Plugin = {
  name: 'atbalsts:xlsx-zip-on-main-thread',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== 'fflate' || !importer?.includes('/node_modules/write-excel-file/')) return null;
    return fileURLToPath(new URL('./src/features/ui/zipOnMainThread.ts', import.meta.url));
  },
};

/** Text files worth compressing; smaller ones gain nothing over a header's worth of bytes. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest)$/;
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli and gzip siblings of every built text file (issue 13.11: the 745 KB script went out raw on rural networks).
 * Made once at build time at the highest levels, so the server only picks one by Accept-Encoding (@fastify/static
 * preCompressed) and spends no CPU per request. The service worker precaches the originals only (its glob ends in
 * the plain extensions).
 */
const precompress: Plugin = {
  name: 'atbalsts:precompress',
  apply: 'build',
  enforce: 'post',
  async writeBundle(options, bundle) {
    const dir = options.dir ?? 'dist';
    await Promise.all(
      Object.keys(bundle)
        .filter((file) => COMPRESSIBLE.test(file))
        .map(async (file) => {
          const path = join(dir, file);
          const raw = await readFile(path);
          if (raw.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            brotli(raw, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gzipped(raw, { level: zlib.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
    );
  },
};

export default defineConfig({
  plugins: [
    zipOnMainThread,
    precompress,
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Atbalsts — individuālie atbalsta plāni',
        short_name: 'Atbalsts',
        description: 'Individuālie atbalsta plāni, konsultācijas un kompensācijas — arī bez tīkla.',
        lang: 'lv',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f5f7fa',
        theme_color: '#1f5f8b',
        categories: ['education', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every chunk, the screens' lazy ones included (src/app/routes.tsx): a screen opened for the first time offline
        // still loads (test/e2e/lazy-screens-offline).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // API answers are personal and live: never served from or stored in any cache.
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    proxy: { '/api': apiTarget },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
