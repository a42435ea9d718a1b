/**
 * Page weight budget on the built site (dist/ or DIST_DIR): every public page,
 * with the CSS and JavaScript it loads before interaction, fits in 14 KiB
 * gzip, and no page ships a framework runtime. The measuring itself is proven
 * by scripts/measure/page-weight.unit.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { configFor } from '../../scripts/lib/config.mjs';
import { formatReport, measureSite, PAGE_BUDGET_BYTES } from '../../scripts/measure/page-weight.mjs';
import { routeAt } from '../../src/routes.ts';
import { locales } from '../../src/i18n/locales.ts';

test(`every public page of the built site fits in ${PAGE_BUDGET_BYTES / 1024} KiB gzip, with no framework runtime`, () => {
  const dist = resolve(configFor.e2e(process.env).distDir);
  const result = measureSite(dist);
  console.log(formatReport(result, { top: 10 }));

  // The measurement must have seen the real site: pages in every locale, RTL included, with their CSS.
  for (const { code } of locales)
    assert.ok(
      result.pages.some((p) => p.page === `/${code}/`),
      `no home page for ${code}`,
    );
  assert.ok(
    result.pages.some((p) => {
      const route = routeAt(p.page);
      return route?.locale === 'ar' && route.kind === 'entry' && route.collection === 'campaigns';
    }),
    'no Arabic campaign page measured',
  );
  assert.ok(
    result.pages.every((p) => p.resources.some((r) => r.kind === 'css')),
    'a page without its stylesheet was measured',
  );

  assert.deepEqual(
    result.overBudget.map((p) => `${p.page} ${p.total} B`),
    [],
    'pages over budget',
  );
  assert.deepEqual(
    result.withFramework.map((p) => `${p.page}: ${p.frameworks.map((f) => f.url).join(', ')}`),
    [],
    'framework runtime on a public page',
  );
  assert.deepEqual(
    result.withExternal.map((p) => `${p.page}: ${p.external.join(', ')}`),
    [],
    'requests to another host',
  );
  assert.deepEqual(
    result.withMissing.map((p) => `${p.page}: ${p.missing.join(', ')}`),
    [],
    'referenced files missing',
  );
});
