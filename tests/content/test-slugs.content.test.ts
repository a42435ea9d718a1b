/**
 * The browser tests (tests/e2e/, tests/cms/) never name an editors' entry
 * (CONTRIBUTING.md rule 4): staff rename, add and delete entries in the CMS,
 * and that must not break CI. Tests name the fixture site's entries
 * (tests/e2e/site-map.ts `fixtureSlugs`) or choose entries from the content
 * at run time by what they need (tests/cms/entries.ts, `onePagePerTemplate()`).
 *
 * Exempt, because they are code, not editors' choices: the pages the menus
 * link by slug (src/routes.ts `linkedPageSlugs`, `browseSafelySlug`; the CMS
 * refuses to delete them), and the helplines, whose slugs are their vetted
 * numbers (src/lib/content-rules/allowlists.ts). tests/e2e/search-queries.yaml
 * names real pages on purpose: the search suite measures what readers find in
 * the real content (see tests/e2e/search-suite.spec.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectionFolder, collectionNames } from '../../src/collections.ts';
import { localeCodes } from '../../src/i18n/locales.ts';
import { browseSafelySlug, linkedPageSlugs } from '../../src/routes.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';

const exempt = new Set<string>([...linkedPageSlugs, browseSafelySlug]);

/** Every slug of the editors' Markdown collections, in any language, helplines aside. */
function contentSlugs(): Set<string> {
  const slugs = new Set<string>();
  for (const collection of collectionNames) {
    if (collection === 'helplines') continue;
    for (const locale of localeCodes) {
      const dir = join(projectRoot, collectionFolder(collection), locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)) if (file.endsWith('.md') && !exempt.has(file.slice(0, -3))) slugs.add(file.slice(0, -3));
    }
  }
  return slugs;
}

const specFiles = ['tests/e2e', 'tests/cms'].flatMap((dir) =>
  readdirSync(join(projectRoot, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name)),
);

/** Each place in `text` where one of `slugs` is a whole string or path segment: 'debt-bondage', "/ar/debt-bondage/", `…/debt-bondage`. */
function slugsNamedIn(text: string, slugs: Iterable<string>): { line: number; slug: string }[] {
  const named = new RegExp(`(?<=['"\`/])(${[...slugs].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=['"\`/])`, 'g');
  return text.split('\n').flatMap((line, i) => [...line.matchAll(named)].map((match) => ({ line: i + 1, slug: match[1]! })));
}

test('the browser tests name no entry of the editors’ content', () => {
  const slugs = contentSlugs();
  assert.ok(slugs.size > 5, 'the check sees the content');
  assert.ok(specFiles.length > 10, 'the check sees the specs');
  const found = specFiles.flatMap((file) => slugsNamedIn(readFileSync(file, 'utf8'), slugs).map(({ line, slug }) => `${relative(projectRoot, file)}:${line}: "${slug}"`));
  assert.deepEqual(found, [], 'name a fixture entry (tests/e2e/site-map.ts fixtureSlugs) or choose one at run time (tests/cms/entries.ts)');
});

test('the check finds a named entry, and only a whole one', () => {
  assert.deepEqual(slugsNamedIn("openAdmin(page, entryHash('campaigns', 'debt-bondage'));\npage.goto(`/ar/debt-bondage/`);", ['debt-bondage']), [
    { line: 1, slug: 'debt-bondage' },
    { line: 2, slug: 'debt-bondage' },
  ]);
  assert.deepEqual(slugsNamedIn("const title = 'debt-bondage-2'; // debt-bondage", ['debt-bondage']), []);
});
