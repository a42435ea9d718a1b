/**
 * The pass's page order (pageOrder) and the search step's batches: Pagefind
 * gets each language's pages in file order however the pass interleaves them,
 * so the index is the one the earlier build made (each page to addHTMLFile in
 * file order), byte for byte (issue 17; docs/build-speed.md, session 9).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { parse } from 'parse5';
import { locales } from '../../src/i18n/locales.ts';
import { pageOrder, passOverPages } from './built-pages.mjs';
import { INDEX_CHUNK_SIZE, searchAdditions, searchIndexStep } from './search-index.mjs';
import { attr, elements, htmlFiles, urlPathOf } from '../lib/dist-html.mjs';

test('pageOrder: each top-level folder in file order, the folders taking turns, the top files as one more folder', () => {
  const site = '/site';
  const files = ['/site/404.html', '/site/ar/a/index.html', '/site/ar/b/index.html', '/site/ar/index.html', '/site/en/a/index.html', '/site/index.html', '/site/tr/x.html'];
  assert.deepEqual(pageOrder(site, files), [
    '/site/404.html',
    '/site/ar/a/index.html',
    '/site/en/a/index.html',
    '/site/tr/x.html',
    '/site/index.html',
    '/site/ar/b/index.html',
    '/site/ar/index.html',
  ]);
  assert.deepEqual(pageOrder(site, []), []);
});

const WORDS = ['yardım', 'hukuk', 'pasaport', 'iş', 'evlilik', 'okul', 'telefon', 'güvenli', 'danışma', 'haklar'];

/** A small site: per locale a home page, three entries and a page left out of the index; each file's text differs. */
function writeSite(dir: string) {
  let n = 0;
  const page = (path: string, tag: string, searchable: boolean) => {
    n += 1;
    const words = Array.from({ length: 40 + n }, (_, i) => WORDS[(i * 7 + n) % WORDS.length]).join(' ');
    const main = searchable ? `<main data-pagefind-body><h1>Sayfa ${n}</h1><p>${words}</p></main>` : `<main><p>${words}</p></main>`;
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `<!doctype html><html lang="${tag}"><head><title>Sayfa ${n}</title><meta name="keywords" content="kelime ${n}, arama"></head><body>${main}</body></html>`);
  };
  page('index.html', 'tr', false);
  for (const { code, tag } of locales) {
    page(`${code}/index.html`, tag, true);
    for (const slug of ['b', 'a', 'c']) page(`${code}/entries/${slug}/index.html`, tag, true);
    page(`${code}/not-searched/index.html`, tag, false);
  }
}

/** Every file under `dir` but extra/ (ours), with its SHA-256. */
const tree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !relative(dir, e.parentPath).startsWith('extra'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((file) => `${relative(dir, file)} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`);

test('the search step indexes in batches exactly as addHTMLFile in file order did, and leaves no temporary folder', async () => {
  const site = mkdtempSync(join(tmpdir(), 'pass-site-'));
  const before = readdirSync(tmpdir()).filter((name) => name.startsWith('search-index-'));
  try {
    writeSite(site);
    const { outcomes } = await passOverPages(site, [await searchIndexStep(site)]);
    assert.ok(outcomes[0]?.ok, String(outcomes[0] && !outcomes[0].ok ? outcomes[0].error : ''));
    assert.deepEqual(
      readdirSync(tmpdir()).filter((name) => name.startsWith('search-index-')),
      before,
    );

    // The earlier way: each searchable page, with the same additions, to addHTMLFile in file order.
    const earlier = join(site, 'earlier');
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
    const { index } = await pagefind.createIndex({});
    assert.ok(index);
    for (const file of htmlFiles(site)) {
      const html = readFileSync(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      const all = [...elements(parse(html))];
      const body = all.find((el) => attr(el, 'data-pagefind-body') !== undefined);
      const tag = attr(all.find((el) => el.tagName === 'html') ?? {}, 'lang');
      const locale = locales.find((l) => l.tag === tag)?.code ?? '';
      const keywords = (attr(all.find((el) => attr(el, 'name') === 'keywords') ?? {}, 'content') ?? '').split(',').map((k: string) => k.trim());
      const end = html.lastIndexOf('</main>');
      const added = await index.addHTMLFile({ url: urlPathOf(site, file), content: html.slice(0, end) + searchAdditions(body, keywords, locale).html + html.slice(end) });
      assert.deepEqual(added.errors, []);
    }
    assert.deepEqual((await index.writeFiles({ outputPath: earlier })).errors, []);
    await pagefind.close();
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;

    const now = tree(join(site, 'pagefind'));
    assert.equal(now.length > 7 * 4, true, 'fragments, index chunks and metadata for every locale');
    assert.deepEqual(now, tree(earlier));
    // The results are the pages' own addresses, not the temporary folder's.
    const catalog: { pages: Record<string, [string, string, string]> } = JSON.parse(readFileSync(join(site, 'pagefind', 'extra', 'ar.json'), 'utf8'));
    assert.deepEqual(
      Object.values(catalog.pages)
        .map(([url]) => url)
        .sort(),
      ['/ar/', '/ar/entries/a/', '/ar/entries/b/', '/ar/entries/c/'],
    );
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
