/**
 * The translation report: outdated detection by source hash, and the
 * content's completeness (every entry in every locale).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceHashOf, translationReport } from '../../scripts/translations.mjs';
import { translatableFieldNames } from '../../src/schemas/meta.ts';
import { campaignFields } from '../../src/schemas/campaigns.ts';

const fields = translatableFieldNames(campaignFields);
const entry = {
  data: { title: 'Başlık', summary: 'Özet metni burada.', warningSigns: ['Bir'], published: new Date('2026-01-01'), helplines: ['157'] },
  body: 'Gövde metni.\n',
};

test('translatable fields come from the schema: title and warning signs yes, dates and helplines no', () => {
  assert.ok(fields.includes('title') && fields.includes('warningSigns') && fields.includes('whatNotToDo'));
  for (const copied of ['slug', 'published', 'helplines', 'tactic', 'translationStatus', 'sourceHash', 'keywords']) assert.ok(!fields.includes(copied), copied);
});

test('a change to the text changes the source hash; a change to a copied field does not', () => {
  const hash = sourceHashOf(entry, fields);
  assert.match(hash, /^[0-9a-f]{12}$/);
  assert.equal(sourceHashOf({ ...entry, data: { ...entry.data, published: new Date('2027-01-01'), helplines: ['112'] } }, fields), hash);
  assert.notEqual(sourceHashOf({ ...entry, body: 'Yeni gövde.' }, fields), hash);
  assert.notEqual(sourceHashOf({ ...entry, data: { ...entry.data, warningSigns: ['Bir', 'İki'] } }, fields), hash);
});

test('the report knows every locale of every entry, and nothing is missing', () => {
  const rows = translationReport();
  assert.ok(rows.length > 0);
  const missing = rows.filter((r) => r.status === 'missing').map((r) => r.file);
  assert.deepEqual(missing, [], 'translations missing');
  const outdated = rows.filter((r) => r.status === 'outdated').map((r) => r.file);
  assert.deepEqual(outdated, [], 'translations older than their source (re-translate, then npm run translations -- --stamp)');
});
