/**
 * The built sitemap (src/pages/sitemap.xml.ts): every locale's pages, hreflang
 * alternates that are real pages, x-default everywhere, never /admin/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileForUrlPath } from '../../scripts/lib/dist-html.mjs';
import { locales, localeCodes } from '../../src/i18n/locales.ts';
import { dist, readDist, sitemapPaths } from '../e2e/site-map.ts';

const xml = readDist('sitemap.xml');
const blocks = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!);
const alternatesOf = (block: string) => [...block.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => ({ tag: m[1]!, path: new URL(m[2]!).pathname }));

test('the sitemap lists every locale, with hreflang alternates, and never /admin/', () => {
  const paths = sitemapPaths();
  for (const locale of localeCodes) assert.ok(paths.includes(`/${locale}/`), locale);
  assert.ok(xml.includes('hreflang="x-default"'));
  assert.ok(xml.includes('hreflang="ar"'));
  assert.equal(
    paths.some((p) => p.startsWith('/admin')),
    false,
  );
});

test('every page and every alternate in the sitemap is a built page; every <url> has x-default', () => {
  const problems: string[] = [];
  for (const block of blocks) {
    const loc = new URL(/<loc>([^<]+)<\/loc>/.exec(block)![1]!).pathname;
    if (!fileForUrlPath(dist.replace(/\/$/, ''), loc)) problems.push(`${loc}: not built`);
    const alternates = alternatesOf(block);
    if (!alternates.some((a) => a.tag === 'x-default')) problems.push(`${loc}: no x-default`);
    for (const a of alternates) if (!fileForUrlPath(dist.replace(/\/$/, ''), a.path)) problems.push(`${loc}: alternate ${a.path} not built`);
  }
  assert.ok(blocks.length > 100);
  assert.deepEqual(problems, []);
});

test('a page in every language lists all of them as alternates, by their hreflang code (Kurmanji: ku, not its BCP-47 tag kmr-Latn)', () => {
  const home = blocks.find((b) => b.includes(`<loc>`) && new URL(/<loc>([^<]+)<\/loc>/.exec(b)![1]!).pathname === '/ar/')!;
  assert.deepEqual(
    alternatesOf(home)
      .map((a) => a.tag)
      .sort(),
    [...locales.map((l) => l.hreflang), 'x-default'].sort(),
  );
});
