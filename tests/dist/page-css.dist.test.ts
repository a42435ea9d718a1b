/**
 * Every page carries the CSS for what it shows. Each template links its own stylesheet
 * (src/templates/README.md), so a component added to a template without an `@import` of its
 * stylesheet would be unstyled on that template's pages only. Here: every class a built page
 * uses in its HTML that some stylesheet of the site styles must be styled by one of the
 * stylesheets that page loads at start-up (the same list `npm run weight` counts; paper-only
 * sheets are left out of both sides). Classes a script adds later are not in the HTML: the
 * e2e tests of each component cover those.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configFor } from '../../scripts/lib/config.mjs';
import { attr, elements, parseHtmlFile } from '../../scripts/lib/dist-html.mjs';
import { measureSite } from '../../scripts/measure/page-weight.mjs';

/**
 * The class names a minified stylesheet styles: `.name` in rule selectors (the text before
 * each `{`, at-rule preludes and strings left out).
 */
function classesStyledBy(css: string): Set<string> {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const found = new Set<string>();
  for (const [, prelude = ''] of text.matchAll(/([^{};]*)\{/g)) {
    if (prelude.trim().startsWith('@')) continue;
    for (const [, name = ''] of prelude.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) found.add(name);
  }
  return found;
}

test('every page loads the stylesheet for each class it uses', () => {
  const dist = resolve(configFor.e2e(process.env).distDir);
  const { pages } = measureSite(dist);
  const styledBy = new Map<string, Set<string>>();
  const stylesOf = (url: string) => {
    let classes = styledBy.get(url);
    if (!classes) styledBy.set(url, (classes = classesStyledBy(readFileSync(join(dist, url), 'utf8'))));
    return classes;
  };
  const sheetsOf = new Map(pages.map((page) => [page, page.resources.filter((r) => r.kind === 'css').map((r) => stylesOf(r.url))]));
  const styledAnywhere = new Set([...styledBy.values()].flatMap((classes) => [...classes]));
  // The check must have seen the real site: the shell's, the help box's and a template's own classes.
  for (const name of ['site-header', 'help-now', 'material__facts']) assert.ok(styledAnywhere.has(name), `.${name} is styled by no stylesheet`);

  const problems: string[] = [];
  for (const [page, sheets] of sheetsOf) {
    const used = new Set<string>();
    for (const element of elements(parseHtmlFile(join(dist, page.file)))) for (const name of (attr(element, 'class') ?? '').split(/\s+/)) if (name) used.add(name);
    const missing = [...used].filter((name) => styledAnywhere.has(name) && !sheets.some((sheet) => sheet.has(name)));
    if (missing.length > 0) problems.push(`${page.page}: ${missing.map((name) => `.${name}`).join(' ')}`);
  }
  assert.deepEqual(problems, [], "pages using classes none of their stylesheets style (add the component's stylesheet to the template's: src/templates/README.md)");
});
