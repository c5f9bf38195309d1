import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
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

/**
 * The first script (src/app/main.tsx) is small and imports the app (src/app/start.tsx) itself, beside the device's
 * language, which only it knows. So that the app's chunks do not wait for that script to arrive and run, the page
 * names them for the browser to fetch at once (modulepreload, and the app's stylesheet): one round trip less before
 * the sign-in screen on a slow network (issue 13.11). The language chunk is not named: it is one of three.
 */
const preloadApp: Plugin = {
  name: 'atbalsts:preload-app',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, { bundle }) {
      if (!bundle) return html;
      const chunks = Object.values(bundle).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
      const start = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/app/start.tsx'));
      if (!start) throw new Error('preload-app: no chunk for src/app/start.tsx');
      const scripts = new Set<string>();
      const styles = new Set<string>();
      const visit = (chunk: Rolldown.OutputChunk) => {
        if (scripts.has(chunk.fileName)) return;
        scripts.add(chunk.fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
        for (const name of chunk.imports) {
          const imported = bundle[name];
          if (imported?.type === 'chunk') visit(imported);
        }
      };
      visit(start);
      const already = (file: string) => html.includes(`/${file}"`);
      const links = [
        ...[...styles]
          .filter((file) => !already(file))
          .map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
        ...[...scripts]
          .filter((file) => !already(file))
          .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
      ];
      return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
    },
  },
};

/**
 * The app's own modules do nothing when imported but define things (the one exception, RxDB's plugin registration,
 * sits beside the code that needs it), so a module none of whose exports is used is left out. Without this, a
 * feature's or layer's index pulled everything it re-exports into the first load (issue 13.11). Stylesheets keep
 * their side effect; packages keep what their own package.json says.
 */
const APP_MODULE = /\/src\/(app|db|domain|features|sync)\/.+\.tsx?$/;
const ENTRY = /\/src\/app\/main\.tsx$/;
const sideEffectFreeApp = (id: string): boolean | undefined =>
  APP_MODULE.test(id) && !ENTRY.test(id) ? false : undefined;

export default defineConfig({
  plugins: [
    zipOnMainThread,
    precompress,
    preloadApp,
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
    rolldownOptions: { treeshake: { moduleSideEffects: sideEffectFreeApp } },
  },
});
