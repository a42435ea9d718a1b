/**
 * Builds the Pagefind search index over a built site: `<site>/pagefind/`, and
 * the search page's own data per locale in `<site>/pagefind/extra/`.
 * A step of buildSite() (./build-site.mjs), so `npm run build`, `npm start`,
 * the fixture site, the tests and CI all get an index.
 *
 * Reasoning:
 * - Pagefind splits the index by `<html lang>`, lower-cased: one index per
 *   locale, so a reader downloads only their own language's index, and a
 *   search in Arabic never returns Turkish pages. The browser side
 *   (pagefind.js) looks its index up by the same lower-cased `<html lang>`, so
 *   Kurmanji's tag "kmr-Latn" becomes the index "kmr-latn" on both sides.
 *   We check here that every locale in the registry got its index, because a
 *   missing one fails silently in the browser: Pagefind then falls back to the
 *   largest index, i.e. another language.
 * - What goes in is decided in the HTML (src/layouts/Base.astro): only
 *   `<main data-pagefind-body>` of real, non-fallback pages; header, footer,
 *   notices and sharing carry `data-pagefind-ignore`.
 * - Pagefind reads each page as the build's one pass over the pages hands
 *   it over (./built-pages.mjs; how, in searchIndexStep), with two
 *   blocks added after the page's own text that readers never see (the
 *   served HTML is not changed): the page's words folded
 *   (src/components/Search/folding.ts: "yardım" also as "yardim", Pashto
 *   "مرستې" also as "مرستی"), headings as headings, so a folded query ranks
 *   the pages as the exact one does; and the readers' search words of the
 *   page (`<meta name="keywords">`, from the entries' `keywords`) at a low
 *   weight. A mark (FOLDED_TEXT_MARK) separates them from the text, so the
 *   search page builds excerpts from the page's own words only.
 * - Small index chunks (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, read by the
 *   Pagefind binary, pagefind/src/options.rs): a one-word search fetches one
 *   chunk of a few KB instead of the language's whole ~35 KB index.
 * - Per locale, /pagefind/extra/<locale>.json holds what the search page
 *   needs besides Pagefind: each result's address, title and type (so the
 *   list shows without fetching a fragment per result; fragments are fetched
 *   only for the excerpts on screen) and the stop words
 *   (src/components/Search/stop-words.ts). /pagefind/extra/<locale>.words.json
 *   is the word list for "Did you mean", fetched only when a search finds
 *   almost nothing.
 * - Stemming: Pagefind ships stemmers for tr, ar, ru and en, none for fa, ps
 *   or Kurmanji. Those get whole-word and prefix matching only (see
 *   src/components/Search/README.md).
 */
import * as pagefind from 'pagefind';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { locales } from '../../src/i18n/locales.ts';
import { FOLDED_TEXT_MARK, fold, pagefindNormalize, words } from '../../src/components/Search/folding.ts';
import { stopWords } from '../../src/components/Search/stop-words.ts';
import { attr, elements } from '../lib/dist-html.mjs';

/** The index key Pagefind uses for a locale: its `<html lang>` tag, lower-cased. */
export const indexLanguage = (tag) => tag.toLowerCase();

/** Index chunk size, in word locations (Pagefind's default is 20000: one chunk per language here). */
export const INDEX_CHUNK_SIZE = 2500;
/** Pagefind weight of the readers' search words (body text is 1, headings 7 to 2). */
export const KEYWORDS_WEIGHT = 0.5;
/** A folded word counts at most this often per page: enough for term frequency to rank, little for the index. */
const MAX_FOLDED_REPEATS = 3;
/** The "Did you mean" list leaves out shorter words (and the search corrects no word under 4 letters). */
const MIN_SUGGESTION_LENGTH = 3;

/** Elements whose text Pagefind does not index (pagefind/src/fossick/parser.rs REMOVE_SELECTORS). */
const NOT_INDEXED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
const HEADING_LEVEL = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * The indexed text of a page's `<main data-pagefind-body>`, as [heading level
 * (0 for body text), text] pieces, leaving out what Pagefind leaves out.
 */
function indexedText(body) {
  const pieces = [];
  const walk = (node, level) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') pieces.push([level, child.value]);
      else if (child.tagName && !NOT_INDEXED.has(child.tagName) && attr(child, 'data-pagefind-ignore') === undefined) {
        walk(child, HEADING_LEVEL[child.tagName] ?? level);
        pieces.push([level, ' ']);
      }
    }
  };
  walk(body, 0);
  return pieces;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What we add to a page for the index (never served): the folded forms of its
 * words that differ from what Pagefind makes of them itself, headings kept as
 * headings so they keep heading weight; then the readers' search words, and
 * their folded forms, at KEYWORDS_WEIGHT. Returns the HTML and the page's
 * words (folded) for the "Did you mean" list.
 */
export function searchAdditions(body, keywords, locale) {
  const folded = new Map(); // folded word → { count, level (0 body, 1 for h1 …) }
  const pageWords = [];
  for (const [level, text] of indexedText(body)) {
    for (const word of words(text)) {
      const f = fold(word, locale);
      pageWords.push(f);
      if (f === pagefindNormalize(word)) continue;
      const seen = folded.get(f) ?? { count: 0, level: 0 };
      seen.count += 1;
      if (level > 0 && (seen.level === 0 || level < seen.level)) seen.level = level;
      folded.set(f, seen);
    }
  }
  const byLevel = new Map();
  for (const [word, { count, level }] of folded) {
    const list = byLevel.get(level) ?? [];
    list.push(...Array(Math.min(count, MAX_FOLDED_REPEATS)).fill(word));
    byLevel.set(level, list);
  }
  const blocks = [...byLevel]
    .sort(([a], [b]) => a - b)
    .map(([level, list]) => (level ? `<h${level}>${escapeHtml(list.join(' '))}</h${level}>` : `<p>${escapeHtml(list.join(' '))}</p>`));
  const keywordWords = keywords.flatMap((k) => words(k));
  const keywordFolds = keywordWords.map((w) => fold(w, locale)).filter((f, i) => f !== pagefindNormalize(keywordWords[i]));
  pageWords.push(...keywordWords.map((w) => fold(w, locale)));
  const keywordBlock = keywordWords.length ? `<div data-pagefind-weight="${KEYWORDS_WEIGHT}">${escapeHtml([...keywordWords, ...keywordFolds].join(' '))}</div>` : '';
  const html = blocks.length || keywordBlock ? `<div data-search-additions>${FOLDED_TEXT_MARK} ${blocks.join('')}${keywordBlock}</div>` : '';
  return { html, pageWords };
}

/** A fragment file of Pagefind's output, decoded: { url, meta: { title }, filters, content, … }. */
function readFragment(path) {
  const data = gunzipSync(readFileSync(path));
  return JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8'));
}

/**
 * Builds run one index at a time: Pagefind's Node API talks to one backend
 * process per Node process, and `close()` ends it for every index in progress
 * (the bad-content tests build several sites at once in one process); the
 * chunk size is read from this process's environment, too.
 */
let queue = Promise.resolve();

/**
 * The search index as a step of the one pass over the built pages
 * (./built-pages.mjs). Each searchable page, with our additions, is written
 * to a temporary folder (never in the site) under its own path, and handed to
 * Pagefind in batches of at most one page per language: one `addDirectory`
 * call per batch, each folder `<temp>/<batch>/` holding e.g. ar/about/index.html
 * and tr/about/index.html, so Pagefind gives each page the URL of its path in
 * the site (/tr/about/). Why batches, and not one folder or one page at a time:
 * - Pagefind numbers each language's pages in the order it reads them, and
 *   reads a folder in the order the file system lists it (walkdir, unsorted:
 *   on ext4 a hash of the names). With one page per language per call, each
 *   language's pages are numbered in the order the pass hands them over, on
 *   any file system: the index is the same, byte for byte, as when each page
 *   went to `addHTMLFile` in file order (docs/build-speed.md, session 9).
 * - Pagefind's process handles one message at a time; within a call it
 *   reads the folder's pages on all cores (rayon), and a page on disk costs
 *   neither side the JSON and base64 of sending its text.
 * The pass hands over the locales' pages in turns, so a batch is full every
 * few pages and goes while the pass reads on. `handedOver()` (after the last
 * page) sends the last batch and has Pagefind write `siteDir/pagefind/` once
 * it has indexed them all, while the build does other work (the pass's
 * `meanwhile`, the other steps' finish). `finish()` waits for that and
 * resolves with Pagefind's languages,
 * e.g. { tr: { page_count: 18 }, ... }; it throws, with the reason, if
 * Pagefind reports errors, indexes fewer pages than it was given, gives a
 * page another URL than its own, or a locale has no index. Waits for any
 * index still being built in this process first (see `queue`).
 * @param {string} siteDir
 * @returns {Promise<import('./built-pages.mjs').PageStep>}
 */
export async function searchIndexStep(siteDir) {
  const previous = queue;
  let release = () => {};
  queue = new Promise((done) => (release = done));
  await previous;

  const site = resolve(siteDir);
  const outputPath = join(site, 'pagefind');
  rmSync(outputPath, { recursive: true, force: true });
  const localeOfIndex = new Map(locales.map((l) => [indexLanguage(l.tag), l.code]));
  /** Per locale: folded word → how often the locale's pages use it. */
  const vocabulary = new Map(locales.map((l) => [l.code, new Map()]));
  const chunkSizeBefore = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  /** The pages as Pagefind reads them: one folder per batch, removed by close(). */
  const temp = mkdtempSync(join(tmpdir(), 'search-index-'));
  const close = async () => {
    await pagefind.close();
    rmSync(temp, { recursive: true, force: true });
    if (chunkSizeBefore === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    release();
  };
  const { index, errors } = await pagefind.createIndex({});
  if (!index) {
    await close();
    throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  }
  /** URL path of every page handed over (the URLs Pagefind must give them). */
  const handed = new Set();
  /** @type {{ dir: string, languages: Set<string>, files: string[] } | undefined} the batch being filled */
  let batch;
  let batches = 0;
  /** Batches handed to Pagefind and not yet confirmed: awaited in finish(). */
  const adding = [];
  const send = () => {
    if (!batch) return;
    const { dir, files } = batch;
    batch = undefined;
    const added = index.addDirectory({ path: dir }).then((result) => {
      if (result.errors.length) throw new Error(`Pagefind could not index ${files.join(', ')}: ${result.errors.join('; ')}`);
      if (result.page_count !== files.length)
        throw new Error(`Pagefind indexed ${result.page_count} of the ${files.length} pages ${files.join(', ')} (from ${dir}): it skips a file it cannot read or parse`);
    });
    added.catch(() => {}); // reported by finish(), not as an unhandled rejection meanwhile
    adding.push(added);
  };
  /** @type {Promise<{ errors: string[] }> | undefined} Pagefind writing the index, from handedOver() */
  let writing;
  const write = () => {
    send();
    writing ??= Promise.all(adding).then(() => index.writeFiles({ outputPath }));
    writing.catch(() => {}); // reported by finish()
    return writing;
  };
  return {
    page({ file, path, html, document }) {
      if (!html.includes('data-pagefind-body')) return;
      const all = [...elements(document)];
      const body = all.find((el) => attr(el, 'data-pagefind-body') !== undefined);
      const lang = attr(all.find((el) => el.tagName === 'html') ?? {}, 'lang') ?? '';
      const language = indexLanguage(lang);
      const locale = localeOfIndex.get(language);
      if (!body || !locale) throw new Error(`${file}: a searchable page needs <html lang> of a locale in the registry (found "${lang}")`);
      const keywords = (attr(all.find((el) => el.tagName === 'meta' && attr(el, 'name') === 'keywords') ?? {}, 'content') ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      const { html: additions, pageWords } = searchAdditions(body, keywords, locale);
      const counts = vocabulary.get(locale);
      for (const word of pageWords) counts.set(word, (counts.get(word) ?? 0) + 1);
      const end = html.lastIndexOf('</main>');
      if (end < 0) throw new Error(`${file}: data-pagefind-body is expected on <main>`);
      // A second page of this language waits for the next batch: within one, Pagefind's order is the file system's.
      if (batch?.languages.has(language)) send();
      batch ??= { dir: join(temp, String(batches++)), languages: new Set(), files: [] };
      const copy = join(batch.dir, relative(site, file));
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, html.slice(0, end) + additions + html.slice(end));
      batch.languages.add(language);
      batch.files.push(relative(site, file));
      handed.add(path);
    },
    handedOver() {
      write();
    },
    async finish() {
      const written = await write();
      if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);

      const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8'));
      const missing = locales.filter((l) => !entry.languages[indexLanguage(l.tag)]).map((l) => `${l.code} (<html lang="${l.tag}">)`);
      if (missing.length) throw new Error(`No search index for: ${missing.join(', ')}. Does any page in that locale have <main data-pagefind-body>?`);
      const unknown = Object.keys(entry.languages).filter((lang) => !localeOfIndex.has(lang));
      if (unknown.length) throw new Error(`Search index for a language not in the registry: ${unknown.join(', ')}. Check <html lang>.`);

      writeSearchData(outputPath, localeOfIndex, vocabulary, handed);
      return entry.languages;
    },
    async close() {
      // A rejected batch must not go unhandled when the pass stopped before finish().
      await Promise.allSettled([...adding, writing]);
      await close();
    },
  };
}

/**
 * /pagefind/extra/<locale>.json: { stop: [stop words], pages: { <result id>: [url, title, type] } }
 * and /pagefind/extra/<locale>.words.json: the locale's words, folded, most frequent first.
 * Throws if a result's URL is not the URL path of a page handed to Pagefind (`handed`).
 */
function writeSearchData(outputPath, localeOfIndex, vocabulary, handed) {
  const extra = join(outputPath, 'extra');
  mkdirSync(extra, { recursive: true });
  const pages = new Map([...localeOfIndex.values()].map((code) => [code, {}]));
  for (const name of readdirSync(join(outputPath, 'fragment'))) {
    const id = name.replace(/\.pf_fragment$/, '');
    const locale = localeOfIndex.get(id.slice(0, id.lastIndexOf('_')));
    if (!locale) continue;
    const fragment = readFragment(join(outputPath, 'fragment', name));
    if (!handed.has(fragment.url)) throw new Error(`Pagefind gave a result the URL ${fragment.url}, which is no page of the site (${name})`);
    pages.get(locale)[id] = [fragment.url, fragment.meta.title ?? fragment.url, fragment.filters?.type?.[0] ?? ''];
  }
  for (const [locale, catalog] of pages) {
    writeFileSync(join(extra, `${locale}.json`), JSON.stringify({ stop: stopWords(locale), pages: catalog }));
    const counts = vocabulary.get(locale);
    const stop = new Set(stopWords(locale));
    const list = [...counts]
      .filter(([w]) => [...w].length >= MIN_SUGGESTION_LENGTH && !/\d/.test(w) && !stop.has(w))
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([w]) => w);
    writeFileSync(join(extra, `${locale}.words.json`), JSON.stringify(list));
  }
}
