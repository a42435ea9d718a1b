/**
 * References across collections (src/lib/content-rules/entries.ts `slugReferences`), as the
 * build and the CMS save guard report them: a page's `helplines` and an offer check's
 * `campaigns` must name existing entries. The messages are the ones staff and the build
 * log have always shown (before the two rules were one function).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossEntryProblems, slugReferences, type ContentFile } from '../../src/lib/content-rules/entries.ts';
import { entryFile } from '../../src/collections.ts';

const file = (collection: string, data: Record<string, unknown>): ContentFile => ({ collection, locale: 'tr', name: 'x', data });
const messages = {
  en: ({ path, ref, known }: { path: string; ref: string; known: readonly string[] }) => `${path}|${ref}|${known.join(',')}`,
  tr: ({ ref }: { ref: string }) => `tr ${ref}`,
};

test('one problem per slug that names no entry, at its index; none when all exist or the field is absent', () => {
  const slugs = new Set(['112', '157']);
  assert.deepEqual(slugReferences(file('campaigns', { helplines: ['157', '999', '112', 7] }), 'helplines', slugs, messages), [
    { file: entryFile('campaigns', 'tr', 'x'), field: 'helplines[1]', en: 'helplines[1]|999|112,157', tr: 'tr 999' },
    { file: entryFile('campaigns', 'tr', 'x'), field: 'helplines[3]', en: 'helplines[3]|7|112,157', tr: 'tr 7' },
  ]);
  assert.deepEqual(slugReferences(file('campaigns', { helplines: ['112'] }), 'helplines', slugs, messages), []);
  assert.deepEqual(slugReferences(file('campaigns', {}), 'helplines', slugs, messages), []);
  assert.deepEqual(slugReferences(file('campaigns', { helplines: '157' }), 'helplines', slugs, messages), []);
});

test('the build and the CMS say the same as before: helplines and campaigns, in English and Turkish', () => {
  const files: ContentFile[] = [
    { collection: 'helplines', locale: 'tr', name: '157', data: { slug: '157' } },
    { collection: 'campaigns', locale: 'tr', name: 'fake-job-offers', data: { slug: 'fake-job-offers', helplines: ['157', '158'] } },
    { collection: 'offer-checks', locale: 'tr', name: 'offer', data: { slug: 'offer', campaigns: ['gone'] } },
  ];
  const broken = crossEntryProblems(files, () => undefined).filter((p) => /^(helplines|campaigns)\[/.test(p.field ?? ''));
  assert.deepEqual(broken, [
    {
      file: entryFile('campaigns', 'tr', 'fake-job-offers'),
      field: 'helplines[1]',
      en: 'field "helplines[1]" is "158", but there is no helpline with that slug. Known: 157.',
      tr: '"158" yardım hattı yok (silinmiş olabilir). Listeden çıkarın ya da var olan bir hat seçin: 157.',
    },
    {
      file: entryFile('offer-checks', 'tr', 'offer'),
      field: 'campaigns[0]',
      en: 'field "campaigns[0]" is "gone", but there is no campaign with that slug. Known: fake-job-offers.',
      tr: '"gone" kampanyası yok (silinmiş olabilir). Listeden çıkarın ya da var olan bir kampanya seçin.',
    },
  ]);
});
