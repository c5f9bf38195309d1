/**
 * The app's own code could not be loaded (offline before the service worker holds it, or a deploy replaced the
 * files mid-load): said in the three languages at once, since the strings are part of what did not arrive, with a
 * button that tries again. Plain DOM: React may be what is missing.
 */
const SAID: readonly { lang: string; title: string; text: string; retry: string }[] = [
  {
    lang: 'lv',
    title: 'Atbalstu neizdevās ielādēt',
    text: 'Pārbaudiet tīkla savienojumu un mēģiniet vēlreiz.',
    retry: 'Mēģināt vēlreiz',
  },
  {
    lang: 'en',
    title: 'Atbalsts could not be loaded',
    text: 'Check the network connection and try again.',
    retry: 'Try again',
  },
  {
    lang: 'ru',
    title: 'Не удалось загрузить Atbalsts',
    text: 'Проверьте подключение к сети и попробуйте ещё раз.',
    retry: 'Попробовать ещё раз',
  },
];

export function showStartFailure(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const main = document.createElement('main');
  // The stylesheet may be what is missing too.
  main.style.cssText = 'font-family: system-ui, sans-serif; max-width: 36rem; margin: 0 auto; padding: 1rem;';
  for (const said of SAID) {
    const section = document.createElement('section');
    section.lang = said.lang;
    const title = document.createElement(said.lang === 'lv' ? 'h1' : 'h2');
    title.textContent = said.title;
    const text = document.createElement('p');
    text.textContent = said.text;
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = said.retry;
    retry.style.cssText = 'min-height: 44px; min-width: 44px; padding: 0 1rem; font: inherit;';
    retry.addEventListener('click', () => window.location.reload());
    section.append(title, text, retry);
    main.append(section);
  }
  root.replaceChildren(main);
}
