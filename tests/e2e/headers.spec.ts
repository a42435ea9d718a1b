/**
 * Headers for a reader who may be watched (issue 13), as the site is served
 * (public/_headers applied by the server the tests run against):
 * - Strict-Transport-Security on every path, so after one visit the phone
 *   only ever asks for the site over HTTPS;
 * - Cache-Control: no-store on every HTML page (every locale, the language
 *   chooser, the 404 page), so pages do not stay in the phone's disk cache or
 *   back/forward cache after the quick exit;
 * - hashed assets stay `immutable`, and never `no-store` (a phone downloads
 *   the stylesheet once).
 * Plain HTTP requests for every built file, so the test runs the same against
 * any server that applies _headers.
 */
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { urlPathOf } from '../../scripts/lib/dist-html.mjs';
import { localeCodes } from '../../src/i18n/locales.ts';
import { localePath } from '../../src/routes.ts';
import { dist } from './site-map.ts';

const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  // _headers and _redirects are the hosts' configuration: neither Netlify nor Cloudflare Pages serves them.
  .filter((e) => e.isFile() && !['_headers', '_redirects'].includes(e.name))
  .map((e) => `/${relative(dist, join(e.parentPath, e.name)).split(sep).join('/')}`);
const htmlPages = files.filter((f) => f.endsWith('.html') && !f.startsWith('/admin/')).map((f) => urlPathOf(dist, join(dist, f)));
const assets = files.filter((f) => f.startsWith('/_astro/'));
const HSTS = /^max-age=(\d+)(?:; includeSubDomains)?$/;

// These two tests request every built file (about 200 pages, 400 other files): how
// long that takes depends on the machine's load, not on the headers, so they get more than the default 30 s.
const EVERY_FILE_TIMEOUT = 180_000;

test('every HTML page of every locale is sent with Cache-Control: no-store and HSTS', async ({ request }) => {
  test.setTimeout(EVERY_FILE_TIMEOUT);
  for (const code of localeCodes)
    expect(
      htmlPages.some((p) => p.startsWith(localePath(code))),
      `pages for ${code}`,
    ).toBe(true);
  expect(htmlPages).toContain('/');
  const wrong: string[] = [];
  for (const path of htmlPages) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    if (headers['cache-control'] !== 'no-store') wrong.push(`${path}: Cache-Control ${headers['cache-control'] ?? '(none)'}`);
    const hsts = HSTS.exec(headers['strict-transport-security'] ?? '');
    if (!hsts || Number(hsts[1]) < 31536000) wrong.push(`${path}: Strict-Transport-Security ${headers['strict-transport-security'] ?? '(none)'}`);
  }
  expect(wrong).toEqual([]);
});

test('a missing page (404) is not stored either, in a locale and at the root', async ({ request }) => {
  for (const path of [localePath('tr', 'no-such-page'), localePath('ar', 'no-such-page'), '/404.html']) {
    const response = await request.get(path);
    expect(response.headers()['cache-control'], path).toBe('no-store');
  }
});

test("every other public file has HSTS; hashed assets stay cached for a year; a locale's PDFs are not stored, other files never no-store", async ({ request }) => {
  test.setTimeout(EVERY_FILE_TIMEOUT);
  expect(assets.length).toBeGreaterThan(0);
  const wrong: string[] = [];
  const paths = files.filter((f) => !f.endsWith('.html'));
  // Eight requests at a time: the search index alone is hundreds of files, more than one at a time gets through in a test's time on a busy machine.
  for (let i = 0; i < paths.length; i += 8) {
    await Promise.all(
      paths.slice(i, i + 8).map(async (path) => {
        const headers = (await request.get(path)).headers();
        if (!HSTS.test(headers['strict-transport-security'] ?? '')) wrong.push(`${path}: no Strict-Transport-Security`);
        if (path.startsWith('/_astro/') && headers['cache-control'] !== 'public, max-age=31536000, immutable') wrong.push(`${path}: Cache-Control ${headers['cache-control']}`);
        // A locale's own files (its pages and the material PDFs under /<locale>/materials/) are what the
        // reader read: like the pages, they are not stored. Everything else (assets, search index,
        // uploads, favicon) stays cacheable.
        const readersDocument = localeCodes.some((code) => path.startsWith(localePath(code)));
        const noStore = /no-store/.test(headers['cache-control'] ?? '');
        if (readersDocument && !noStore) wrong.push(`${path}: a locale's file without no-store`);
        if (!readersDocument && noStore && !path.startsWith('/admin/')) wrong.push(`${path}: no-store on a file outside the locales`);
      }),
    );
  }
  expect(wrong.sort()).toEqual([]);
});

test('the CMS page has HSTS too', async ({ request }) => {
  const headers = (await request.get('/admin/')).headers();
  expect(headers['strict-transport-security']).toMatch(HSTS);
});
