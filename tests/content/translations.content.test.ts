/**
 * The translation report on the real content: every entry has a row in every
 * locale, and none is missing or outdated. The report's rules:
 * scripts/content/translations.unit.test.ts and tests/unit/translation-status.unit.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { report } from '../../scripts/content/translations.mjs';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { collectionFolder, collectionNames } from '../../src/collections.ts';
import { localeCodes } from '../../src/i18n/locales.ts';

test('the report knows every locale of every entry, and nothing is missing or outdated', async () => {
  const rows = await report();
  // Every slug found in any locale folder of any collection, once per locale.
  const expected = collectionNames.flatMap((collection) => {
    const slugs = new Set(
      localeCodes.flatMap((locale) => {
        const dir = join(projectRoot, collectionFolder(collection), locale);
        return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)) : [];
      }),
    );
    return [...slugs].flatMap((slug) => localeCodes.map((locale) => `${collection}/${slug}/${locale}`));
  });
  assert.ok(expected.length > 0);
  assert.deepEqual(rows.map((r) => `${r.collection}/${r.slug}/${r.locale}`).sort(), expected.sort());
  const missing = rows.filter((r) => r.status === 'missing').map((r) => r.file);
  assert.deepEqual(missing, [], 'translations missing');
  const outdated = rows.filter((r) => r.status === 'outdated').map((r) => r.file);
  assert.deepEqual(outdated, [], 'translations older than their source (update them in the CMS, or npm run translations -- --stamp FILE)');
});
