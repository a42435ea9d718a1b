/**
 * The search suite (issue 12): realistic queries per language, from
 * ./search-queries.yaml, typed into the real search page of the real built
 * site in Chromium. A query is found when every page it expects is among the
 * first 10 results (and first, for helpline numbers).
 *
 * This is the one test that runs against the real content rather than
 * fixtures, on purpose: what readers find depends on the words editors wrote,
 * and that is what this measures. The queries name their pages by slug
 * (stable identity), never by prose, so editors can rewrite a page freely; if
 * a rewrite makes a page unfindable for what readers type, this is the test
 * that should say so (and the entry's `keywords` field is the fix).
 *
 * Each locale writes its results to reports/search-suite/<locale>.json;
 * scripts/cli/search-suite-report.mjs prints the pass rate per language and kind
 * and fails below 95% overall (it runs after the end-to-end tests in npm test).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { dataCollections } from '../../src/collections.ts';
import { readYaml } from '../../src/lib/content-files.ts';
import type { LocaleCode } from '../../src/i18n/locales.ts';
import { localePath, uiPages } from '../../src/routes.ts';

export interface SuiteQuery {
  q: string;
  kind: 'folding' | 'capitals' | 'stems' | 'sentence' | 'synonyms' | 'typo' | 'number';
  expect: string[];
  first?: boolean;
}
export interface SuiteResult extends SuiteQuery {
  found: boolean;
  /** The first 10 results, as page identities (path after the locale, without slashes). */
  top: string[];
}

const suite = readYaml(new URL('./search-queries.yaml', import.meta.url)) as Record<string, SuiteQuery[]>;
const reportDir = new URL('../../reports/search-suite/', import.meta.url);
/** Each locale must find at least this share of its queries; the report asks 95% over all. */
const LOCALE_MINIMUM = 0.9;
const FIRST_SCREEN = 10;

type Tree = { [key: string]: string | Tree };
const loadingText = (locale: LocaleCode) =>
  ((JSON.parse(readFileSync(new URL(`../../${dataCollections.i18n.file(locale)}`, import.meta.url), 'utf8')) as Tree).search as Tree).loading as string;

for (const [locale, queries] of Object.entries(suite) as [LocaleCode, SuiteQuery[]][]) {
  test(`search suite, ${locale}: ${queries.length} realistic queries find their pages on the first screen`, async ({ page }) => {
    test.setTimeout(30_000 + queries.length * 5_000);
    const status = page.locator('[data-search-status]');
    const results: SuiteResult[] = [];
    for (const query of queries) {
      // ?q= opens the search page with the words, as a link from elsewhere would: a fresh page per query.
      await page.goto(`${localePath(locale, uiPages.search.path)}?q=${encodeURIComponent(query.q)}`);
      // The live region is written once, when the final list is on screen.
      await expect(status).not.toBeEmpty();
      await expect(status).not.toHaveText(loadingText(locale));
      const top = await page
        .locator('[data-search-results] li a.search-result__title')
        .evaluateAll((links, max) => links.slice(0, max).map((a) => new URL((a as HTMLAnchorElement).href).pathname), FIRST_SCREEN);
      const ids = top.map((path) => (path.startsWith(localePath(locale)) ? path.slice(localePath(locale).length) : path).replace(/\/$/, ''));
      const found = query.expect.every((id) => ids.includes(id)) && (!query.first || ids[0] === query.expect[0]);
      results.push({ ...query, found, top: ids });
    }
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(new URL(`${locale}.json`, reportDir), `${JSON.stringify(results, null, 2)}\n`);

    const missed = results.filter((r) => !r.found).map((r) => `  ${r.kind} "${r.q}": expected ${r.expect.join(', ')}; got ${r.top.join(', ') || 'nothing'}`);
    const rate = (results.length - missed.length) / results.length;
    expect(rate, `${locale}: ${Math.round(rate * 100)}% found; missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(LOCALE_MINIMUM);
  });
}
