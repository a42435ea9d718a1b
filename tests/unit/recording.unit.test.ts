/**
 * A speaker's recording of a page (`audio`, issue 16 part 3; src/schemas/common.ts): the
 * schema takes an MP3 or Opus upload per language, the CMS field refuses anything else
 * before writing and measures the size, the cross-entry rules (shared by the build and
 * the CMS save guard) check the file is there and as big as the page says, and a file
 * whose bytes are not audio is named by the entry and field that show it. The build
 * itself: tests/build/bad-content.build.test.ts; the page: tests/e2e/recording.spec.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsFromShape } from '../../admin/fields.ts';
import { collectionNames, collections, entryFile } from '../../src/collections.ts';
import { crossEntryProblems, recordingIsAudio, type ContentFile } from '../../src/lib/content-rules/entries.ts';
import { sourceHashOf } from '../../src/lib/translation-status.ts';
import { pageSchema } from '../../src/schemas/pages.ts';
import { MAX_RECORDING_BYTES } from '../../src/schemas/common.ts';
import { translatableFieldNames } from '../../src/schemas/meta.ts';

const page = {
  slug: 'about',
  title: 'Hakkımızda',
  summary: 'Bu sitenin kim tarafından ve neden yapıldığı.',
  translationStatus: 'source',
};
const audio = { path: '/uploads/hakkimizda.mp3', sizeBytes: 1584 };
const issues = (data: object) => (pageSchema.safeParse(data).error?.issues ?? []).map((i) => `${i.path.filter((p) => p !== 'kind').join('.')}: ${i.message}`);

test('the schema: optional, an MP3 or Opus (.opus, .ogg) under /uploads/ with its size; anything else is refused at audio.path', () => {
  assert.deepEqual(issues(page), []);
  assert.deepEqual(issues({ ...page, audio }), []);
  assert.deepEqual(issues({ ...page, audio: { path: '/uploads/okuma.opus', sizeBytes: 2122 } }), []);
  assert.deepEqual(issues({ ...page, audio: { path: '/uploads/okuma.ogg', sizeBytes: 2122 } }), []);
  for (const path of ['/uploads/okuma.wav', '/uploads/okuma.m4a', 'https://example.org/okuma.mp3', '/uploads/../../okuma.mp3', '/uploads/okuma.mp3x', '/okuma.mp3']) {
    assert.match(issues({ ...page, audio: { ...audio, path } }).join('\n'), /^audio\.path: an MP3 or Opus recording uploaded to \/uploads\//, path);
  }
  assert.match(issues({ ...page, audio: { path: audio.path } }).join('\n'), /^audio\.sizeBytes:/);
  assert.match(issues({ ...page, audio: { ...audio, sizeBytes: MAX_RECORDING_BYTES + 1 } }).join('\n'), /^audio\.sizeBytes:/);
});

test('every collection with text pages has it, translated per language; it is no part of the text a translation is made from', async () => {
  for (const name of ['campaigns', 'rights', 'materials', 'pages', 'offer-checks'] as const) assert.ok('audio' in collections[name].fields, name);
  assert.ok(!('audio' in collections.helplines.fields), 'helplines have no page of their own');
  for (const name of collectionNames) assert.ok(!translatableFieldNames(collections[name].fields).includes('audio'), name);
  // A new Turkish recording does not make the other languages' translations outdated.
  assert.equal(await sourceHashOf('pages', { ...page, audio }, 'Metin.'), await sourceHashOf('pages', page, 'Metin.'));
});

test('the CMS field: a file chosen from uploads only (no URL), MP3 or Opus by name, at most 20 MB, its size measured and shown read-only', () => {
  const field = fieldsFromShape(collections.pages.fields).find((f) => f.name === 'audio')!;
  assert.equal(field.widget, 'file-with-size');
  assert.equal(field.i18n, true);
  assert.equal(field.required, false);
  const [path, size] = field.fields as { name: string; widget: string; pattern?: [string, string]; choose_url?: boolean; media_library?: unknown }[];
  assert.equal(path!.widget, 'file');
  assert.equal(path!.choose_url, false);
  assert.deepEqual(path!.media_library, { config: { max_file_size: MAX_RECORDING_BYTES } });
  const pattern = new RegExp(path!.pattern![0]);
  for (const name of ['okuma.mp3', 'okuma.opus', 'okuma.ogg', 'OKUMA.MP3'.toLowerCase()]) assert.match(name, pattern);
  for (const name of ['okuma.wav', 'okuma.pdf', 'okuma.mp3.html', 'okuma.svg']) assert.doesNotMatch(name, pattern);
  assert.match(path!.pattern![1], /MP3 ya da Opus/);
  assert.equal(size!.widget, 'file-size');
});

const file = (locale: string, data: object): ContentFile => ({ collection: 'pages', locale, name: 'about', data: { ...page, ...data } as Record<string, unknown> });

test('the cross-entry rules (build and CMS): the recording must be in public/ and as big as the page says', () => {
  const sizes = new Map([['/uploads/hakkimizda.mp3', 1584]]);
  const problems = (data: object) => crossEntryProblems([file('tr', data)], (path) => sizes.get(path));
  assert.deepEqual(problems({ audio }), []);
  const [wrongSize] = problems({ audio: { ...audio, sizeBytes: 1000 } });
  assert.deepEqual([wrongSize!.file, wrongSize!.field], [entryFile('pages', 'tr', 'about'), 'audio.sizeBytes']);
  assert.match(wrongSize!.en, /field "audio\.sizeBytes" is 1000, but \/uploads\/hakkimizda\.mp3 is 1584 bytes/);
  assert.match(wrongSize!.tr, /Ses kaydının kayıtlı boyutu \(1000 bayt\)/);
  const [missing] = problems({ audio: { ...audio, path: '/uploads/yok.mp3' } });
  assert.deepEqual([missing!.field, missing!.tr], ['audio.path', 'Ses dosyası bulunamadı: /uploads/yok.mp3. Dosyayı yeniden seçin.']);
});

test('a recording whose bytes the upload rules refuse is named by its entry and field too', () => {
  const refused = {
    file: 'public/uploads/hakkimizda.mp3',
    en: 'the name says .mp3 but the bytes are of type PDF.',
    tr: '"hakkimizda.mp3" gerçek bir MP3 dosyası değil (içeriği PDF).',
  };
  const at = (path: string) => (path === audio.path ? [refused] : []);
  assert.deepEqual(recordingIsAudio(file('ps', { audio }), at), [
    {
      file: entryFile('pages', 'ps', 'about'),
      field: 'audio.path',
      en: 'field "audio.path" points to /uploads/hakkimizda.mp3, which is not a recording the site publishes: the name says .mp3 but the bytes are of type PDF.',
      tr: 'Sesli okuma: "hakkimizda.mp3" gerçek bir MP3 dosyası değil (içeriği PDF).',
    },
  ]);
  assert.deepEqual(recordingIsAudio(file('ps', {}), at), []);
});
