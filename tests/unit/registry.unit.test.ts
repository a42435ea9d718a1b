/**
 * The collection registry (src/collections.ts) is consistent: every relation
 * points to a registered collection, every collection has CMS labels and
 * schema fields the CMS can edit, and no two collections share a folder or a
 * URL. The checks a new collection must pass before anything else reads it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectionFolder, collectionNames, collections, dataCollections } from '../../src/collections.ts';
import { cmsMeta } from '../../src/schemas/meta.ts';
import { z } from 'astro/zod';

test('relation fields point to a registered collection', () => {
  const problems: string[] = [];
  for (const name of collectionNames) {
    for (const [field, schema] of Object.entries(collections[name].fields)) {
      const meta = cmsMeta(schema as z.ZodType);
      if (meta.widget === 'relation' && !(collectionNames as string[]).includes(meta.collection ?? '')) problems.push(`${name}.${field} → ${meta.collection}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every collection: Turkish CMS labels, a slug field and a translation status', () => {
  for (const name of collectionNames) {
    const { cms, fields } = collections[name];
    assert.ok(cms.label && cms.singular, name);
    assert.ok('slug' in fields && 'translationStatus' in fields, `${name} has slug and translationStatus`);
    assert.equal((fields.slug as z.ZodType).safeParse('fake-job-offers').success, true);
    assert.equal((fields.slug as z.ZodType).safeParse('Kampanya Başlığı').success, false, 'a slug is Latin letters, digits and hyphens');
  }
});

test('no two collections share a content folder, a list path or an entry URL shape', () => {
  const folders = [...collectionNames.map(collectionFolder), ...Object.values(dataCollections).map((c) => c.folder)];
  assert.equal(new Set(folders).size, folders.length);
  const lists = collectionNames.flatMap((n) => ('list' in collections[n] ? [(collections[n] as { list: string }).list] : []));
  assert.equal(new Set(lists).size, lists.length);
  const shapes = collectionNames.map((n) => collections[n].entry('SLUG'));
  assert.equal(new Set(shapes).size, shapes.length);
});
