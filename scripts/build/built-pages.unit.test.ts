/**
 * The pass over the built pages (./built-pages.mjs): its order on disk
 * (pageOrder); the tee (startPass): pages as Astro rendered them are visited at
 * once, and after Astro a page that differs on disk, was never sent, or has
 * moved is taken back and read from disk, so the steps end with the site on
 * disk; and the search step: each language's pages in the order visited, the
 * same index as each page to addHTMLFile in that order, and an index built
 * again when a searchable page is taken back (issue 17; docs/build-speed.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { parse } from 'parse5';
import { locales } from '../../src/i18n/locales.ts';
import { pageOrder, passOverPages, startPass } from './built-pages.mjs';
import { INDEX_CHUNK_SIZE, minifyPagefindScripts, searchAdditions, searchIndexStep } from './search-index.mjs';
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

test('the search step, on a pass over the files, makes the index each page to addHTMLFile in file order makes', async () => {
  const site = mkdtempSync(join(tmpdir(), 'pass-site-'));
  try {
    writeSite(site);
    const { outcomes } = await passOverPages(site, [await searchIndexStep(site)]);
    assert.ok(outcomes[0]?.ok, String(outcomes[0] && !outcomes[0].ok ? outcomes[0].error : ''));

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
    // The step minifies Pagefind's two browser scripts after the write.
    await minifyPagefindScripts(earlier);

    const now = tree(join(site, 'pagefind'));
    assert.equal(now.length > 7 * 4, true, 'fragments, index chunks and metadata for every locale');
    assert.deepEqual(now, tree(earlier));
    // The results are the pages' own addresses.
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

/** A step that records what it is given: ['page', path, text] and ['forget', path]; finish() returns the record. */
function recorder() {
  const seen: (string | undefined)[][] = [];
  return {
    seen,
    step: {
      page: ({ path, html }: { path: string; html: string }) => void seen.push(['page', path, html]),
      forget: ({ path }: { path: string }) => void seen.push(['forget', path]),
      finish: () => seen,
    },
  };
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const ticks = async () => {
  for (let i = 0; i < 5; i++) await new Promise((done) => setImmediate(done));
};

test('startPass: pages as rendered are visited at once; after Astro, what differs on disk, was never sent or has moved is taken back or read from disk', async () => {
  const site = mkdtempSync(join(tmpdir(), 'pass-tee-'));
  try {
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), text);
    };
    const { seen, step } = recorder();
    let made = 0;
    const pass = startPass(site, () => (made++, [step]));
    // As Astro renders: a.html as it stays, b.html as rendered (an integration changes it afterwards), and a page an integration moves (as src/integrations/hosts.ts moves the 404 pages).
    pass.rendered('a/index.html', bytes('<p>a ı</p>'));
    pass.rendered('b/index.html', bytes('<p>b as rendered</p>'));
    pass.rendered('ar/moved/index.html', bytes('<p>moved</p>'));
    pass.rendered('../outside.html', bytes('<p>not in the site</p>'));
    await ticks();
    assert.deepEqual(seen, [
      ['page', '/a/', '<p>a ı</p>'],
      ['page', '/b/', '<p>b as rendered</p>'],
      ['page', '/ar/moved/', '<p>moved</p>'],
    ]);
    // What Astro and the integrations leave on disk.
    write('a/index.html', '<p>a ı</p>');
    write('b/index.html', '<p>b changed after rendering</p>');
    write('ar/moved.html', '<p>moved</p>');
    write('c/index.html', '<p>c, never sent</p>');
    seen.length = 0;
    const result = await pass.complete();
    assert.deepEqual(seen, [
      ['forget', '/ar/moved/'],
      ['page', '/ar/moved.html', '<p>moved</p>'],
      ['forget', '/b/'],
      ['page', '/b/', '<p>b changed after rendering</p>'],
      ['page', '/c/', '<p>c, never sent</p>'],
    ]);
    assert.equal(made, 1);
    assert.deepEqual({ pages: result.pages, asRendered: result.asRendered, fromDisk: result.fromDisk }, { pages: 4, asRendered: 1, fromDisk: 3 });
    assert.equal(result.outcomes[0]?.ok, true);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('startPass: a step that cannot take a page back fails, naming the page; the others go on', async () => {
  const site = mkdtempSync(join(tmpdir(), 'pass-tee-'));
  try {
    writeFileSync(join(site, 'index.html'), '<p>on disk</p>');
    const { step } = recorder();
    const pass = startPass(site, [{ page() {}, finish: () => 'done' }, step]);
    pass.rendered('index.html', bytes('<p>as rendered</p>'));
    const { outcomes } = await pass.complete();
    assert.equal(outcomes[0]?.ok, false);
    assert.match(String(outcomes[0] && !outcomes[0].ok && outcomes[0].error), /^Error: \/: the page changed on disk after it was rendered/);
    assert.deepEqual(outcomes[1]?.ok && outcomes[1].value, [
      ['page', '/', '<p>as rendered</p>'],
      ['forget', '/'],
      ['page', '/', '<p>on disk</p>'],
    ]);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('startPass: a step that failed on the bytes Astro sent does not fail for them once the page on disk, read again, passes; a failure on the final bytes stays', async () => {
  const site = mkdtempSync(join(tmpdir(), 'pass-tee-'));
  try {
    writeFileSync(join(site, 'index.html'), '<main>fixed after rendering</main>');
    mkdirSync(join(site, 'broken'));
    writeFileSync(join(site, 'broken', 'index.html'), '<p>broken</p>');
    const kept: string[] = [];
    /** Fails on any page without <main>, as the search step fails on a page it cannot index. */
    const strict = {
      page: ({ path, html }: { path: string; html: string }) => {
        if (!html.includes('<main>')) throw new Error(`${path}: no <main>`);
        kept.push(path);
      },
      forget: ({ path }: { path: string }) => void kept.splice(kept.indexOf(path) >>> 0, 1),
      finish: () => kept,
    };
    const calls: boolean[] = [];
    const pass = startPass(site, ({ whileRendering }) => (calls.push(whileRendering), [strict]));
    pass.rendered('index.html', bytes('<p>as rendered, no main</p>'));
    const first = await pass.complete();
    assert.deepEqual(calls, [true]);
    // The home page's failure went with the bytes it was raised on; /broken/ has no <main> on disk: that failure is kept.
    assert.equal(first.outcomes[0]?.ok, false);
    assert.match(String(first.outcomes[0] && !first.outcomes[0].ok && first.outcomes[0].error), /^Error: \/broken\/: no <main>/);

    rmSync(join(site, 'broken'), { recursive: true });
    kept.length = 0;
    const again = startPass(site, ({ whileRendering }) => (calls.push(whileRendering), [strict]));
    again.rendered('index.html', bytes('<p>as rendered, no main</p>'));
    const second = await again.complete();
    assert.deepEqual(second.outcomes[0], { ok: true, value: ['/'], seconds: second.outcomes[0]?.seconds });
    // Nothing sent: the steps are made at complete(), after Astro.
    await startPass(site, ({ whileRendering }) => (calls.push(whileRendering), [strict])).complete();
    assert.deepEqual(calls, [true, true, false]);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('the search step: a searchable page taken back is not in the index; its text on disk is', async () => {
  const site = mkdtempSync(join(tmpdir(), 'pass-site-'));
  try {
    writeSite(site);
    const changed = join(site, 'tr', 'entries', 'a', 'index.html');
    const onDisk = readFileSync(changed, 'utf8');
    const pass = startPass(site, async () => [await searchIndexStep(site)]);
    // Every page as rendered, but tr/entries/a/ with a word that is not on disk.
    for (const file of htmlFiles(site)) {
      const text = file === changed ? onDisk.replace('<h1>', '<h1>zeytinyağı ') : readFileSync(file, 'utf8');
      pass.rendered(relative(site, file), new Uint8Array(Buffer.from(text)));
    }
    const { outcomes, fromDisk } = await pass.complete();
    assert.ok(outcomes[0]?.ok, String(outcomes[0] && !outcomes[0].ok ? outcomes[0].error : ''));
    assert.equal(fromDisk, 1);
    const texts = readdirSync(join(site, 'pagefind', 'fragment')).map((name) => gunzipSync(readFileSync(join(site, 'pagefind', 'fragment', name))).toString('utf8'));
    assert.equal(texts.filter((text) => text.includes('"url":"/tr/entries/a/"')).length, 1, 'the page once');
    assert.equal(
      texts.some((text) => text.includes('zeytin')),
      false,
      'nothing of the text taken back',
    );
    const catalog: { pages: Record<string, [string, string, string]> } = JSON.parse(readFileSync(join(site, 'pagefind', 'extra', 'tr.json'), 'utf8'));
    assert.deepEqual(
      Object.values(catalog.pages)
        .map(([url]) => url)
        .sort(),
      ['/tr/', '/tr/entries/a/', '/tr/entries/b/', '/tr/entries/c/'],
    );
    const words: string[] = JSON.parse(readFileSync(join(site, 'pagefind', 'extra', 'tr.words.json'), 'utf8'));
    assert.equal(
      words.some((w) => w.startsWith('zeytin')),
      false,
      'nor in the "Did you mean" words',
    );
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
