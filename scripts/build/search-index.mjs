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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { parse } from 'parse5';
import { locales } from '../../src/i18n/locales.ts';
import { FOLDED_TEXT_MARK, fold, pagefindNormalize, words } from '../../src/components/Search/folding.ts';
import { stopWords } from '../../src/components/Search/stop-words.ts';
import { attr, elements, urlPathOf } from '../lib/dist-html.mjs';
import { startShards } from './pagefind-shards.mjs';

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
 * A word as the index sees it, computed once per build for each distinct piece of text and locale
 * (issue 17: the peer content has ~1.6 million words and a few tens of thousands of distinct ones; folding
 * each one anew took ~2 s of the pass's CPU beside Astro). `folding(piece, locale)` takes a piece of text
 * split on white space and gives `{ word, folded, changed }`: `word` as words() keeps it ('' for none),
 * its fold() for `locale`, and whether that differs from what Pagefind makes of it itself.
 * @returns {(piece: string, locale: string) => { word: string, folded: string, changed: boolean }}
 */
export function wordFolding() {
  /** locale → piece → what it gives */
  const byLocale = new Map();
  return (piece, locale) => {
    let known = byLocale.get(locale);
    if (!known) byLocale.set(locale, (known = new Map()));
    let entry = known.get(piece);
    if (!entry) {
      const [word = ''] = words(piece);
      const folded = word && fold(word, locale);
      entry = { word, folded, changed: word !== '' && folded !== pagefindNormalize(word) };
      known.set(piece, entry);
    }
    return entry;
  };
}

/**
 * What we add to a page for the index (never served): the folded forms of its
 * words that differ from what Pagefind makes of them itself, headings kept as
 * headings so they keep heading weight; then the readers' search words, and
 * their folded forms, at KEYWORDS_WEIGHT. Returns the HTML and the page's
 * words (folded) for the "Did you mean" list. `folding`: a build's wordFolding(), shared by its pages.
 */
export function searchAdditions(body, keywords, locale, folding = wordFolding()) {
  const folded = new Map(); // folded word → { count, level (0 body, 1 for h1 …) }
  const pageWords = [];
  for (const [level, text] of indexedText(body)) {
    for (const piece of text.split(/\s+/u)) {
      const { word, folded: f, changed } = folding(piece, locale);
      if (!word) continue;
      pageWords.push(f);
      if (!changed) continue;
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
  const keywordFolding = keywordWords.map((w) => folding(w, locale));
  const keywordFolds = keywordFolding.filter((k) => k.changed).map((k) => k.folded);
  pageWords.push(...keywordFolding.map((k) => k.folded));
  const keywordBlock = keywordWords.length ? `<div data-pagefind-weight="${KEYWORDS_WEIGHT}">${escapeHtml([...keywordWords, ...keywordFolds].join(' '))}</div>` : '';
  const html = blocks.length || keywordBlock ? `<div data-search-additions>${FOLDED_TEXT_MARK} ${blocks.join('')}${keywordBlock}</div>` : '';
  return { html, pageWords };
}

/**
 * Builds run one index at a time: each index already has a Pagefind process per core
 * (./pagefind-shards.mjs), and the bad-content tests build several sites at once in one process.
 */
let queue = Promise.resolve();

/** Niceness of every thread of each Pagefind process beside `astro build` (searchIndexStep's `besideAstro`): the lowest priority. */
const BESIDE_ASTRO_NICENESS = 19;

/**
 * The thread ids of Pagefind processes (`processIds`, from ./pagefind-shards.mjs): each one's threads
 * in /proc/<pid>/task, its main thread (whose id is the process id) and the pool threads it has
 * started; none where there is no /proc (not Linux), or for a process that has ended.
 * @param {number[]} processIds
 * @returns {number[]}
 */
function threadIds(processIds) {
  return processIds.flatMap((id) => {
    try {
      return readdirSync(`/proc/${id}/task`).map(Number);
    } catch {
      return [];
    }
  });
}

/**
 * The search index as a step of the one pass over the built pages
 * (./built-pages.mjs). Each searchable page, with our additions, goes to
 * Pagefind with `addHTMLFile` (URL: the page's own path, /tr/about/) as the
 * pass visits it, which is while Astro still renders the next pages (the
 * tee, docs/build-speed.md): Pagefind indexes it meanwhile, in one process per
 * core, each for some of the languages (./pagefind-shards.mjs).
 * Pagefind's service handles one message at a time, in the order sent
 * (pagefind/src/service/mod.rs), and numbers each language's pages in the
 * order they were added; the pass's order is a function of the content, so
 * the index is the same in every build of the same content.
 * `handedOver()` (after the last page) has Pagefind write `siteDir/pagefind/`
 * once it has indexed them all, while the build does other work (the pass's
 * `meanwhile`, the other steps' finish). `forget(page)`: a page changed or
 * moved after Astro rendered it; Pagefind cannot take a page out of an
 * index, so when it was searchable, `handedOver()` builds the index again
 * from the pages still in the site, read from disk in the order they were
 * given (a page given again, read from disk, comes after the rest; rare: no
 * page of this site changes after rendering; the 404
 * pages that move are not searchable).
 * `finish()` waits for the index and resolves with Pagefind's languages,
 * e.g. { tr: { page_count: 18 }, ... }; it throws, with the reason, if
 * Pagefind reports errors, gives a page another URL than its own, or a
 * locale has no index. Waits for any index still being built in this
 * process first (see `queue`).
 * `besideAstro`: the pass runs beside `astro build` (the tee), on a machine whose cores Astro's
 * rendering, this process's reading and Pagefind's indexing would otherwise share in equal parts,
 * so that Astro, the longest of the three, renders slower (peer content, 2 cores: rendering 8.8 →
 * 15.9 s, docs/build-speed.md). Every thread of each Pagefind process then runs at the lowest CPU
 * priority (nice 19, Linux; setpriority(2) on a thread id changes that thread, and threads it starts
 * later inherit it): the main thread alone at nice 19 took rendering from 15.9 to 10.7 s (session
 * 11); the pool threads too, which parse the pages, beside Astro at normal priority until session 17:
 * builds 0.3 s faster on average, within the machine's noise (docs/build-speed.md "Session 17";
 * session 12 saw no gain either), and it is what this step means Pagefind to do. It is not raised
 * again after Astro: an unprivileged process cannot, and then Pagefind mostly has the machine to
 * itself.
 * @param {string} siteDir
 * @param {{ besideAstro?: boolean }} [options]
 * @returns {Promise<import('./built-pages.mjs').PageStep>}
 */
export async function searchIndexStep(siteDir, { besideAstro = false } = {}) {
  const previous = queue;
  let release = () => {};
  queue = new Promise((done) => (release = done));
  await previous;

  const site = resolve(siteDir);
  const outputPath = join(site, 'pagefind');
  rmSync(outputPath, { recursive: true, force: true });
  const localeOfIndex = new Map(locales.map((l) => [indexLanguage(l.tag), l.code]));
  /** Per locale: folded word → how often the locale's pages use it. */
  let vocabulary = new Map(locales.map((l) => [l.code, new Map()]));
  /** Pagefind on every core, one shard per language at most (./pagefind-shards.mjs); at nice 19 when `beside` Astro. */
  const start = async (beside) => {
    const started = await startShards({
      count: Math.min(availableParallelism(), locales.length),
      languages: locales.map((l) => indexLanguage(l.tag)),
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(INDEX_CHUNK_SIZE) },
    });
    for (const id of beside ? threadIds(started.processIds) : []) {
      try {
        setPriority(id, BESIDE_ASTRO_NICENESS);
      } catch {
        // Not allowed here, or it has ended: Pagefind shares the cores as it did.
      }
    }
    return started;
  };
  /** @type {import('./pagefind-shards.mjs').Shards | undefined} undefined while a rebuild starts them again */
  let shards;
  try {
    shards = await start(besideAstro);
  } catch (error) {
    release();
    throw error;
  }
  const running = () => {
    if (!shards) throw new Error('Pagefind could not start again.');
    return shards;
  };
  const close = async () => {
    await shards?.close();
    release();
  };
  /** The searchable pages given to Pagefind, in the order given: URL path → file. */
  let handed = new Map();
  /** Pages given to Pagefind and not yet confirmed: awaited before it writes. */
  let adding = [];
  /** A searchable page was taken back (forget()): the index is built again before it is written. */
  let stale = false;

  const folding = wordFolding();
  /** Our additions for one page, its words counted for "Did you mean", and the page to Pagefind. */
  const add = ({ file, path, html, document }) => {
    if (!html.includes('data-pagefind-body')) return;
    const all = elements(document);
    const body = all.find((el) => attr(el, 'data-pagefind-body') !== undefined);
    const lang = attr(all.find((el) => el.tagName === 'html') ?? {}, 'lang') ?? '';
    const locale = localeOfIndex.get(indexLanguage(lang));
    if (!body || !locale) throw new Error(`${file}: a searchable page needs <html lang> of a locale in the registry (found "${lang}")`);
    const keywords = (attr(all.find((el) => el.tagName === 'meta' && attr(el, 'name') === 'keywords') ?? {}, 'content') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    const { html: additions, pageWords } = searchAdditions(body, keywords, locale, folding);
    const counts = vocabulary.get(locale);
    for (const word of pageWords) counts.set(word, (counts.get(word) ?? 0) + 1);
    const end = html.lastIndexOf('</main>');
    if (end < 0) throw new Error(`${file}: data-pagefind-body is expected on <main>`);
    const added = running()
      .add(indexLanguage(lang), path, html.slice(0, end) + additions + html.slice(end))
      .then((result) => {
        if (result.errors.length) throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
        if (result.url !== path) throw new Error(`Pagefind gave ${file} the URL ${result.url}, not its own, ${path}`);
      });
    added.catch(() => {}); // reported by finish(), not as an unhandled rejection meanwhile
    adding.push(added);
    handed.set(path, file);
  };
  /** The index again, after forget(): the pages still handed over, read from disk in the order they were handed over (a page given again comes last). */
  const rebuild = async () => {
    await Promise.allSettled(adding);
    const old = shards;
    shards = undefined;
    await old?.close();
    // After Astro: Pagefind keeps its priority.
    shards = await start(false);
    const files = [...handed.values()];
    handed = new Map();
    adding = [];
    vocabulary = new Map(locales.map((l) => [l.code, new Map()]));
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      add({ file, path: urlPathOf(site, file), html, document: parse(html) });
    }
    stale = false;
  };
  /** @type {Promise<{ errors: string[] }> | undefined} Pagefind writing the index, from handedOver() */
  let writing;
  const write = () => {
    writing ??= (stale ? rebuild() : Promise.resolve()).then(() => Promise.all(adding)).then(() => running().write(outputPath));
    writing.catch(() => {}); // reported by finish()
    return writing;
  };
  return {
    page(page) {
      add(page);
    },
    forget({ path }) {
      if (handed.delete(path)) stale = true;
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

      const minifying = minifyPagefindScripts(outputPath);
      writeSearchData(outputPath, written.fragments, localeOfIndex, vocabulary, new Set(handed.keys()));
      await minifying;
      return entry.languages;
    },
    async close() {
      // A rejected page must not go unhandled when the pass stopped before finish().
      await Promise.allSettled([...adding, writing]);
      await close();
    },
  };
}

/**
 * Pagefind's browser scripts as the first search downloads them: pagefind.js (an ES module, imported by
 * src/components/Search/search-ui.ts) and pagefind-worker.js (a classic worker script it starts), for
 * Pagefind 1.6 ~47 and ~43 KB with white space removed but every name kept. Minified here by esbuild
 * (names shortened inside them; the module's exports, the worker's global names and the file names,
 * which pagefind.js finds its worker by, stay): 13.2 → 11.5 and 12.3 → 10.7 kB gzip, ~3.4 kB of a
 * reader's first search (issue 17, point 4: at most 100 kB; `npm run measure:search`, and the budget
 * test in tests/e2e/search.spec.ts). Rewritten in
 * place; a file Pagefind did not write is skipped (another Pagefind version), so the search works as
 * Pagefind wrote it.
 * @param {string} outputPath the folder Pagefind wrote (dist/pagefind)
 * @returns {Promise<void>} rejects with esbuild's message when a script does not parse
 */
export async function minifyPagefindScripts(outputPath) {
  const scripts = [
    ['pagefind.js', 'esm'],
    ['pagefind-worker.js', undefined],
  ];
  await Promise.all(
    scripts.map(async ([name, format]) => {
      const file = join(outputPath, name);
      if (!existsSync(file)) return; // Not written by this Pagefind.
      const code = readFileSync(file, 'utf8');
      // No `target`: esbuild's default, esnext, changes no syntax, only names and white space.
      const minified = await transform(code, { loader: 'js', minify: true, format, sourcefile: file, logLevel: 'silent' });
      writeFileSync(file, minified.code);
    }),
  );
}

/**
 * /pagefind/extra/<locale>.json: { stop: [stop words], pages: { <result id>: [url, title, type] } }
 * and /pagefind/extra/<locale>.words.json: the locale's words, folded, most frequent first.
 * `fragments`: what the shards read back of each fragment they wrote (./pagefind-shards.mjs), by result id
 * (the fragment's name, "tr_ae48497"). The catalog lists them sorted by id (it listed them in the order the
 * file system gave, which can differ between machines).
 * Throws if a result's URL is not the URL path of a page handed to Pagefind (`handed`).
 */
function writeSearchData(outputPath, fragments, localeOfIndex, vocabulary, handed) {
  const extra = join(outputPath, 'extra');
  mkdirSync(extra, { recursive: true });
  const pages = new Map([...localeOfIndex.values()].map((code) => [code, {}]));
  for (const id of [...fragments.keys()].sort()) {
    const locale = localeOfIndex.get(id.slice(0, id.lastIndexOf('_')));
    if (!locale) continue;
    const fragment = fragments.get(id);
    if (!handed.has(fragment.url)) throw new Error(`Pagefind gave a result the URL ${fragment.url}, which is no page of the site (${id}.pf_fragment)`);
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
