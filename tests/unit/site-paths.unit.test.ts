/**
 * What an editor's account could do to the site's own pages and files (attacker's review, 2026-12-02):
 * a page may not take the address of a page the site has (src/routes.ts `siteRouteSegments`,
 * src/lib/content-rules/entries.ts `pageSlugIsFree`), and no symbolic link may stand in content/ or
 * public/uploads/ (src/lib/ordinary-files.ts, scripts/build/content-check.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkContentFiles } from '../../scripts/build/content-check.mjs';
import { collectionFolder, collectionNames, collections, entryFile, hasList } from '../../src/collections.ts';
import { crossEntryProblems, pageSlugIsFree, type ContentFile } from '../../src/lib/content-rules/entries.ts';
import { notOrdinaryFiles } from '../../src/lib/ordinary-files.ts';
import { localePath, siteRouteSegments, uiPages } from '../../src/routes.ts';

const page = (slug: string, locale = 'tr'): ContentFile => ({ collection: 'pages', locale, name: slug, data: { slug, title: 'Başlık' }, body: 'Metin.' });

test("the site's own first path segments: its pages, its lists, the other collections' folders", () => {
  const segments = siteRouteSegments();
  for (const ui of Object.values(uiPages)) if (ui.path) assert.ok(segments.includes(ui.path.split('/')[0]!), ui.path);
  for (const name of collectionNames.filter(hasList)) assert.ok(segments.includes(collections[name].list.split('/')[0]!), name);
  assert.ok(segments.includes('check'), 'offer checks live under check/');
  assert.ok(!segments.includes(''), 'the home page is no segment');
});

test('a page may not take the address of one of the site’s own pages, in any language; other slugs are free', () => {
  for (const slug of siteRouteSegments()) {
    for (const locale of ['tr', 'ar'] as const) {
      const [problem, ...rest] = pageSlugIsFree(page(slug, locale));
      assert.equal(rest.length, 0);
      assert.equal(problem?.field, 'slug', slug);
      assert.equal(problem?.file, entryFile('pages', locale, slug));
      assert.ok(problem!.en.includes(`the address of one of the site's own pages (${localePath(locale, slug)})`), problem!.en);
      assert.match(problem!.tr, /sitenin kendi sayfalarından birinin adresi/);
    }
  }
  for (const slug of ['about', 'helplines-2', 'search-tips', 'browse-safely']) assert.deepEqual(pageSlugIsFree(page(slug)), [], slug);
  // Another collection's entry with such a slug lives under its own folder: no problem.
  assert.deepEqual(pageSlugIsFree({ ...page('search'), collection: 'campaigns' }), []);
  // The rule is one of those the build and the CMS run on every file.
  const [reserved] = siteRouteSegments();
  assert.ok(crossEntryProblems([page(reserved!)], () => undefined).some((p) => p.field === 'slug' && p.file === entryFile('pages', 'tr', reserved!)));
});

test('symbolic links in content/ are refused by the content check, naming the link; ordinary files and folders are not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  try {
    const content = join(dir, 'content');
    const pages = join(dir, collectionFolder('pages'), 'tr');
    mkdirSync(pages, { recursive: true });
    writeFileSync(join(dir, 'outside.md'), '---\nslug: x\n---\n');
    symlinkSync(join(dir, 'outside.md'), join(pages, 'linked.md'));
    symlinkSync(join(dir, 'outside.md'), join(pages, 'x.html'));
    symlinkSync(dir, join(content, 'linked-folder'), 'dir');
    assert.deepEqual(notOrdinaryFiles(content).sort(), [join(content, 'linked-folder'), join(pages, 'linked.md'), join(pages, 'x.html')]);
    const { problems } = checkContentFiles(content, { relativeTo: dir });
    for (const name of [join('content', 'linked-folder'), relative(dir, join(pages, 'linked.md')), relative(dir, join(pages, 'x.html'))]) {
      assert.ok(
        problems.some((p) => p.startsWith(`${name}: not an ordinary file`)),
        `${name}:\n${problems.join('\n')}`,
      );
    }
    rmSync(join(pages, 'linked.md'));
    rmSync(join(pages, 'x.html'));
    rmSync(join(content, 'linked-folder'));
    assert.deepEqual(notOrdinaryFiles(content), []);
    // The folder itself a link (public/uploads → elsewhere): listed, not followed.
    symlinkSync(pages, join(dir, 'uploads'), 'dir');
    assert.deepEqual(notOrdinaryFiles(join(dir, 'uploads')), [join(dir, 'uploads')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
