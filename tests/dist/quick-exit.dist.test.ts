/**
 * The quick exit in every HTML file dist/ serves to readers
 * (src/components/QuickExit/), the language chooser and the 404 pages
 * included: both the sticky button and the skip link are <a href="DESTINATION"
 * rel="nofollow noreferrer">, so they work with JavaScript off; the script and
 * its hook are there; and every page sends no referrer. Read from dist/ with the
 * HTML parser browsers use. That it works there: tests/e2e/quick-exit/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readYaml } from '../../src/lib/content-files.ts';
import { attr, elements, htmlFiles, parseHtmlFile, textOf, urlPathOf } from '../../scripts/lib/dist-html.mjs';
import { dataCollections } from '../../src/collections.ts';
import { defaultLocale } from '../../src/i18n/locales.ts';
import { notFoundPath } from '../../src/integrations/hosts.ts';
import { dist, sitemapPaths } from '../e2e/site-map.ts';

/** The destination editors set in the CMS (content/settings/tr/site.yml). */
const DESTINATION = String(readYaml(new URL(`../../${dataCollections.settings.file(defaultLocale)}`, import.meta.url)).quickExitUrl);

test('every HTML file dist/ serves to readers has the real exit links, the script, and no-referrer (the chooser and the 404s included)', () => {
  const files = htmlFiles(dist).filter((file) => !/^\/(admin|pagefind)\//.test(urlPathOf(dist, file)));
  const paths = files.map((file) => urlPathOf(dist, file));
  const expected = ['/', '/404.html', notFoundPath('tr'), notFoundPath('ar'), ...sitemapPaths()];
  assert.ok(sitemapPaths().length > 20);
  assert.deepEqual(
    expected.filter((path) => !paths.includes(path)),
    [],
    'every page of the sitemap, the chooser and the 404s are checked',
  );
  const problems: string[] = [];
  for (const file of files) {
    const path = urlPathOf(dist, file);
    const all = [...elements(parseHtmlFile(file))];
    for (const cls of ['quick-exit__button', 'quick-exit-skip']) {
      const link = all.find((el) => el.tagName === 'a' && attr(el, 'class')?.split(/\s+/).includes(cls));
      if (!link || attr(link, 'href') !== DESTINATION || attr(link, 'rel') !== 'nofollow noreferrer')
        problems.push(`${path}: ${cls} ${link ? `href=${attr(link, 'href')} rel=${attr(link, 'rel')}` : 'missing'}`);
    }
    if (!all.some((el) => attr(el, 'data-quick-exit-root') !== undefined)) problems.push(`${path}: no data-quick-exit-root for the script`);
    // The behaviour (quick-exit.ts), inline or in a chunk, whichever Astro chose.
    const modules = all.filter((el) => el.tagName === 'script' && attr(el, 'type') === 'module');
    const code = modules.map((el) => (attr(el, 'src') ? readFileSync(resolve(dist, `.${attr(el, 'src')}`), 'utf8') : textOf(el))).join('\n');
    if (!code.includes('[data-quick-exit-root]')) problems.push(`${path}: no quick-exit script`);
    if (!all.some((el) => el.tagName === 'meta' && attr(el, 'name') === 'referrer' && attr(el, 'content') === 'no-referrer')) problems.push(`${path}: no referrer meta`);
  }
  assert.deepEqual(problems, []);
});
