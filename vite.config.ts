import { fileURLToPath } from 'node:url';
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

export default defineConfig({
  plugins: [
    zipOnMainThread,
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
