/**
 * The only search script on a page before anyone searches: a few lines that
 * wait. The search itself (./search-ui.ts, then Pagefind and this language's
 * index) loads when the reader starts searching: focus in the search form, or
 * arriving with words to look for. A reader who never searches downloads none
 * of it. See ./README.md.
 */
import { hook } from './search-hooks.ts';

/**
 * The words to search for travel in the fragment (`#q=`), never in the query
 * string: a fragment is not sent with the request, so the words do not reach
 * even our own server's logs. `?q=` is still read, for links made elsewhere.
 */
const QUERY_PARAM = 'q';

function wordsFromUrl(url: URL): string {
  const fromHash = new URLSearchParams(url.hash.slice(1)).get(QUERY_PARAM);
  return (fromHash ?? url.searchParams.get(QUERY_PARAM) ?? '').trim();
}

// Header form: open the search page with the words typed so far.
// Without JavaScript the form still submits, but its input has no name, so the
// words are not sent: the reader lands on the search page's list of links.
for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-form="header"]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const words = hook<HTMLInputElement>(form, 'data-search-input').value.trim();
    const target = new URL(form.action);
    if (words) target.hash = new URLSearchParams({ [QUERY_PARAM]: words }).toString();
    location.assign(target.href);
  });
}

// Search page: show the form (it is useless without JavaScript), load the search on first use.
const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) {
  // Not <noscript>: a browser with scripts blocked by policy or an extension would show neither.
  for (const el of document.querySelectorAll<HTMLElement>('[data-search-needs-js]')) el.hidden = false;
  for (const el of document.querySelectorAll<HTMLElement>('[data-search-without-js]')) el.hidden = true;
  const form = hook<HTMLFormElement>(root, 'data-search-page-form');
  const input = hook<HTMLInputElement>(form, 'data-search-input');

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
