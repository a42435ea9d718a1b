/**
 * Page weight budget: every public page, with the CSS and JavaScript it loads
 * before interaction, fits in 14 KB gzip, and no page ships a framework
 * runtime. First the measuring itself is proven on a small made-up site
 * (so a pass on the real site means something), then the real built site
 * (dist/ or $DIST_DIR) is measured.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatReport, measureSite, PAGE_BUDGET_BYTES, staticImports } from '../../scripts/page-weight.mjs';
import { locales } from '../../src/i18n/locales.ts';

const gz = (text: string) => gzipSync(Buffer.from(text)).length;

function makeSite(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'page-weight-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('static imports are found in minified modules; dynamic import() is not start-up', () => {
  const code = 'import{a as e}from"./chunk.js";import"/_astro/side.js";export*from\'./re.js\';const x=()=>import("./lazy.js");';
  assert.deepEqual(staticImports(code), ['./chunk.js', '/_astro/side.js', './re.js']);
});

test('counts the HTML, stylesheets (with @import), scripts, module preloads and their static imports, each gzipped', () => {
  const files = {
    'ar/index.html': `<!doctype html><html lang="ar" dir="rtl"><head>
      <link rel="stylesheet" href="/_astro/a.css"><link rel="modulepreload" href="/_astro/pre.js">
      <link rel="stylesheet" media="print" href="/_astro/paper.css"><link rel="stylesheet" media="screen" href="/_astro/screen.css">
      <script type="module">import "/_astro/entry.js";</script>
      <script src="/pagefind/pagefind-ui.js"></script><script nomodule src="/_astro/legacy.js"></script>
      <script type="application/ld+json">{"@context":"https://schema.org"}</script>
      </head><body><p>مرحبا</p></body></html>`,
    '_astro/a.css': '@import url("/_astro/b.css");body{color:#000}',
    '_astro/b.css': 'p{margin:0}',
    '_astro/paper.css': '@media print{@page{margin:1cm}}',
    '_astro/screen.css': 'a{color:#00e}',
    '_astro/pre.js': 'export const p=1;',
    '_astro/entry.js': 'import{q}from"./dep.js";import("./lazy.js");console.log(q);',
    '_astro/dep.js': 'export const q=2;',
    '_astro/lazy.js': 'export default 3;',
    '_astro/legacy.js': 'var legacy=1;',
    'pagefind/pagefind-ui.js': 'var search=1;',
    'admin/index.html': '<script src="/_astro/decap.js"></script>',
  };
  const dir = makeSite(files);
  try {
    const result = measureSite(dir);
    assert.deepEqual(result.pages.map((p) => p.page), ['/ar/'], 'the CMS in /admin/ is not a public page');
    const page = result.pages[0]!;
    const counted = page.resources.map((r) => r.url).sort();
    // A stylesheet for paper only never holds up the page; one for screens does.
    assert.deepEqual(counted, ['/_astro/a.css', '/_astro/b.css', '/_astro/dep.js', '/_astro/entry.js', '/_astro/pre.js', '/_astro/screen.css']);
    const expected = ['ar/index.html', ...counted.map((u) => u.slice(1))].reduce((sum, f) => sum + gz(files[f as keyof typeof files]), 0);
    assert.equal(page.total, expected);
    assert.equal(result.overBudget.length, 0);
    assert.equal(measureSite(dir, { budget: expected - 1 }).overBudget.length, 1, 'one byte over the budget fails');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reports a framework runtime, a request to another host and a missing file', () => {
  const dir = makeSite({
    'tr/index.html': '<script type="module" src="/_astro/client.abc123.js"></script><link rel="stylesheet" href="https://cdn.example.com/x.css">',
    'tr/a/index.html': '<script type="module" src="/_astro/react-dom.xyz.js"></script><script src="/_astro/gone.js"></script>',
    '_astro/client.abc123.js': 'const e=Symbol.for("react.transitional.element");',
    '_astro/react-dom.xyz.js': 'export{}',
  });
  try {
    const result = measureSite(dir);
    assert.deepEqual(result.withFramework.map((p) => p.page).sort(), ['/tr/', '/tr/a/']);
    assert.deepEqual(result.withExternal.map((p) => p.page), ['/tr/']);
    assert.deepEqual(result.withMissing.map((p) => p.missing), [['/_astro/gone.js']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`every public page of the built site fits in ${PAGE_BUDGET_BYTES / 1024} KB gzip, with no framework runtime`, () => {
  const dist = resolve(process.env.DIST_DIR ?? 'dist');
  const result = measureSite(dist);
  console.log(formatReport(result, { top: 10 }));

  // The measurement must have seen the real site: pages in every locale, RTL included, with their CSS.
  for (const { code } of locales) assert.ok(result.pages.some((p) => p.page === `/${code}/`), `no home page for ${code}`);
  assert.ok(result.pages.some((p) => p.page.startsWith('/ar/campaigns/')), 'no Arabic campaign page measured');
  assert.ok(result.pages.every((p) => p.resources.some((r) => r.kind === 'css')), 'a page without its stylesheet was measured');

  assert.deepEqual(result.overBudget.map((p) => `${p.page} ${p.total} B`), [], 'pages over budget');
  assert.deepEqual(result.withFramework.map((p) => `${p.page}: ${p.frameworks.map((f) => f.url).join(', ')}`), [], 'framework runtime on a public page');
  assert.deepEqual(result.withExternal.map((p) => `${p.page}: ${p.external.join(', ')}`), [], 'requests to another host');
  assert.deepEqual(result.withMissing.map((p) => `${p.page}: ${p.missing.join(', ')}`), [], 'referenced files missing');
});
