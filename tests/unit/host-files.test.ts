/**
 * What the hosts read from the built site (dist/ or $DIST_DIR), as Netlify's
 * own parsers and engines read it (scripts/netlify.mjs), and the site URL.
 * Cloudflare's side is tested on its runtime: tests/e2e/hosts.spec.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { htmlFiles, urlPathOf } from '../../scripts/dist-html.mjs';
import { netlifyEngineHeadersFor, netlifyHeaderRules, netlifyHeadersFor, netlifyRedirectRules, netlifyResponse } from '../../scripts/netlify.mjs';
import { notFoundPath, redirectsFile } from '../../src/integrations/hosts.ts';
import { localeCodes, locales } from '../../src/i18n/locales.ts';
import { isLoopback, localSiteUrl, missingSiteUrlMessage, siteUrlFrom } from '../../src/lib/site-url.ts';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');

test('_redirects is one 404 rule per locale of the registry, and is what the build wrote', () => {
  const text = redirectsFile();
  for (const code of localeCodes) assert.match(text, new RegExp(`^/${code}/\\*  /${code}/404\\.html  404$`, 'm'));
  assert.equal(text.split('\n').filter((line) => line && !line.startsWith('#')).length, localeCodes.length);
  assert.equal(redirectsFile(['tr', 'xx']).includes('/xx/*  /xx/404.html  404'), true, 'derived from the list it is given');
  assert.equal(readFileSync(join(dist, '_redirects'), 'utf8'), text);
});

test('Netlify reads dist/_redirects and netlify.toml without an error: a 404 rewrite per locale, not forced', async () => {
  const { redirects, errors } = await netlifyRedirectRules(dist);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    (redirects as { from: string; to: string; status: number; force: boolean }[]).map(({ from, to, status, force }) => ({ from, to, status, force })),
    localeCodes.map((code) => ({ from: `/${code}/*`, to: notFoundPath(code), status: 404, force: false })),
  );
});

test("Netlify's redirect engine: every locale's missing page gets its own 404 page with status 404; real pages are untouched", async () => {
  for (const code of localeCodes) {
    assert.ok(existsSync(join(dist, notFoundPath(code))), `${notFoundPath(code)} was built`);
    assert.ok(!existsSync(join(dist, code, '404')), `no page at /${code}/404/`);
    for (const path of [`/${code}/no-such-page`, `/${code}/no-such-page/`, `/${code}/campaigns/no-such-campaign/`]) {
      assert.deepEqual(await netlifyResponse(dist, path), { status: 404, file: notFoundPath(code), location: undefined }, path);
    }
    for (const path of [`/${code}/`, `/${code}/helplines/`]) {
      assert.deepEqual(await netlifyResponse(dist, path), { status: 200, file: `${path}index.html`, location: undefined }, path);
    }
  }
  assert.deepEqual(await netlifyResponse(dist, '/no-such-page'), { status: 404, file: '/404.html' });
  assert.deepEqual(await netlifyResponse(dist, '/'), { status: 200, file: '/index.html' });
});

test('Netlify reads dist/_headers and netlify.toml without an error; the fast matcher agrees with its headers engine on every page', async () => {
  const { headers, errors } = await netlifyHeaderRules(dist);
  assert.deepEqual(errors, []);
  // Only the rules of dist/_headers, in its order: the site-wide policy, cached assets, one no-store
  // rule per page area (the chooser, the root 404 at both its addresses and each locale of the registry), the CMS. A
  // [[headers]] block in netlify.toml would add a rule here and replace the hashed policy.
  const noStore = ['/', '/404.html', '/404', ...localeCodes.map((code) => `/${code}/*`)];
  assert.deepEqual(headers.map((rule) => rule.for), ['/*', '/_astro/*', ...noStore, '/admin/*'], 'no [[headers]] in netlify.toml; one no-store rule per locale of the registry');
  const paths = [...htmlFiles(dist).map((file) => urlPathOf(dist, file)), '/_astro/x.css', '/pagefind/pagefind-worker.js', '/no-such-page'];
  for (const path of paths) assert.deepEqual(await netlifyHeadersFor(dist, path), await netlifyEngineHeadersFor(dist, path), path);
});

test('on Netlify, /admin/ gets only its own CSP and COOP (the `! Name` lines for Cloudflare are skipped, not errors)', async () => {
  const admin = await netlifyHeadersFor(dist, '/admin/');
  const site = await netlifyHeadersFor(dist, '/tr/');
  assert.match(admin['Content-Security-Policy']!, /script-src 'self' 'unsafe-eval'/);
  assert.doesNotMatch(admin['Content-Security-Policy']!, /wasm-unsafe-eval|, default-src/);
  assert.equal(admin['Cross-Origin-Opener-Policy'], 'same-origin-allow-popups');
  assert.equal(site['Cross-Origin-Opener-Policy'], 'same-origin');
  assert.ok(!Object.keys(admin).some((name) => name.startsWith('!')), 'no header named "! …"');
});

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

test('a build without a site URL fails at once, saying which variable to set, and writes nothing', () => {
  const out = mkdtempSync(join(tmpdir(), 'no-site-url-'));
  rmSync(out, { recursive: true });
  const env: Record<string, string | undefined> = { ...process.env, DIST_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  for (const name of ['SITE_URL', 'URL', 'CF_PAGES_URL']) delete env[name];
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, env, encoding: 'utf8' });
  assert.notEqual(result.status, 0);
  assert.match(`${result.stdout}${result.stderr}`, /No site URL[\s\S]*Set SITE_URL/);
  assert.ok(!existsSync(join(out, 'index.html')), 'nothing was built');
  rmSync(out, { recursive: true, force: true });
});

test('no placeholder address in anything dist/ serves to readers', () => {
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|xml|txt|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.startsWith(join(dist, 'admin')) && !file.startsWith(join(dist, 'pagefind')));
  assert.ok(files.length > 100);
  const found = files.filter((file) => /example\.(org|com)/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(found, []);
});
