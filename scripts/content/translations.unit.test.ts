/**
 * The translation report's rules, on made-up entries and a made-up project:
 * which fields the hash covers, and the status of each file.
 * The real content's report: tests/content/translations.content.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { entryFile } from '../../src/collections.ts';
import { translatableFieldNames } from '../../src/schemas/meta.ts';
import { campaignFields } from '../../src/schemas/campaigns.ts';
import { needsStamp, sourceHashOf, stamp, translationReport } from './translations.mjs';

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

test('statuses: source, machine, outdated after the source changes, missing for no file or a Decap stub; --stamp records the hash', () => {
  const root = mkdtempSync(join(tmpdir(), 'translations-'));
  const write = (locale: 'tr' | 'ar' | 'fa' | 'ru', text: string) => {
    const file = join(root, entryFile('pages', locale, 'fixture'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const statusOf = (locale: string) => translationReport(root).find((r) => r.slug === 'fixture' && r.locale === locale)!;
  try {
    write('tr', '---\nslug: fixture\ntitle: Kaynak\ntranslationStatus: source\n---\nMetin.\n');
    write('ar', '---\nslug: fixture\ntitle: المصدر\ntranslationStatus: machine\n---\nنص.\n');
    write('fa', '---\nslug: fixture\n---\n'); // Decap's stub: only the copied fields
    assert.equal(statusOf('tr').status, 'source');
    assert.equal(statusOf('ar').status, 'machine');
    assert.equal(statusOf('fa').status, 'missing');
    assert.equal(statusOf('ru').status, 'missing');

    const ar = statusOf('ar');
    assert.equal(needsStamp(ar), true);
    assert.equal(stamp(ar, root), true);
    assert.match(readFileSync(join(root, ar.file), 'utf8'), /^translationStatus: machine\nsourceHash: "[0-9a-f]{12}"$/m);
    assert.equal(needsStamp(statusOf('ar')), false);

    write('tr', '---\nslug: fixture\ntitle: Kaynak, düzeltildi\ntranslationStatus: source\n---\nMetin.\n');
    assert.equal(statusOf('ar').status, 'outdated');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
