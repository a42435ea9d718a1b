/**
 * The Content Security Policy and the other security headers, as built and as
 * served (on workerd, Cloudflare's runtime, which applies dist/_headers; Netlify
 * sends the same: tests/e2e/hosts.spec.ts).
 * Why the policy is split between a header and a <meta>:
 * src/lib/content-security-policy.ts.
 *
 * 1. Every inline <script> and <style> on every built page is allowed by the
 *    page's own meta policy and by the header it is served with, so nothing
 *    breaks silently when a script changes and its hash does not follow; the
 *    meta allows no inline code the page does not have.
 * 2. Header and meta agree on every directive they share.
 * 3. The headers arrive, on pages, on the 404 and on Pagefind's worker.
 * 4. In a real browser, a sample of every template in Turkish and Arabic
 *    (search included, which runs Pagefind's WebAssembly in a worker) reports
 *    no CSP violation: as served, and with the header stripped, as on a host
 *    that ignores _headers and leaves only the meta.
 */
import { expect, test, type Page } from '@playwright/test';
import { cspDirectives } from '../../src/lib/content-security-policy.ts';
import { collectionNames, collections } from '../../src/collections.ts';
import { localePath, uiPages } from '../../src/routes.ts';
import { inlineCode, metaPolicy, parsePolicy, policyAllowsInline, sha256Source } from '../../scripts/lib/csp-policy.mjs';
import { htmlFiles, parseHtmlFile, urlPathOf } from '../../scripts/lib/dist-html.mjs';
import { netlifyHeadersFor } from '../../scripts/lib/netlify.mjs';
import { dist, firstEntryPath } from './site-map.ts';

/** The CSP header a host sends with `path`, as Netlify's headers engine computes it from dist/_headers. */
const headerPolicy = async (path: string) => Object.entries(await netlifyHeadersFor(dist, path)).find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
/** Pages whose policy is the site's own (not the CMS's /admin/ policy, which its own tests cover). */
const isPublic = (path: string) => !path.startsWith('/admin/');

test('every inline script and style on every built page is allowed by its meta and by its header', async () => {
  const problems: string[] = [];
  let scripts = 0;
  let pages = 0;
  for (const file of htmlFiles(dist)) {
    const path = urlPathOf(dist, file);
    if (!isPublic(path)) continue;
    pages++;
    const document = parseHtmlFile(file);
    const meta = metaPolicy(document);
    const header = await headerPolicy(path);
    if (!meta) problems.push(`${path}: no <meta http-equiv="content-security-policy">`);
    if (!header) problems.push(`${path}: no Content-Security-Policy header in _headers`);
    const code = inlineCode(document);
    for (const [kind, texts] of [
      ['script', code.scripts],
      ['style', code.styles],
    ] as const) {
      for (const text of texts) {
        if (kind === 'script') scripts++;
        for (const [where, policy] of [
          ['meta', meta],
          ['header', header],
        ] as const) {
          if (!policyAllowsInline(policy, kind, text)) problems.push(`${path}: inline ${kind} blocked by the ${where} policy: ${text.slice(0, 80)}…`);
        }
      }
    }
    // CSP blocks these, and no hash can allow them: no page may have any.
    for (const attribute of code.attributes) problems.push(`${path}: inline code in an attribute: ${attribute}`);
    // The meta allows this page's own inline code and nothing more (scripts/build/csp-header.mjs narrowMetaPolicy).
    const metaDirectives = parsePolicy(meta);
    for (const [directive, texts] of [
      ['script-src', code.scripts],
      ['style-src', code.styles],
    ] as const) {
      const own = texts.map(sha256Source);
      for (const source of metaDirectives.get(directive) ?? []) {
        if (/^'sha(256|384|512)-/.test(source) && !own.includes(source)) problems.push(`${path}: the meta's ${directive} allows ${source}, which is no inline code of this page`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(pages).toBeGreaterThan(100);
  expect(scripts, 'the site has inline scripts to check').toBeGreaterThan(0);
});

test('header and meta agree, with no unsafe-inline or unsafe-eval, and frame-ancestors only in the header', async () => {
  const problems: string[] = [];
  for (const file of htmlFiles(dist)) {
    const path = urlPathOf(dist, file);
    if (!isPublic(path)) continue;
    const meta = parsePolicy(metaPolicy(parseHtmlFile(file)));
    const header = parsePolicy(await headerPolicy(path));
    for (const directive of cspDirectives) {
      const [name, ...sources] = directive.split(' ');
      for (const [where, policy] of [
        ['meta', meta],
        ['header', header],
      ] as const) {
        if (policy.get(name!)?.join(' ') !== sources.join(' ')) problems.push(`${path}: ${where} has "${name} ${policy.get(name!)?.join(' ')}", expected "${directive}"`);
      }
    }
    for (const [where, policy] of [
      ['meta', meta],
      ['header', header],
    ] as const) {
      for (const name of ['script-src', 'style-src', 'default-src']) {
        const unsafe = policy.get(name)?.filter((s: string) => s === "'unsafe-inline'" || s === "'unsafe-eval'");
        if (unsafe?.length) problems.push(`${path}: ${where} ${name} allows ${unsafe.join(' ')}`);
      }
    }
    if (header.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`${path}: header lacks frame-ancestors 'none'`);
    // Browsers ignore frame-ancestors in a meta, with a console warning.
    if (meta.has('frame-ancestors')) problems.push(`${path}: meta has frame-ancestors`);
  }
  expect(problems).toEqual([]);
});

for (const path of ['/', localePath('tr'), localePath('ar', collections.campaigns.list), '/ar/no-such-page/', '/pagefind/pagefind-worker.js']) {
  test(`served headers: ${path}`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(path.includes('no-such-page') ? 404 : 200);
    const headers = response.headers();
    const csp = parsePolicy(headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    // Pagefind's worker compiles WebAssembly under this header (see content-security-policy.ts).
    expect(csp.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'interest-cohort=()', 'browsing-topics=()']) {
      expect(headers['permissions-policy']).toContain(feature);
    }
    expect(headers['set-cookie']).toBeUndefined();
  });
}

/**
 * One page of each template, in one locale: the home page, each collection's
 * list and first entry, the 404 (slugs change; templates do not). The search
 * page is visited on its own below, with a search.
 */
function templateSample(locale: string): string[] {
  return [
    localePath(locale as 'tr', uiPages.home.path),
    ...collectionNames.flatMap((name) => {
      const spec = collections[name];
      return [...('list' in spec ? [localePath(locale as 'tr', spec.list)] : []), ...(spec.entryPage ? [firstEntryPath(name, locale)] : [])];
    }),
    `/${locale}/no-such-page/`,
  ];
}

/** Collects CSP violations: the DOM event, and console messages (which also carry a worker's). */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { __cspViolations?: string[] }).__cspViolations ??= []);
      list.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text())) violations.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/content.security.policy/i.test(error.message)) violations.push(`page error: ${error.message}`);
  });
  return async () => [...violations, ...((await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations)) ?? [])];
}

for (const headerStripped of [false, true]) {
  for (const locale of ['tr', 'ar']) {
    test(`${locale}: no CSP violation on any template${headerStripped ? ', with the meta policy alone' : ''}`, async ({ page }) => {
      test.setTimeout(90_000);
      if (headerStripped) {
        await page.route('**/*', async (route) => {
          const response = await route.fetch();
          const headers = { ...response.headers() };
          delete headers['content-security-policy'];
          await route.fulfill({ response, headers });
        });
      }
      const violations = await watchCsp(page);
      const visited: string[] = [];
      for (const path of [...templateSample(locale), '/']) {
        await page.goto(path);
        // Opening the language switcher is the one interaction every template shares.
        await page
          .locator('.lang-switcher summary')
          .first()
          .click({ timeout: 3000 })
          .catch(() => {});
        expect(await violations(), `violations on ${path}`).toEqual([]);
        visited.push(path);
      }
      // Search: loads Pagefind, whose worker compiles the WebAssembly index.
      await page.goto(`${localePath(locale as 'tr', uiPages.search.path)}#q=157`);
      await expect(page.locator('[data-search-results] a').first()).toBeVisible({ timeout: 15_000 });
      expect(await violations(), 'violations on the search page').toEqual([]);
      expect(visited.length).toBeGreaterThanOrEqual(10);
      // The search page goes on fetching result fragments after the last assertion; a route handler
      // still running when the page closes would fail the worker outside any test (CI, stop 19).
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  }
}
