/**
 * The CMS save guard (admin/guard.ts) refuses what the site build would refuse,
 * in every language file of an entry, and lets Decap's untranslated stubs through.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemsWith } from '../../admin/guard.ts';

/** The two methods the guard uses of Decap's Immutable entry. */
function entry(fields: { collection: string; slug?: string; newRecord?: boolean; data: object; i18n?: Record<string, object> }) {
  const plain: Record<string, unknown> = { ...fields, i18n: Object.fromEntries(Object.entries(fields.i18n ?? {}).map(([code, data]) => [code, { data }])) };
  return {
    get: (key: string) => plain[key],
    getIn: (path: string[]) => path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], plain),
  };
}

const helpline = {
  slug: '157',
  number: '157',
  title: 'YİMER 157',
  purpose: 'Yabancılar için iletişim ve ihbar hattı.',
  hours: '7 gün 24 saat',
  cost: 'Ücretsiz',
  languages: ['tr', 'ar'],
  order: 1,
  sources: [{ title: 'Göç İdaresi' }],
  translationStatus: 'source',
};
const copied = { slug: '157', number: '157', languages: ['tr', 'ar'], order: 1, sources: [{ title: 'Göç İdaresi' }] };

test('a valid entry with an untranslated stub passes', () => {
  assert.deepEqual(problemsWith('helplines', entry({ collection: 'helplines', slug: '157', data: helpline, i18n: { fa: copied } })), []);
});

test('a translation missing its title is refused, naming the language and the field', () => {
  const problems = problemsWith('helplines', entry({ collection: 'helplines', slug: '157', data: helpline, i18n: { ar: { ...copied, translationStatus: 'machine' } } }));
  assert.ok(
    problems.some((p) => p.startsWith('ar: title')),
    problems.join('\n'),
  );
});

test('a slug edited after creation is refused (the files keep their names), in Turkish', async () => {
  const { checkSave } = await import('../../admin/guard.ts');
  const io = { repository: async () => [], sizeOf: async () => () => undefined, newUploads: new Map<string, File>() };
  const problems = await checkSave('helplines', entry({ collection: 'helplines', slug: '157', data: { ...helpline, slug: '158' } }), io);
  assert.ok(
    problems.some((p) => p.field === 'slug' && p.tr.includes('değiştirilemez')),
    JSON.stringify(problems),
  );
});

test('a new entry whose slug is taken is refused, with a free slug proposed', async () => {
  const { checkSave } = await import('../../admin/guard.ts');
  const taken = [{ collection: 'helplines', locale: 'tr', name: '157', data: helpline, body: '' }];
  const io = { repository: async () => taken, sizeOf: async () => () => undefined, newUploads: new Map<string, File>() };
  const problems = await checkSave('helplines', entry({ collection: 'helplines', newRecord: true, data: helpline }), io);
  assert.ok(
    problems.some((p) => p.field === 'slug' && p.tr.includes('"157-2"')),
    JSON.stringify(problems),
  );
});

test('"source" is the source language\'s status only; a translation identical to the source is refused', async () => {
  const { checkSave } = await import('../../admin/guard.ts');
  const io = { repository: async () => [], sizeOf: async () => () => undefined, newUploads: new Map<string, File>() };
  const copiedAsSource = await checkSave('helplines', entry({ collection: 'helplines', slug: '157', data: helpline, i18n: { ar: { ...helpline } } }), io);
  assert.ok(
    copiedAsSource.some((p) => p.field === 'translationStatus'),
    JSON.stringify(copiedAsSource),
  );
  const copiedAsMachine = await checkSave(
    'helplines',
    entry({ collection: 'helplines', slug: '157', data: helpline, i18n: { ar: { ...helpline, translationStatus: 'machine' } } }),
    io,
  );
  assert.ok(
    copiedAsMachine.some((p) => p.tr.includes('birebir aynı')),
    JSON.stringify(copiedAsMachine),
  );
  const draft = await checkSave(
    'helplines',
    entry({ collection: 'helplines', slug: '157', data: helpline, i18n: { ar: { ...copied, title: 'يمر', translationStatus: 'draft' } } }),
    io,
  );
  assert.deepEqual(draft, [], 'a draft translation may be half done');
});

test('site settings: a quick-exit address that is not https is refused', () => {
  const settings = { siteName: 'Fark Et', tagline: 'Bilgi ve yardım hatları', quickExitUrl: 'http://example.org/', translationStatus: 'source' };
  assert.ok(
    problemsWith('settings', entry({ collection: 'settings', slug: 'tr', data: settings })).some((p) => p.startsWith('tr: quickExitUrl')),
    problemsWith('settings', entry({ collection: 'settings', slug: 'tr', data: settings })).join(),
  );
  assert.deepEqual(problemsWith('settings', entry({ collection: 'settings', slug: 'tr', data: { ...settings, quickExitUrl: 'https://www.google.com/webhp' } })), []);
});

test('cleared optional fields are "not given": an emptied date, a source without URL, a blank object', async () => {
  const { withoutEmpty } = await import('../../admin/cleared-fields.ts');
  assert.deepEqual(withoutEmpty({ a: '', b: null, c: { src: '', alt: '' }, d: [{ title: 'x', url: '' }], e: ['', 'y'], f: 0 }), { d: [{ title: 'x' }], e: ['', 'y'], f: 0 });
  const cleared = { ...helpline, languagesNote: '', sources: [{ title: 'Göç İdaresi', url: '' }] };
  assert.deepEqual(problemsWith('helplines', entry({ collection: 'helplines', slug: '157', data: cleared, i18n: { fa: { ...copied, languagesNote: null } } })), []);
});
