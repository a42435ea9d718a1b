/**
 * "Keep for offline": the list of pages the reader may choose to save too (issue 16, part 2;
 * src/components/KeepOffline/choices.ts), as the build wrote it next to each locale's worker: every
 * built page of `offlineChoiceCollections` in that locale and no other, each named by its <h1>, with
 * /_astro/ files that exist; the strings are the locale's; and the worker serves the same cache
 * the list names. That a chosen page then opens offline: tests/e2e/offline.spec.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { elements, htmlFiles, parseHtmlFile, urlPathOf } from '../../scripts/lib/dist-html.mjs';
import type { OfflineChoices } from '../../src/components/KeepOffline/choices.ts';
import { localeCodes } from '../../src/i18n/locales.ts';
import { offlineChoiceCollections, offlinePages, offlineWorkerPath, localePath, routeAt } from '../../src/routes.ts';
import { dist } from '../e2e/site-map.ts';

const inDist = (path: string) => join(dist, path.replace(/^\//, ''));
type Node = { nodeName: string; value?: string; childNodes?: Node[] };
const textContent = (node: Node): string => (node.childNodes ?? []).map((child) => (child.nodeName === '#text' ? (child.value ?? '') : textContent(child))).join('');

for (const locale of localeCodes) {
  test(`${locale}: the pages to choose are the locale's offer check, campaigns, rights and materials pages, named by their heading`, () => {
    const list = JSON.parse(readFileSync(inDist(offlineWorkerPath(locale).choices), 'utf8')) as OfflineChoices;
    const expected = htmlFiles(join(dist, locale))
      .map((file) => urlPathOf(dist, file))
      .filter((path) => {
        const route = routeAt(path);
        return route?.kind === 'entry' && offlineChoiceCollections.includes(route.collection);
      });
    assert.ok(expected.length >= 10, `${locale} has pages to choose`);
    assert.deepEqual(list.pages.map((page) => page.path).sort(), expected.sort());
    for (const kept of offlinePages) assert.ok(!list.pages.some((page) => page.path === localePath(locale, kept)), `${kept} is always kept, not offered`);
    for (const page of list.pages) {
      const h1 = [...elements(parseHtmlFile(inDist(`${page.path}index.html`)))].find((element) => element.tagName === 'h1');
      assert.ok(h1, `${page.path} has an <h1>`);
      assert.equal(page.title, textContent(h1).replace(/\s+/g, ' ').trim());
      assert.ok(page.title.length > 0, `${page.path} has a title`);
      assert.ok(page.assets.length > 0, `${page.path} loads its CSS`);
      for (const asset of page.assets) assert.ok(asset.startsWith('/_astro/') && existsSync(inDist(asset)), `${page.path}: ${asset} is built`);
    }
    const strings = JSON.parse(readFileSync(new URL(`../../content/i18n/${locale}.json`, import.meta.url), 'utf8')).offline;
    assert.deepEqual(list.strings, {
      choose: strings.choose,
      saveChosen: strings.saveChosen,
      saving: strings.keeping,
      savedChosen: strings.savedChosen,
      chooseNone: strings.chooseNone,
      failed: strings.failed,
    });
    const worker = readFileSync(inDist(offlineWorkerPath(locale).script), 'utf8');
    assert.ok(worker.includes(`const CHOSEN = ${JSON.stringify(list.cache)};`), 'the worker serves the cache the list names');
  });
}
