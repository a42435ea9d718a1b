/**
 * The translation report of a project's files, on a made-up project: which
 * files it reads, the status of each, and --stamp writing the hash in the
 * CMS's own format. The status rules themselves: tests/unit/translation-status.unit.test.ts;
 * the real content's report: tests/content/translations.content.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { entryFile } from '../../src/collections.ts';
import { needsStamp, readContentFiles, report, stamp } from './translations.mjs';

test('statuses: source, machine, outdated after the source changes, missing for no file or a Decap stub; --stamp records the hash', async () => {
  const root = mkdtempSync(join(tmpdir(), 'translations-'));
  const write = (locale: 'tr' | 'ar' | 'fa' | 'ru', text: string) => {
    const file = join(root, entryFile('pages', locale, 'fixture'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const rowOf = async (locale: string) => (await report(root)).find((r) => r.slug === 'fixture' && r.locale === locale)!;
  try {
    write('tr', '---\nslug: fixture\ntitle: Kaynak\ntranslationStatus: source\n---\n\nMetin.\n');
    write('ar', '---\nslug: fixture\ntitle: المصدر\ntranslationStatus: machine\n---\n\nنص.\n');
    write('fa', '---\nslug: fixture\n---\n'); // Decap's stub: only the copied fields
    assert.deepEqual(readContentFiles(root).map((f) => `${f.collection}/${f.locale}/${f.name}`).sort(), ['pages/ar/fixture', 'pages/fa/fixture', 'pages/tr/fixture']);
    assert.equal((await rowOf('tr')).status, 'source');
    assert.equal((await rowOf('ar')).status, 'machine');
    assert.equal((await rowOf('fa')).status, 'missing');
    assert.equal((await rowOf('ru')).status, 'missing');

    const ar = await rowOf('ar');
    assert.equal(ar.file, entryFile('pages', 'ar', 'fixture'));
    assert.equal(needsStamp(ar), true);
    assert.equal(await stamp(join(root, ar.file), root), true);
    assert.match(readFileSync(join(root, ar.file), 'utf8'), /^sourceHash: "?[0-9a-f]{12}"?$/m);
    assert.equal(needsStamp(await rowOf('ar')), false);
    assert.equal(await stamp(join(root, ar.file), root), false, 'a second stamp changes nothing');
    assert.equal(await stamp(join(root, entryFile('pages', 'tr', 'fixture')), root), false, 'the source is never stamped');

    write('tr', '---\nslug: fixture\ntitle: Kaynak, düzeltildi\ntranslationStatus: source\n---\n\nMetin.\n');
    assert.equal((await rowOf('ar')).status, 'outdated');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
