// Renders the PNG icons the web manifest needs from the SVG sources in public/icons, with the same Chromium the
// browser tests use. Run by hand after changing an icon: node scripts/render-icons.mjs (the PNGs are committed).
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const targets = [
  { source: 'icon.svg', output: 'icon-192.png', size: 192 },
  { source: 'icon.svg', output: 'icon-512.png', size: 512 },
  { source: 'maskable.svg', output: 'maskable-512.png', size: 512 },
  { source: 'icon.svg', output: 'apple-touch-icon.png', size: 180 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const { source, output, size } of targets) {
    const svg = await readFile(new URL(`../public/icons/${source}`, import.meta.url), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({
      path: new URL(`../public/icons/${output}`, import.meta.url).pathname,
      omitBackground: true,
    });
    await page.close();
  }
} finally {
  await browser.close();
}
