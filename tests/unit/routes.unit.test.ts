/**
 * URLs from the registries (src/routes.ts, src/collections.ts): locale
 * prefixes, entry and list paths, and routeAt(), their inverse, which the link
 * checker and the tests use to sort built pages by template.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectionNames, collections, hasEntryPages, hasList, splitEntryId } from '../../src/collections.ts';
import { localeCodes } from '../../src/i18n/locales.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { browseSafelyPath, browseSections, entryPath, footerPages, localePath, mainNav, materialPdfPath, routeAt, uiPages } from '../../src/routes.ts';

test('localePath: a locale prefix, one slash between, always a trailing slash', () => {
  assert.equal(localePath('ar'), '/ar/');
  assert.equal(localePath('ar', ''), '/ar/');
  assert.equal(localePath('ar', 'x/y'), '/ar/x/y/');
  assert.equal(localePath('ar', '/x/y/'), '/ar/x/y/');
});

test('every path after the locale ends in a slash (or is an anchor on one), so hosts serve it without a redirect', () => {
  const paths = [
    ...Object.values(uiPages).map((p) => p.path),
    ...collectionNames.flatMap((n) => ['list' in collections[n] ? (collections[n] as { list: string }).list : 'x/', collections[n].entry('slug')]),
  ];
  for (const path of paths) assert.match(path, /(^|\/)(#[\w-]+)?$/, path);
});

test('entryPage agrees with the entry URL: a page ends in a slash, an anchor has a #fragment', () => {
  for (const name of collectionNames) assert.equal(hasEntryPages(name), !collections[name].entry('x').includes('#'), name);
});

test('routeAt is the inverse of the route table, in every locale', () => {
  for (const locale of localeCodes) {
    for (const page of Object.keys(uiPages) as (keyof typeof uiPages)[]) assert.deepEqual(routeAt(localePath(locale, uiPages[page].path)), { locale, kind: 'ui', page });
    for (const name of collectionNames.filter(hasList)) assert.deepEqual(routeAt(localePath(locale, collections[name].list)), { locale, kind: 'list', collection: name });
    for (const name of collectionNames.filter(hasEntryPages))
      assert.deepEqual(routeAt(localePath(locale, entryPath(name, 'some-slug'))), { locale, kind: 'entry', collection: name, slug: 'some-slug' });
  }
  assert.equal(routeAt('/'), undefined);
  assert.equal(routeAt('/xx/whatever/'), undefined, 'not a locale');
  assert.equal(routeAt('/tr/a/b/c/d/'), undefined, 'no template makes this');
});

test('menus: the main menu lists every collection with a list and a name; browse sections have a home card; footer pages are pages entries', () => {
  assert.deepEqual(
    mainNav.map((item) => item.path),
    collectionNames.flatMap((n) => ('navKey' in collections[n] && 'list' in collections[n] ? [(collections[n] as { list: string }).list] : [])),
  );
  for (const section of browseSections) assert.ok(mainNav.some((item) => item.path === section.path));
  for (const page of [...footerPages, { path: browseSafelyPath }]) assert.deepEqual(routeAt(localePath('tr', page.path))?.kind, 'entry');
});

test('splitEntryId reads "<locale>/<slug>" and refuses a file outside a locale folder, saying where it belongs', () => {
  assert.deepEqual(splitEntryId('ar/fake-job-offers'), { locale: 'ar', slug: 'fake-job-offers' });
  assert.throws(() => splitEntryId('fake-job-offers'), /content\/<collection>\/<locale>\/<slug>\.md/);
  assert.throws(() => splitEntryId('xx/fake-job-offers'), /one of tr, ar/);
});

test("a material PDF's path is where its route file serves it (Astro names the route by its folder)", () => {
  const [folder = '', file = ''] = materialPdfPath('cefm-lesson-plan').split(/(?<=\/)(?=[^/]+$)/);
  assert.equal(file, 'cefm-lesson-plan.pdf');
  assert.ok(existsSync(join(import.meta.dirname, '..', '..', 'src', 'pages', '[locale]', folder, '[file].pdf.ts')), `src/pages/[locale]/${folder}[file].pdf.ts`);
});
