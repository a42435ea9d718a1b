/**
 * Builds the Pagefind search index over a built site: `<site>/pagefind/`.
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
 * - Stemming: Pagefind ships stemmers for tr, ar, ru and en, none for fa, ps
 *   or Kurmanji. Those get whole-word and prefix matching only (see
 *   src/components/Search/README.md).
 */
import * as pagefind from 'pagefind';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { locales } from '../../src/i18n/locales.ts';

/** The index key Pagefind uses for a locale: its `<html lang>` tag, lower-cased. */
export const indexLanguage = (tag) => tag.toLowerCase();

/**
 * Builds run one index at a time: Pagefind's Node API talks to one backend
 * process per Node process, and `close()` ends it for every index in progress
 * (the bad-content tests build several sites at once in one process).
 */
let queue = Promise.resolve();

/**
 * Indexes `siteDir` into `siteDir/pagefind/`. Throws, with the reason, if
 * Pagefind reports errors or a locale has no index.
 * @param {string} siteDir
 * @returns {Promise<Record<string, { page_count: number }>>} Pagefind's languages, e.g. { tr: { page_count: 18 }, ... }
 */
export function buildSearchIndex(siteDir) {
  const run = queue.then(() => indexSite(siteDir));
  queue = run.catch(() => {});
  return run;
}

async function indexSite(siteDir) {
  const site = resolve(siteDir);
  const outputPath = join(site, 'pagefind');
  rmSync(outputPath, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);

    const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8'));
    const missing = locales.filter((l) => !entry.languages[indexLanguage(l.tag)]).map((l) => `${l.code} (<html lang="${l.tag}">)`);
    if (missing.length) throw new Error(`No search index for: ${missing.join(', ')}. Does any page in that locale have <main data-pagefind-body>?`);
    const unknown = Object.keys(entry.languages).filter((lang) => !locales.some((l) => indexLanguage(l.tag) === lang));
    if (unknown.length) throw new Error(`Search index for a language not in the registry: ${unknown.join(', ')}. Check <html lang>.`);
    return entry.languages;
  } finally {
    await pagefind.close();
  }
}
