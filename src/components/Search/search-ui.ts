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
 * - Nothing is sent anywhere: Pagefind fetches static files from /pagefind/
 *   and matches in the browser (in a Web Worker when it can). We do not put
 *   the words in the URL either: result links carry no `?highlight=`.
 */
import { hook } from './search-hooks.ts';

/** Pagefind's browser API, as much as we use (pagefind/pagefind.js, generated at build time). */
interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; filters: Record<string, string[]> }>;
}

/** Where the build writes Pagefind (scripts/build/search-index.mjs); a variable so the bundler leaves it alone. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
/** Results shown at a time: each needs its own small fetch (its fragment) before it can be shown. */
const PAGE_SIZE = 10;
/** Wait this long after the last keystroke: a cheap phone should not search for every letter. */
const TYPING_PAUSE_MS = 150;

/**
 * What readers type and what the text says can differ in characters that look
 * alike. Phones in Iran and Afghanistan often have an Arabic keyboard, which
 * types Arabic yeh and kaf (ي ك) where Persian text has ی ک; Pagefind sees
 * different words ("كار" found nothing, "کار" finds eight pages). Pashto has
 * ي and ی as two letters, so only kaf is folded there. Phone numbers in the
 * text are in Latin digits (157), while Arabic and Persian keyboards type ١٥٧
 * or ۱۵۷. (Checked against content/: fa and ps texts use only ی ک and Latin digits.)
 */
const TYPED_AS: Record<string, [RegExp, string][]> = {
  fa: [[/ي/g, 'ی'], [/ك/g, 'ک']],
  ps: [[/ك/g, 'ک']],
};
function asWritten(words: string, locale: string): string {
  const digits = words.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  return (TYPED_AS[locale] ?? []).reduce((text, [from, to]) => text.replace(from, to), digits);
}

interface Strings {
  results: Partial<Record<Intl.LDMLPluralRule, string>>;
  /** The locale code (tr, ar, ...): the plural rules i18next uses, and how readers' typing is folded. */
  locale: string;
  noResults: string;
  loading: string;
  error: string;
}

export async function startSearch(root: HTMLElement): Promise<void> {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const form = hook<HTMLFormElement>(root, 'data-search-page-form');
  const input = hook<HTMLInputElement>(form, 'data-search-input');
  const filterSelects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const status = hook<HTMLElement>(root, 'data-search-status');
  const list = hook<HTMLOListElement>(root, 'data-search-results');
  const more = hook<HTMLButtonElement>(root, 'data-search-more');
  const plural = new Intl.PluralRules(strings.locale);

  const pagefind = import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 24 });
    // Starts fetching this language's index meta and the WebAssembly now, while the reader is still typing.
    void module.init();
    return module;
  });

  let current = 0; // Which search is on screen; an older one still running must not overwrite a newer one.
  let results: PagefindResult[] = [];
  let shown = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const countText = (count: number) => (strings.results[plural.select(count)] ?? strings.results.other ?? '').replace('{{count}}', String(count));

  async function run() {
    clearTimeout(typingTimer);
    const id = ++current;
    const words = asWritten(input.value.trim(), strings.locale);
    const filters = Object.fromEntries(filterSelects.filter((s) => s.value).map((s) => [s.dataset.filter!, s.value]));
    if (!words && Object.keys(filters).length === 0) {
      list.replaceChildren();
      list.hidden = more.hidden = true;
      status.textContent = '';
      return;
    }
    // Say so if the index takes a moment (the first search on a slow connection).
    const loading = setTimeout(() => id === current && (status.textContent = strings.loading), 300);
    try {
      const api = await pagefind;
      // With only filters chosen, `null` lists every page that matches them.
      const response = await api.search(words || null, { filters });
      if (id !== current) return;
      results = response.results;
      shown = 0;
      list.replaceChildren();
      await showMore(id);
    } catch {
      if (id !== current) return;
      list.replaceChildren();
      list.hidden = more.hidden = true;
      status.textContent = strings.error;
      return;
    } finally {
      clearTimeout(loading);
    }
    if (id !== current) return;
    // One announcement per search, after the list is on screen.
    status.textContent = results.length ? countText(results.length) : strings.noResults;
  }

  async function showMore(id: number): Promise<HTMLAnchorElement | undefined> {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (id !== current) return undefined;
    const items = data.map(renderResult);
    list.append(...items);
    shown += next.length;
    list.hidden = shown === 0;
    more.hidden = shown >= results.length;
    return items[0]?.querySelector('a') ?? undefined;
  }

  input.addEventListener('input', () => {
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

function renderResult(data: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const link = document.createElement('a');
  link.href = data.url;
  link.className = 'search-result__title';
  link.textContent = data.meta.title ?? data.url;
  item.append(link);
  const type = data.filters.type?.[0];
  if (type) {
    const meta = document.createElement('p');
    meta.className = 'meta search-result__type';
    meta.textContent = type;
    item.append(meta);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(excerpt);
  return item;
}

/**
 * Pagefind's excerpt is HTML: page text with the matched words in <mark>.
 * We copy only text and <mark> out of it, so nothing else in an excerpt
 * (content is written in a CMS) can ever become markup on this page.
 */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
