/**
 * Translation status (src/lib/translation-status.ts), the module the report,
 * the CMS's translation page and its save stamp share: outdated detection by
 * source hash, drafts. The real content's report: tests/content/translations.content.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceFields, sourceHashOf, statusOf, translationReport } from '../../src/lib/translation-status.ts';
import { translatableFieldNames } from '../../src/schemas/meta.ts';
import { campaignFields } from '../../src/schemas/campaigns.ts';

const fields = translatableFieldNames(campaignFields);
const data = { title: 'Başlık', summary: 'Özet metni burada.', warningSigns: ['Bir'], published: '2026-01-01', helplines: ['157'], translationStatus: 'source' };
const body = 'Gövde metni.\n\n- birinci madde\n- ikinci madde\n';

test('translatable fields come from the schema: title and warning signs yes, dates and helplines no', () => {
  assert.ok(fields.includes('title') && fields.includes('warningSigns') && fields.includes('whatNotToDo'));
  for (const copied of ['slug', 'published', 'helplines', 'tactic', 'translationStatus', 'sourceHash', 'reviewedBy', 'reviewedAt', 'keywords'])
    assert.ok(!fields.includes(copied), copied);
});

test('a change to the words changes the source hash; copied fields, list markers and line wrapping do not', async () => {
  const hash = await sourceHashOf('campaigns', data, body);
  assert.match(hash, /^[0-9a-f]{12}$/);
  assert.equal(await sourceHashOf('campaigns', { ...data, published: '2027-01-01', helplines: ['112'] }, body), hash);
  assert.equal(await sourceHashOf('campaigns', data, 'Gövde\nmetni.\n\n* birinci madde\n* ikinci madde'), hash);
  assert.notEqual(await sourceHashOf('campaigns', data, 'Yeni gövde.'), hash);
  assert.notEqual(await sourceHashOf('campaigns', { ...data, warningSigns: ['Bir', 'İki'] }, body), hash);
  assert.deepEqual(
    sourceFields('campaigns', data, body).map((f) => f.field),
    ['title', 'summary', 'warningSigns', 'body'],
  );
});

test('status: missing, draft, machine, outdated, reviewed, source', async () => {
  const hash = await sourceHashOf('campaigns', data, body);
  const file = (locale: string, extra: object) => ({ collection: 'campaigns', locale, name: 'x', data: { slug: 'x', ...extra }, body: '' });
  assert.equal(statusOf(undefined, hash), 'missing');
  assert.equal(statusOf(file('ar', {}), hash), 'missing', "Decap's stub");
  assert.equal(statusOf(file('ar', { title: 'x', translationStatus: 'draft' }), hash), 'draft');
  assert.equal(statusOf(file('ar', { title: 'x', translationStatus: 'machine', sourceHash: hash }), hash), 'machine');
  assert.equal(statusOf(file('ar', { title: 'x', translationStatus: 'reviewed', sourceHash: 'aaaaaaaaaaaa' }), hash), 'outdated');
  assert.equal(statusOf(file('ar', { title: 'x', translationStatus: 'reviewed', sourceHash: hash }), hash), 'reviewed');
  assert.equal(statusOf(file('tr', data), hash), 'source');
  const rows = await translationReport([{ ...file('tr', data), body }, file('ar', { title: 'x', translationStatus: 'machine', sourceHash: hash })]);
  assert.deepEqual(
    rows.map((r) => r.status),
    ['source', 'machine', 'missing', 'missing', 'missing', 'missing', 'missing'],
  );
});
