import { useEffect } from 'react';

/**
 * The window's title names the screen ("Izglītojamie — Atbalsts"), in the language shown: screen readers announce it
 * on every screen change and the browser lists it in tabs and history (WCAG 2.4.2). Every screen already names itself
 * in its first heading, so the title follows that heading and cannot drift from it; a screen whose heading is the
 * app's own name (sign-in, unlock) is named by the heading under it.
 */
export function useDocumentTitle(appName: () => string) {
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const app = appName();
      const headings = document.querySelectorAll('main h1, main h2');
      const name = Array.from(headings, (h) => h.textContent?.trim() ?? '').find((text) => text && text !== app);
      const next = name ? `${name} — ${app}` : app;
      if (document.title !== next) document.title = next;
    };
    update();
    // Headings change with the route, the data arriving and the language: one look per frame catches them all.
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(update);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [appName]);
}
