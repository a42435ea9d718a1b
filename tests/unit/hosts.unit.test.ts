/**
 * What the hosts are told that needs no build: each locale's hreflang code,
 * and where the site's address comes from (src/lib/site-url.ts). What the
 * hosts read from the built site: tests/dist/hosts.dist.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locales } from '../../src/i18n/locales.ts';
import { isLoopback, localSiteUrl, missingSiteUrlMessage, siteUrlFrom } from '../../src/lib/site-url.ts';

test('hreflang: an ISO 639-1 code for every locale (what search engines read); Kurmanji is ku, its lang tag stays kmr-Latn', () => {
  for (const l of locales) assert.match(l.hreflang, /^[a-z]{2}(-[A-Z]{2})?$/, l.code);
  const ku = locales.find((l) => l.code === 'ku')!;
  assert.equal(ku.hreflang, 'ku');
  assert.equal(ku.tag, 'kmr-Latn');
});

test('site URL: SITE_URL, else Netlify URL, else Cloudflare CF_PAGES_URL; bad values name their variable', () => {
  assert.equal(siteUrlFrom({}), undefined);
  assert.deepEqual(siteUrlFrom({ CF_PAGES_URL: 'https://abc.site.pages.dev' }), { href: 'https://abc.site.pages.dev/', variable: 'CF_PAGES_URL' });
  assert.deepEqual(siteUrlFrom({ URL: 'https://site.netlify.app', CF_PAGES_URL: 'https://abc.site.pages.dev' }), { href: 'https://site.netlify.app/', variable: 'URL' });
  assert.deepEqual(siteUrlFrom({ SITE_URL: 'https://example.com/tr?x#y', URL: 'https://site.netlify.app' }), { href: 'https://example.com/tr/', variable: 'SITE_URL' });
  assert.throws(() => siteUrlFrom({ SITE_URL: 'example.com' }), /SITE_URL="example.com" is not an absolute URL/);
  assert.throws(() => siteUrlFrom({ URL: 'ftp://example.com/' }), /^Error: URL=/);
  assert.throws(() => siteUrlFrom({ SITE_URL: localSiteUrl(4321), CF_PAGES: '1' }), /loopback/);
  assert.throws(() => siteUrlFrom({ SITE_URL: 'http://localhost:8888/', NETLIFY: 'true' }), /loopback/);
  assert.equal(siteUrlFrom({ SITE_URL: localSiteUrl(4321) })?.href, 'http://127.0.0.1:4321/');
  assert.equal(isLoopback('http://127.1.2.3/'), true);
  assert.equal(isLoopback('https://example.com/'), false);
  assert.match(missingSiteUrlMessage(), /Set SITE_URL/);
});
