/**
 * The only search script on a page before anyone searches: a few lines that
 * wait. The search itself (./search-ui.ts, then Pagefind and this language's
 * index) loads when the reader starts searching: focus in the search form, or
 * arriving with words to look for. A reader who never searches downloads none
 * of it. See ./README.md.
 */

import { QUERY_PARAM } from './query.ts';

/**
 * The words to look for: from the fragment (`#q=`, the header form with
 * JavaScript: see SearchForm.astro), else from the query string (`?q=`, the
 * header form without JavaScript, or a link made elsewhere).
 */
function wordsFromUrl(url: URL): string {
  const fromHash = new URLSearchParams(url.hash.slice(1)).get(QUERY_PARAM);
  return (fromHash ?? url.searchParams.get(QUERY_PARAM) ?? '').trim();
}

// Search page: show the form (it is useless without JavaScript), load the search on first use.
const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) {
  // Not <noscript>: a browser with scripts blocked by policy or an extension would show neither.
  for (const el of document.querySelectorAll<HTMLElement>('[data-search-needs-js]')) el.hidden = false;
  for (const el of document.querySelectorAll<HTMLElement>('[data-search-without-js]')) el.hidden = true;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;

  let started: Promise<void> | undefined;
  const start = () => {
    started ??= import('./search-ui.ts').then(({ startSearch }) => startSearch(root)).catch(() => {
      const status = root.querySelector<HTMLElement>('[data-search-status]');
      if (status) status.textContent = root.dataset.errorText ?? '';
    });
    return started;
  };
  // Until the search has loaded, Enter must not reload the page.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void start();
  });

  const words = wordsFromUrl(new URL(location.href));
  if (words) {
    input.value = words;
    // Take the words out of the address bar, so they are not left on screen or in a shared link.
    history.replaceState(history.state, '', location.pathname);
    void start();
  } else if (form.contains(document.activeElement)) {
    void start();
  } else {
    form.addEventListener('focusin', () => void start(), { once: true });
  }
}
