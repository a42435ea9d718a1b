/**
 * "Check an offer" (issue 16): the schema's rules for one language file, and the
 * rules across language files (src/lib/content-rules/entries.ts) that the build
 * and the CMS save guard share: every translation asks the source's questions,
 * with the same id and signIf, in the same order; campaigns it names exist and
 * cannot be deleted while it names them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offerCheckSchema } from '../../src/schemas/offer-checks.ts';
import { crossEntryProblems, referrersOf, type ContentFile } from '../../src/lib/content-rules/entries.ts';
import { checkSave } from '../../admin/guard.ts';
import { entryFile } from '../../src/collections.ts';

const question = (id: string, signIf: 'yes' | 'no', text = 'Pasaportunuzu tutmak istiyorlar mı?') => ({
  id,
  question: text,
  signIf,
  sign: 'Pasaportunuzu tutmak istiyorlar.',
  why: 'Pasaportunuzu tutan biri ayrılmanızı engelleyebilir.',
  advice: 'Pasaportunuzu yanınızda tutun.',
});
const source = {
  slug: 'offer',
  title: 'Bir teklifi kontrol edin',
  summary: 'Birkaç soruyu yanıtlayın ve uyarı işaretlerini görün.',
  intro: 'Aldığınız teklifi düşünün ve her soruyu yanıtlayın.',
  questions: [question('passport', 'yes'), question('pay', 'no'), question('online-only', 'yes')],
  whatToDo: ['Teklifi güvendiğiniz biriyle konuşun.'],
  noSigns: 'Yanıtlarınızda uyarı işareti yok. İşaretler sonradan çıkabilir.',
  helplines: ['157'],
  campaigns: ['fake-job-offers'],
  sources: [{ title: 'US TIP report' }],
  translationStatus: 'source',
};
/** The Arabic translation: other words, the same ids and signIf in the same order. */
const arabic = {
  ...source,
  title: 'افحص عرضًا',
  summary: 'أجب عن بعض الأسئلة لترى العلامات التحذيرية.',
  intro: 'فكّر في العرض الذي تلقيته وأجب عن كل سؤال.',
  questions: source.questions.map((q) => ({
    ...q,
    question: 'هل يريدون الاحتفاظ بجواز سفرك؟',
    sign: 'يريدون الاحتفاظ بجواز سفرك.',
    why: 'قد يمنعك من المغادرة.',
    advice: 'أبقِ جواز سفرك معك.',
  })),
  whatToDo: ['تحدّث عن العرض مع شخص تثق به.'],
  noSigns: 'لا توجد علامة تحذيرية في إجاباتك. قد تظهر لاحقًا.',
  translationStatus: 'machine',
};
const file = (locale: string, data: object, collection = 'offer-checks', name = 'offer'): ContentFile => ({ collection, locale, name, data: data as Record<string, unknown> });
const others = [
  file('tr', { slug: '157', number: '157', title: 'YİMER' }, 'helplines', '157'),
  file('tr', { slug: 'fake-job-offers', title: 'Sahte iş' }, 'campaigns', 'fake-job-offers'),
];
const problems = (...files: ContentFile[]) => crossEntryProblems([...others, ...files], () => undefined);

test('the schema accepts a sound entry and refuses a wrong signIf, a non-Latin id and too few questions, naming the field', () => {
  assert.equal(offerCheckSchema.safeParse(source).success, true);
  const paths = (data: object) => (offerCheckSchema.safeParse(data).error?.issues ?? []).map((i) => i.path.join('.'));
  assert.deepEqual(paths({ ...source, questions: [question('passport', 'maybe' as 'yes'), ...source.questions.slice(1)] }), ['questions.0.signIf']);
  assert.deepEqual(paths({ ...source, questions: [question('pasaport ü', 'yes'), ...source.questions.slice(1)] }), ['questions.0.id']);
  assert.deepEqual(paths({ ...source, questions: source.questions.slice(0, 2) }), ['questions']);
  assert.deepEqual(paths({ ...source, helplines: [] }), ['helplines']);
});

test('a translation with the source questions passes; a dropped, reordered or flipped question is refused at its index', () => {
  assert.deepEqual(problems(file('tr', source), file('ar', arabic)), []);
  const dropped = problems(file('tr', source), file('ar', { ...arabic, questions: [arabic.questions[0], arabic.questions[2]] }));
  assert.deepEqual(
    dropped.map((p) => [p.file, p.field]),
    [[entryFile('offer-checks', 'ar', 'offer'), 'questions[1]']],
  );
  assert.match(dropped[0]!.en, /pay \(signIf: no\)/);
  const reordered = problems(file('tr', source), file('ar', { ...arabic, questions: [arabic.questions[1], arabic.questions[0], arabic.questions[2]] }));
  assert.deepEqual(
    reordered.map((p) => p.field),
    ['questions[0]'],
  );
  const flipped = problems(file('tr', source), file('ar', { ...arabic, questions: [arabic.questions[0], { ...arabic.questions[1], signIf: 'yes' }, arabic.questions[2]] }));
  assert.deepEqual(
    flipped.map((p) => p.field),
    ['questions[1]'],
  );
  assert.match(flipped[0]!.tr, /Türkçe kaynakta pay \(signIf: no\)/);
});

test('an id used twice in one language is refused; a Decap stub (no title) is not compared', () => {
  const twice = problems(file('tr', { ...source, questions: [...source.questions, question('pay', 'yes')] }));
  assert.deepEqual(
    twice.map((p) => p.field),
    ['questions[3].id'],
  );
  assert.deepEqual(problems(file('tr', source), file('fa', { slug: 'offer', helplines: ['157'], campaigns: ['fake-job-offers'], sources: source.sources })), []);
});

test('a campaign the check names must exist, and cannot be deleted while it is named', () => {
  const unknown = problems(file('tr', { ...source, campaigns: ['no-such-campaign'] }));
  assert.deepEqual(
    unknown.map((p) => p.field),
    ['campaigns[0]'],
  );
  const referrers = referrersOf('campaigns', 'fake-job-offers', [...others, file('tr', source), file('ar', arabic)]);
  assert.deepEqual(
    referrers.map((r) => `${r.collection}/${r.name}`),
    ['offer-checks/offer'],
  );
});

test('the CMS refuses to save a translation whose questions differ from the source, in Turkish', async () => {
  const plain: Record<string, unknown> = {
    collection: 'offer-checks',
    slug: 'offer',
    data: source,
    i18n: { ar: { data: { ...arabic, questions: [arabic.questions[1], arabic.questions[0], arabic.questions[2]] } } },
  };
  const entry = {
    get: (key: string) => plain[key],
    getIn: (path: string[]) => path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], plain),
  };
  const io = { repository: async () => others, sizeOf: async () => () => undefined, newUploads: new Map<string, File>() };
  const refused = await checkSave('offer-checks', entry, io);
  assert.ok(
    refused.some((p) => p.field === 'questions[0]' && p.tr.includes('aynı sırada')),
    JSON.stringify(refused),
  );
});
