/**
 * Entry lists in the CMS sort with Turkish collation (admin/collation.ts),
 * which admin/decap-build-patches.ts puts in place of Decap's lodash orderBy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { collatedOrderBy } from '../../admin/collation.ts';
import { patches } from '../../admin/decap-build-patches.ts';

const campaigns = [
  'Yolda artan ücret, bitmeyen borç',
  'Çocukların yeri okuldur, sokak değil',
  'Gerçek olamayacak kadar iyi bir iş teklifi',
  'İnternetten gelen iş ve arkadaşlık teklifleri',
  'Hiç bitmeyen borç',
  'Irmak',
  'Şehirde iş',
  'Sevgi sözleriyle başlayan bir tuzak',
];
const entries = campaigns.map((title, i) => ({ slug: `e${i}`, data: { title } }));

test('titles sort with Turkish collation: Ç after C, I before İ, Ş after S', () => {
  const sorted = collatedOrderBy(entries, ['data.title'], ['asc']).map((e) => e.data.title);
  assert.deepEqual(sorted, [
    'Çocukların yeri okuldur, sokak değil',
    'Gerçek olamayacak kadar iyi bir iş teklifi',
    'Hiç bitmeyen borç',
    'Irmak',
    'İnternetten gelen iş ve arkadaşlık teklifleri',
    'Sevgi sözleriyle başlayan bir tuzak',
    'Şehirde iş',
    'Yolda artan ücret, bitmeyen borç',
  ]);
  assert.deepEqual(
    collatedOrderBy(entries, ['data.title'], ['desc']).map((e) => e.data.title),
    sorted.toReversed(),
  );
});

test('numbers inside strings sort by value; entries without the field come last; equal keys keep their order', () => {
  const helplines = [{ data: { title: 'ALO 183' } }, { data: { title: '112 Acil' } }, { data: {} }, { data: { title: '15 Test' } }, { data: { title: '112 Acil' }, id: 2 }];
  assert.deepEqual(collatedOrderBy(helplines, ['data.title'], ['asc']), [helplines[3], helplines[1], helplines[4], helplines[0], helplines[2]]);
  assert.deepEqual(collatedOrderBy(helplines, ['data.title'], ['desc']).at(-1), helplines[2]);
});

test('every build patch of Decap still finds the text it replaces in the installed version', () => {
  const require = createRequire(import.meta.url);
  for (const patch of patches) assert.ok(readFileSync(require.resolve(patch.module), 'utf8').includes(patch.replace), patch.module);
});
