/**
 * The CMS save guard (admin/guard.ts) refuses what the site build would refuse,
 * in every language file of an entry, and lets Decap's untranslated stubs through.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardSave, problemsWith } from '../../admin/guard.ts';

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
  assert.ok(problems.some((p) => p.startsWith('ar: title')), problems.join('\n'));
  assert.throws(() => guardSave({ entry: entry({ collection: 'helplines', slug: '157', data: helpline, i18n: { ar: { ...copied, translationStatus: 'machine' } } }) }), /Not saved/);
});

test('a slug edited after creation is refused (the files keep their names)', () => {
  const problems = problemsWith('helplines', entry({ collection: 'helplines', slug: '157', data: { ...helpline, slug: '158' } }));
  assert.ok(problems.some((p) => p.includes('cannot change')), problems.join('\n'));
});

test('site settings: a quick-exit address that is not https is refused', () => {
  const settings = { siteName: 'Fark Et', tagline: 'Bilgi ve yardım hatları', quickExitUrl: 'http://example.org/', translationStatus: 'source' };
  assert.ok(problemsWith('settings', entry({ collection: 'settings', slug: 'tr', data: settings })).some((p) => p.startsWith('tr: quickExitUrl')));
  assert.deepEqual(problemsWith('settings', entry({ collection: 'settings', slug: 'tr', data: { ...settings, quickExitUrl: 'https://www.google.com/webhp' } })), []);
});

test('cleared optional fields are "not given": an emptied date, a source without URL, a blank object', async () => {
  const { withoutEmpty } = await import('../../admin/empty.ts');
  assert.deepEqual(withoutEmpty({ a: '', b: null, c: { src: '', alt: '' }, d: [{ title: 'x', url: '' }], e: ['', 'y'], f: 0 }), { d: [{ title: 'x' }], e: ['', 'y'], f: 0 });
  const cleared = { ...helpline, languagesNote: '', sources: [{ title: 'Göç İdaresi', url: '' }] };
  assert.deepEqual(problemsWith('helplines', entry({ collection: 'helplines', slug: '157', data: cleared, i18n: { fa: { ...copied, languagesNote: null } } })), []);
});
