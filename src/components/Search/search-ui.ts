/**
 * The search page, once the reader starts searching: loads Pagefind and this
 * language's index, searches as the reader types, and lists the results.
 *
 * Reasoning:
 * - Our own small UI on Pagefind's JS API rather than @pagefind/default-ui:
 *   the default UI is ~125 KB of script plus its CSS, sets inline styles (which
 *   a strict Content-Security-Policy blocks) and has no Kurmanji or Pashto
 *   strings. Ours takes every string from content/i18n/<locale>.json, like the
 *   rest of the site.
 * - Pagefind picks the index from `<html lang>` (lower-cased), so a reader
 *   only ever searches pages in their own language, and results link to pages
 *   in that language.
 * - What the reader typed is searched by ./search-engine.ts: folded for
 *   keyboards, with stems that meet, sentences word by word, and "Did you
 *   mean" from the site's own words (issue 12).
 * - Data on a prepaid phone: the list is drawn from this language's small
 *   catalog (/pagefind/extra/<locale>.json: address, title, type of each page),
 *   so a result needs no fetch to be listed. Its fragment (the page's text, for
 *   the excerpt) is fetched only when the result comes on screen. The word list
 *   for "Did you mean" is fetched only when a search finds almost nothing.
 * - Nothing is sent anywhere: Pagefind fetches static files from /pagefind/
 *   and matches in the browser (in a Web Worker when it can). We do not put
 *   the words in the URL either: result links carry no `?highlight=`.
 */
import { excerptParts } from './excerpt.ts';
import { hook } from './search-hooks.ts';
import { RANKING, find, type Hit, type LocaleSearchData, type PagefindApi } from './search-engine.ts';

/** Pagefind's browser module, as much as we use (pagefind/pagefind.js, generated at build time). */
interface PagefindModule extends PagefindApi {
  options(options: { ranking?: typeof RANKING }): Promise<void>;
  init(): Promise<void>;
}

/** Where the build writes Pagefind and our data (scripts/build/search-index.mjs); variables so the bundler leaves them alone. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
const dataUrl = (locale: string, part = '') => `/pagefind/extra/${locale}${part}.json`;
/** Results listed at a time. Listing costs nothing; each excerpt on screen costs one small fetch. */
const PAGE_SIZE = 10;
/**
 * Words in an excerpt at most: enough to see why the page matched. search.css keeps three lines for
 * it; fewer words are shown where that many do not fit (long Turkish or Russian words, a narrow
 * screen), down to MIN_EXCERPT_WORDS, so the excerpt ends on a whole word with its own "…".
 */
const EXCERPT_WORDS = 16;
const MIN_EXCERPT_WORDS = 6;
/** Wait this long after the last keystroke: a cheap phone should not search for every letter. */
const TYPING_PAUSE_MS = 150;
/**
 * An excerpt is fetched once the reader has not typed for this long, and only if they have not typed
 * since its result was listed: the results of "pasap" that show while "pasaport" is still being typed
 * cost no fragment (up to one 2–4 KB fetch each, on prepaid data; issue 17 point 4).
 */
const EXCERPT_PAUSE_MS = 300;

interface Strings {
  results: Partial<Record<Intl.LDMLPluralRule, string>>;
  /** The locale code (tr, ar, ...): the plural rules i18next uses, and how readers' typing is folded. */
  locale: string;
  noResults: string;
  loading: string;
  error: string;
  /** "Showing results for {{words}}." */
  showingResultsFor: string;
  /** "Did you mean {{words}}?" */
  didYouMean: string;
}

const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return (await response.json()) as T;
};

export async function startSearch(root: HTMLElement): Promise<void> {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const { locale } = strings;
  const form = hook<HTMLFormElement>(root, 'data-search-page-form');
  const input = hook<HTMLInputElement>(form, 'data-search-input');
  const filterSelects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const filtersBox = hook<HTMLDetailsElement>(form, 'data-search-filters');
  const filtersInUse = hook<HTMLElement>(filtersBox, 'data-search-filters-in-use');
  const status = hook<HTMLElement>(root, 'data-search-status');
  const suggestion = hook<HTMLElement>(root, 'data-search-suggestion');
  const list = hook<HTMLOListElement>(root, 'data-search-results');
  const more = hook<HTMLButtonElement>(root, 'data-search-more');
  const plural = new Intl.PluralRules(locale);

  const pagefind = import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: PagefindModule) => {
    await module.options({ ranking: RANKING });
    // Starts fetching this language's index meta and the WebAssembly now, while the reader is still typing.
    void module.init();
    return module;
  });
  const data = getJson<LocaleSearchData>(dataUrl(locale));
  let words: Promise<readonly string[]> | undefined;
  const loadWords = () => (words ??= getJson<string[]>(dataUrl(locale, '.words')));

  let current = 0; // Which search is on screen; an older one still running must not overwrite a newer one.
  let hits: Hit[] = [];
  let terms: string[] = [];
  let shown = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  // performance.now() at the reader's last keystroke in the box. This module loads on focus or the
  // first keystroke, so the reader may be typing already: keystrokes before its listener count from here.
  let lastInput = performance.now();
  let inputs = 0; // Keystrokes in the box so far: a result listed before the latest one is stale.
  const catalog = async () => (await data).pages;

  // An excerpt is fetched when its result comes on screen, and only then.
  const pending = new Map<Element, () => void>();
  const onScreen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      onScreen.unobserve(entry.target);
      pending.get(entry.target)?.();
      pending.delete(entry.target);
    }
  });

  const countText = (count: number) => (strings.results[plural.select(count)] ?? strings.results.other ?? '').replace('{{count}}', String(count));

  async function run() {
    clearTimeout(typingTimer);
    const id = ++current;
    const query = input.value.trim();
    const filters = Object.fromEntries(filterSelects.filter((s) => s.value).map((s) => [s.dataset.filter!, s.value]));
    // A filter in use is never out of sight: named on the toggle, which a reader may fold away while it narrows the results.
    const inUse = filterSelects.filter((s) => s.value).map((s) => s.selectedOptions[0]?.textContent ?? s.value);
    filtersInUse.textContent = inUse.length ? `: ${inUse.join(' · ')}` : '';
    if (!query && Object.keys(filters).length === 0) {
      clear();
      list.hidden = more.hidden = true;
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    // Say so if the index takes a moment (the first search on a slow connection).
    const loading = setTimeout(() => id === current && (status.textContent = strings.loading), 300);
    let correction: { words: string; shown: boolean } | undefined;
    try {
      const [api, searchData] = await Promise.all([pagefind, data]);
      const found = await find(api, query, locale, searchData, { filters, loadWords });
      if (id !== current) return;
      hits = found.hits;
      terms = found.terms;
      correction = found.correction ? { words: found.correction, shown: found.corrected } : undefined;
      shown = 0;
      clear();
      await showMore(id);
    } catch {
      if (id !== current) return;
      clear();
      list.hidden = more.hidden = true;
      status.textContent = strings.error;
      return;
    } finally {
      clearTimeout(loading);
      if (id === current) list.removeAttribute('aria-busy');
    }
    if (id !== current) return;
    showCorrection(correction);
    // One announcement per search, after the list is on screen.
    const count = hits.length ? countText(hits.length) : strings.noResults;
    status.textContent = correction?.shown ? `${strings.showingResultsFor.replace('{{words}}', correction.words)} ${count}` : count;
  }

  function clear() {
    onScreen.disconnect();
    pending.clear();
    list.replaceChildren();
    suggestion.replaceChildren();
    suggestion.hidden = true;
  }

  /** "Did you mean X?" with X a button that searches for it, when the words as typed still found a little. */
  function showCorrection(correction: { words: string; shown: boolean } | undefined) {
    if (!correction || correction.shown) return;
    const [before = '', after = ''] = strings.didYouMean.split('{{words}}');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'search__suggestion-button';
    button.textContent = correction.words;
    button.addEventListener('click', () => {
      input.value = correction.words;
      void run();
    });
    suggestion.replaceChildren(before, button, after);
    suggestion.hidden = false;
  }

  async function showMore(id: number): Promise<HTMLAnchorElement | undefined> {
    const next = hits.slice(shown, shown + PAGE_SIZE);
    const pages = await catalog();
    const items = await Promise.all(next.map((hit) => renderResult(hit, pages[hit.id])));
    if (id !== current) return undefined;
    list.append(...items);
    for (const item of items) onScreen.observe(item);
    shown += next.length;
    list.hidden = shown === 0;
    more.hidden = shown >= hits.length;
    return items[0]?.querySelector('a') ?? undefined;
  }

  async function renderResult(hit: Hit, page: [string, string, string] | undefined): Promise<HTMLLIElement> {
    // A page missing from the catalog (it should not happen) is listed from its fragment.
    const [url, title, type]: [string, string, string] = page ?? (await hit.result.data().then((d) => [d.url, d.meta.title ?? d.url, d.filters.type?.[0] ?? '']));
    const item = document.createElement('li');
    item.className = 'search-result';
    const link = document.createElement('a');
    link.href = url;
    link.className = 'search-result__title';
    link.textContent = title;
    item.append(link);
    if (type) {
      const meta = document.createElement('p');
      meta.className = 'meta search-result__type';
      meta.textContent = type;
      item.append(meta);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    item.append(excerpt);
    const searchTerms = terms;
    const inputsWhenListed = inputs;
    /** Runs `start` once the reader has paused typing (EXCERPT_PAUSE_MS), unless they typed after this result was listed. */
    const whenPaused = (start: () => void) => {
      if (inputs !== inputsWhenListed) return; // A newer search replaces this list and observes its own results.
      const wait = lastInput + EXCERPT_PAUSE_MS - performance.now();
      if (wait <= 0) start();
      else setTimeout(() => whenPaused(start), wait);
    };
    pending.set(item, () =>
      whenPaused(() => {
        hit.result
          .data()
          .then((fragment) => {
            const fill = (words: number) =>
              excerpt.replaceChildren(
                ...excerptParts(fragment.content, hit.locations, searchTerms, locale, words).map((part) => {
                  if (!part.mark) return document.createTextNode(part.text);
                  const mark = document.createElement('mark');
                  mark.textContent = part.text;
                  return mark;
                }),
              );
            // The most words that fit the three lines kept for the excerpt (search.css clamps the rest, mid-word).
            let words = EXCERPT_WORDS;
            fill(words);
            while (words > MIN_EXCERPT_WORDS && excerpt.scrollHeight > excerpt.clientHeight + 1) fill((words -= 2));
          })
          .catch(() => undefined); // The title and link are there; an excerpt that cannot load is left out.
      }),
    );
    return item;
  }

  input.addEventListener('input', () => {
    lastInput = performance.now();
    inputs++;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(run, TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  for (const select of filterSelects) select.addEventListener('change', () => void run());
  more.addEventListener('click', async () => {
    // Keyboard and screen-reader users continue from the first new result, not from the top.
    const first = await showMore(current);
    first?.focus();
  });

  await pagefind;
  if (input.value.trim()) await run();
}
