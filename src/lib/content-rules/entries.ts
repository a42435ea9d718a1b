/**
 * Rules across entries and files (issue 14), in one place for the site build and the CMS.
 *
 * Reasoning: a single entry's zod schema cannot see other entries (is this slug
 * taken? does helpline "183" exist? is the PDF as big as the page says?). The
 * build checks them (src/lib/validate-content.ts) and stops; the CMS checks the
 * same rules before it writes (admin/guard.ts), so nothing an editor saves or
 * deletes can stop the build (issue 14). Both call these functions on plain
 * data, so the two can never disagree. No Astro or Decap import here: this
 * module runs in Node and in the browser.
 *
 * Every problem carries an English message (build output, for developers) and
 * a Turkish one (the CMS, for staff), naming the file and the field.
 *
 * Not re-exported by ./index.ts: this module reads the schemas, which import
 * the other rules of this folder (imported directly, it keeps that one-way).
 */
import { defaultLocale, getLocale } from '../../i18n/locales.ts';
import { cmsMeta, jsonSchemaOf, translatableFieldNames, type JsonSchema } from '../../schemas/meta.ts';
import { bodyText, fileKind } from '../../schemas/common.ts';
import { collectionFolder, collectionNames, collections, entryFile, type CollectionName } from '../../collections.ts';
import { linkedPageSlugs, siteRouteSegments } from '../../routes.ts';
import type { LocaleCode } from '../../i18n/locales.ts';
import type { z } from 'astro/zod';

/** The Markdown collections' fields, by collection name (src/collections.ts): one file per language. */
export const collectionShapes: Record<string, z.ZodRawShape> = Object.fromEntries(collectionNames.map((name) => [name, collections[name].fields]));

/** One language file of an entry, as written (front matter, before the schema's transforms). */
export interface ContentFile {
  collection: string;
  locale: string;
  /** The file name without `.md`: what the `slug` field must say. */
  name: string;
  data: Record<string, unknown>;
  body?: string;
}

/** A problem located in one file (./problem.ts's `Problem` is located in a field of an entry). */
export interface FileProblem {
  /** content/<collection>/<locale>/<name>.md, or the upload's path. */
  file: string;
  field?: string;
  en: string;
  tr: string;
}

export const filePath = (f: Pick<ContentFile, 'collection' | 'locale' | 'name'>) => entryFile(f.collection as CollectionName, f.locale as LocaleCode, f.name);

/** The field's label for staff (schema meta; the body's from `bodyText`), else its name. */
export function fieldLabel(collection: string, field: string): string {
  if (field === 'body') return bodyText.label;
  const shape = collectionShapes[collection];
  // Own fields only: a hostile key ("constructor") must not find Object.prototype's.
  const schema = shape && Object.hasOwn(shape, field) ? shape[field] : undefined;
  return (schema && cmsMeta(schema as z.ZodType).tr?.label) || field;
}

/** The referrer `referrersOf` names when the site's own menus link a page. */
const SITE = { collection: 'site', label: 'Site' } as const;

/** A collection's name for one entry, for staff ("Kampanya"; src/collections.ts `cms.singular`; "Site" for the menus), else its name. */
export function collectionLabel(collection: string): string {
  if (collection === SITE.collection) return SITE.label;
  return Object.hasOwn(collections, collection) ? collections[collection as CollectionName].cms.singular : collection;
}

/** A language's name for Turkish staff: "Arapça (العربية)". */
export function localeName(code: string): string {
  try {
    const { nativeName, editorName } = getLocale(code);
    // "Kürtçe (Kurmancî)" already names itself natively: not "Kürtçe (Kurmancî) (Kurmancî)".
    return editorName.includes(nativeName) ? editorName : `${editorName} (${nativeName})`;
  } catch {
    return code;
  }
}

/** The file name and the `slug` field must agree: Decap names files from the field, the site builds URLs from the file. */
export function slugMatchesFileName(file: ContentFile): FileProblem[] {
  const slug = file.data.slug;
  if (slug === undefined || slug === file.name) return [];
  return [
    {
      file: filePath(file),
      field: 'slug',
      en: `field "slug" is "${String(slug)}" but the file is named "${file.name}.md". Make them the same.`,
      tr: `Adres (slug) "${String(slug)}", ama dosyanın adı "${file.name}.md". Adres oluşturulduktan sonra değiştirilemez; eski adresi geri yazın ("${file.name}").`,
    },
  ];
}

/**
 * A page (`pages`, served at /<locale>/<slug>/) must not take the path of a page the site itself
 * has: its search, card, lists and other collections' folders (src/routes.ts `siteRouteSegments`).
 * Checked for every language file, in the build and in the CMS before it writes.
 */
export function pageSlugIsFree(file: ContentFile): FileProblem[] {
  if (file.collection !== 'pages') return [];
  const slug = typeof file.data.slug === 'string' ? file.data.slug : file.name;
  if (!siteRouteSegments().includes(slug)) return [];
  return [
    {
      file: filePath(file),
      field: 'slug',
      en: `field "slug" is "${slug}", the address of one of the site's own pages (/${file.locale}/${slug}/); a page may not replace it. Reserved: ${siteRouteSegments().join(', ')}.`,
      tr: `"${slug}" adresi sitenin kendi sayfalarından birinin adresi (/${file.locale}/${slug}/); bir sayfa onun yerini alamaz. Başka bir adres yazın, örneğin "${slug}-bilgi".`,
    },
  ];
}

/** "about" → "about-2" (or -3, …): the first slug not in `taken`. */
export function freeSlug(slug: string, taken: ReadonlySet<string>): string {
  const base = slug.replace(/-\d+$/, '') || slug;
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new (or duplicated) entry must not take a slug another entry of the collection has. */
export function newSlugIsFree(collection: string, slug: string, taken: ReadonlySet<string>): FileProblem[] {
  if (!taken.has(slug)) return [];
  const suggestion = freeSlug(slug, taken);
  return [
    {
      file: entryFile(collection as CollectionName, defaultLocale, slug),
      field: 'slug',
      en: `slug "${slug}" is already used by another entry of ${collection}; use a free one such as "${suggestion}".`,
      tr: `"${slug}" adresi bu bölümde başka bir girdide kullanılıyor. Başka bir adres yazın, örneğin "${suggestion}".`,
    },
  ];
}

/** What a broken reference says: the field's path ("helplines[2]"), the slug written there, and the slugs that exist. */
interface BrokenReference {
  path: string;
  ref: string;
  known: readonly string[];
}

/** The message of a broken reference, in English (the build's log) and Turkish (the CMS, for staff). */
type ReferenceMessages = Record<'en' | 'tr', (broken: BrokenReference) => string>;

/**
 * Each slug in a list field of an entry must name an existing entry of another collection
 * (a page's `helplines`, an offer check's `campaigns`), so that no link or call button on the
 * page leads nowhere after an entry is renamed or deleted (issue 14).
 * @param file one language file of an entry, as written (front matter before the schema's transforms)
 * @param field the front-matter field holding the list of slugs; absent or not a list: no problem
 *   (the schema reports a wrong type)
 * @param slugs the slugs that exist: the file names of the target collection's entries
 * @param messages the English and Turkish text for one broken reference
 * @returns one problem per slug that names no entry, located at `<field>[<index>]`; none when all exist
 */
export function slugReferences(file: ContentFile, field: string, slugs: ReadonlySet<string>, messages: ReferenceMessages): FileProblem[] {
  const refs = file.data[field];
  if (!Array.isArray(refs)) return [];
  return refs.flatMap((value, i) => {
    const ref = String(value);
    if (slugs.has(ref)) return [];
    const broken = { path: `${field}[${i}]`, ref, known: [...slugs] };
    return [{ file: filePath(file), field: broken.path, en: messages.en(broken), tr: messages.tr(broken) }];
  });
}

/** A page's `helplines` must exist (slugReferences). */
const HELPLINE_REFERENCE: ReferenceMessages = {
  en: ({ path, ref, known }) => `field "${path}" is "${ref}", but there is no helpline with that slug. Known: ${known.join(', ')}.`,
  tr: ({ ref, known }) => `"${ref}" yardım hattı yok (silinmiş olabilir). Listeden çıkarın ya da var olan bir hat seçin: ${known.join(', ')}.`,
};

/** An offer check's `campaigns` must exist (slugReferences). */
const CAMPAIGN_REFERENCE: ReferenceMessages = {
  en: ({ path, ref, known }) => `field "${path}" is "${ref}", but there is no campaign with that slug. Known: ${known.join(', ')}.`,
  tr: ({ ref }) => `"${ref}" kampanyası yok (silinmiş olabilir). Listeden çıkarın ya da var olan bir kampanya seçin.`,
};

/** An upload field's object as written: `file` (a material's PDF) or `audio` (a recording). */
interface UploadField {
  path?: string;
  sizeBytes?: number;
}

/** Staff's words for an upload field's file, in the messages below. */
const uploadWhat = { file: { tr: "PDF'in", missing: 'PDF dosyası' }, audio: { tr: 'Ses kaydının', missing: 'Ses dosyası' } } as const;

/** The upload in `field` is in public/ and as big as the field says (the page prints that size). */
function uploadSize(file: ContentFile, field: keyof typeof uploadWhat, sizeOf: (publicPath: string) => number | undefined): FileProblem[] {
  const upload = file.data[field] as UploadField | undefined;
  if (!upload?.path) return [];
  const what = uploadWhat[field];
  const size = sizeOf(upload.path);
  if (size === undefined) {
    return [
      {
        file: filePath(file),
        field: `${field}.path`,
        en: `field "${field}.path" points to ${upload.path}, which is not in public/.`,
        tr: `${what.missing} bulunamadı: ${upload.path}. Dosyayı yeniden seçin.`,
      },
    ];
  }
  if (size !== upload.sizeBytes) {
    return [
      {
        file: filePath(file),
        field: `${field}.sizeBytes`,
        en: `field "${field}.sizeBytes" is ${upload.sizeBytes}, but ${upload.path} is ${size} bytes.`,
        tr: `${what.tr} kayıtlı boyutu (${upload.sizeBytes} bayt) dosyanın gerçek boyutu (${size} bayt) değil. Dosyayı yeniden seçin, boyut yeniden ölçülsün.`,
      },
    ];
  }
  return [];
}

/** A download's stated size must be the file's: the page prints it next to the link. `sizeOf` answers undefined for a missing file. */
export const downloadSize = (file: ContentFile, sizeOf: (publicPath: string) => number | undefined) => uploadSize(file, 'file', sizeOf);

/** A recording (`audio`, issue 16) must be in public/ and as big as the page says it is (its size is shown before the reader plays it). */
export const recordingSize = (file: ContentFile, sizeOf: (publicPath: string) => number | undefined) => uploadSize(file, 'audio', sizeOf);

/**
 * A recording whose upload the upload rules refuse (src/lib/upload-rules.ts: its bytes are not
 * the MP3 or Opus its name says) is named by the entry and field that show it too, so the editor
 * knows which page to fix. `uploadProblemsAt` gives the problems of the upload at a public path.
 */
export function recordingIsAudio(file: ContentFile, uploadProblemsAt: (publicPath: string) => readonly FileProblem[]): FileProblem[] {
  const path = (file.data.audio as UploadField | undefined)?.path;
  if (!path) return [];
  return uploadProblemsAt(path).map((problem) => ({
    file: filePath(file),
    field: 'audio.path',
    en: `field "audio.path" points to ${path}, which is not a recording the site publishes: ${problem.en}`,
    tr: `${fieldLabel(file.collection, 'audio')}: ${problem.tr}`,
  }));
}

const SITE_ROOT_HINT =
  'Link the page the fact is on; for a law, its own page on mevzuat.gov.tr with the law number in the address (e.g. https://www.mevzuat.gov.tr/mevzuat?MevzuatNo=6458&MevzuatTur=1&MevzuatTertip=5).';

/**
 * True for an address that is only a site's home page (`https://www.mevzuat.gov.tr`,
 * `…/`, `…/#top`): a reader or editor cannot re-check a fact there. Issue 11 (content
 * review 2026-11-29, §5.1): every legal source had linked the portal's home page.
 */
export function isSiteRoot(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '';
  } catch {
    return false; // not a URL at all: the schema reports that
  }
}

/** A source or legal basis links the page the fact is on, not a site's home page (issue 11). */
export function sourcesLinkAPage(file: ContentFile): FileProblem[] {
  return (['sources', 'legalBasis'] as const).flatMap((field) => {
    const items = file.data[field];
    if (!Array.isArray(items)) return [];
    return items.flatMap((item: { url?: unknown }, i) =>
      typeof item?.url === 'string' && isSiteRoot(item.url)
        ? [
            {
              file: filePath(file),
              field: `${field}[${i}].url`,
              en: `field "${field}[${i}].url" is ${item.url}, a site's home page. ${SITE_ROOT_HINT}`,
              tr: `${fieldLabel(file.collection, field)} › ${i + 1}. › Bağlantı: ${item.url} bir sitenin yalnızca ana sayfası; bilgi orada yeniden kontrol edilemez. Bilginin bulunduğu sayfanın adresini yazın (bir kanun için mevzuat.gov.tr'de kanun numarasını içeren sayfası).`,
            },
          ]
        : [],
    );
  });
}

/** `source` is the default locale's status alone; a translation is machine, reviewed or draft. */
export function statusFitsLocale(file: ContentFile): FileProblem[] {
  const status = file.data.translationStatus;
  if (status === undefined) return [];
  const isSource = file.locale === defaultLocale;
  if (isSource && status !== 'source') {
    return [
      {
        file: filePath(file),
        field: 'translationStatus',
        en: `field "translationStatus" is "${String(status)}" in the source language (${defaultLocale}); it must be "source".`,
        tr: `${localeName(file.locale)} kaynak dildir; çeviri durumu "Kaynak metin" olmalı.`,
      },
    ];
  }
  if (!isSource && status === 'source') {
    return [
      {
        file: filePath(file),
        field: 'translationStatus',
        en: `field "translationStatus" is "source" in a translation (${file.locale}); only ${defaultLocale} is the source. Use "machine", "reviewed" or "draft".`,
        tr: `${localeName(file.locale)} bir çeviridir; çeviri durumu "Kaynak metin" olamaz. "Makine çevirisi", "Gözden geçirildi" ya da "Taslak" seçin.`,
      },
    ];
  }
  return [];
}

/** Text a translator translates, joined, for comparing two languages. */
function translatedText(file: ContentFile): string {
  const fields = translatableFieldNames(collectionShapes[file.collection] ?? {});
  return JSON.stringify([fields.map((f) => file.data[f] ?? null), (file.body ?? '').trim()]);
}

/**
 * A published translation that is word for word the source is the source
 * under another language's name ("fill from another language", then publish):
 * the page would show Turkish text right to left, without a notice.
 */
export function notACopyOfTheSource(file: ContentFile, source: ContentFile | undefined): FileProblem[] {
  if (!source || file.locale === defaultLocale || fileKind(file.data) !== 'entry' || fileKind(source.data) !== 'entry') return [];
  if (translatedText(file) !== translatedText(source)) return [];
  return [
    {
      file: filePath(file),
      field: 'title',
      en: `the ${file.locale} text is identical to the ${defaultLocale} source: translate it, or save it as "draft".`,
      tr: `${localeName(file.locale)} metni Türkçe kaynakla birebir aynı. Önce çevirin ya da çeviri durumunu "Taslak" yapıp kaydedin (taslak yayımlanmaz).`,
    },
  ];
}

/** Every entry needs one real language file; Decap stubs and drafts alone publish nothing. */
export function someLanguageIsWritten(files: ContentFile[]): FileProblem[] {
  const first = files[0];
  if (!first || files.some((f) => fileKind(f.data) === 'entry')) return [];
  return [
    {
      file: `${collectionFolder(first.collection as CollectionName)}/${first.name}`,
      en: `every language file is empty (no title). Write the entry in at least one language.`,
      tr: `Bu girdinin hiçbir dilde yazılmış metni yok. En az bir dilde (Türkçe) yazın.`,
    },
  ];
}

/** An offer check's question as the rule below compares it: what must be the same in every language. */
interface OfferQuestionKey {
  id?: unknown;
  signIf?: unknown;
}
const questionKey = (q: OfferQuestionKey | undefined) => (q ? `${String(q.id)} (signIf: ${String(q.signIf)})` : undefined);

/**
 * Every translation of an offer check (issue 16) asks the source's questions: the same `id`s,
 * in the same order, with the same `signIf`; and no id twice in one language.
 *
 * Reasoning: the questions are translated as one list per language, so Decap cannot keep `id`
 * and `signIf` in step across languages. A translator who drops a question, or turns "Is the pay
 * clear?" into "Is the pay unclear?" without flipping `signIf`, would make the result in that
 * language say the opposite of the source.
 */
export function offerQuestionsMatchSource(file: ContentFile, source: ContentFile | undefined): FileProblem[] {
  const questions = file.data.questions;
  if (!Array.isArray(questions) || fileKind(file.data) !== 'entry') return [];
  const problems: FileProblem[] = [];
  const ids = questions.map((q: OfferQuestionKey) => String(q?.id));
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      problems.push({
        file: filePath(file),
        field: `questions[${i}].id`,
        en: `field "questions[${i}].id" is "${id}", which an earlier question already uses; give each question its own id.`,
        tr: `${fieldLabel(file.collection, 'questions')} › ${i + 1}. soru: "${id}" kimliği başka bir soruda da kullanılmış. Her soruya ayrı bir kimlik verin.`,
      });
  });
  const sourceQuestions = source?.data.questions;
  if (!source || source === file || !Array.isArray(sourceQuestions) || fileKind(source.data) !== 'entry') return problems;
  for (let i = 0; i < Math.max(questions.length, sourceQuestions.length); i++) {
    const expected = questionKey(sourceQuestions[i] as OfferQuestionKey | undefined);
    const found = questionKey(questions[i] as OfferQuestionKey | undefined);
    if (expected === found) continue;
    problems.push({
      file: filePath(file),
      field: `questions[${i}]`,
      en: `field "questions[${i}]" is ${found ?? 'missing'}, but the ${defaultLocale} source has ${expected ?? 'no question there'}; translations ask the same questions, with the same id and signIf, in the same order.`,
      tr: `${fieldLabel(file.collection, 'questions')} › ${i + 1}. soru: burada ${found ?? 'soru yok'}, Türkçe kaynakta ${expected ?? 'soru yok'}. Çeviriler aynı soruları, aynı kimlik ve aynı uyarı yanıtıyla, aynı sırada sorar.`,
    });
    break;
  }
  return problems;
}

/** All the cross-entry rules over every language file of the content. */
export function crossEntryProblems(files: ContentFile[], sizeOf: (publicPath: string) => number | undefined): FileProblem[] {
  const helplineSlugs = new Set(files.filter((f) => f.collection === 'helplines').map((f) => f.name));
  const campaignSlugs = new Set(files.filter((f) => f.collection === 'campaigns').map((f) => f.name));
  const byEntry = Map.groupBy(files, (f) => `${f.collection}/${f.name}`);
  const problems: FileProblem[] = [];
  for (const entryFiles of byEntry.values()) {
    const source = entryFiles.find((f) => f.locale === defaultLocale);
    for (const file of entryFiles) {
      problems.push(
        ...slugMatchesFileName(file),
        ...pageSlugIsFree(file),
        ...slugReferences(file, 'helplines', helplineSlugs, HELPLINE_REFERENCE),
        ...downloadSize(file, sizeOf),
        ...recordingSize(file, sizeOf),
        ...sourcesLinkAPage(file),
        ...statusFitsLocale(file),
        ...notACopyOfTheSource(file, source),
        ...offerQuestionsMatchSource(file, source),
        ...slugReferences(file, 'campaigns', campaignSlugs, CAMPAIGN_REFERENCE),
      );
    }
    problems.push(...someLanguageIsWritten(entryFiles));
  }
  return problems;
}

/** An entry other files point to, with who points to it. */
export interface Referrer {
  collection: string;
  name: string;
  title: string;
  why: string;
}

/**
 * Who would break if `collection/name` were deleted: entries listing it as a
 * helpline, and the site's own templates for the pages they link by name.
 * [] when it can go.
 */
export function referrersOf(collection: string, name: string, files: ContentFile[]): Referrer[] {
  const out: Referrer[] = [];
  if (collection === 'pages' && linkedPageSlugs.includes(name)) {
    out.push({ collection: SITE.collection, name, title: 'Sitenin kendisi', why: 'her sayfanın üst ya da alt bölümünde bu sayfaya bağlantı var' });
  }
  if (collection === 'campaigns') {
    const referring = Map.groupBy(
      files.filter((f) => Array.isArray(f.data.campaigns) && (f.data.campaigns as unknown[]).map(String).includes(name)),
      (f) => `${f.collection}/${f.name}`,
    );
    for (const entryFiles of referring.values()) {
      const shown = entryFiles.find((f) => f.locale === defaultLocale) ?? entryFiles[0]!;
      out.push({ collection: shown.collection, name: shown.name, title: String(shown.data.title ?? shown.name), why: `"${fieldLabel(shown.collection, 'campaigns')}" listesinde` });
    }
  }
  if (collection === 'helplines') {
    const referring = Map.groupBy(
      files.filter((f) => f.collection !== 'helplines' && Array.isArray(f.data.helplines) && (f.data.helplines as unknown[]).map(String).includes(name)),
      (f) => `${f.collection}/${f.name}`,
    );
    for (const entryFiles of referring.values()) {
      const shown = entryFiles.find((f) => f.locale === defaultLocale) ?? entryFiles[0]!;
      out.push({ collection: shown.collection, name: shown.name, title: String(shown.data.title ?? shown.name), why: `"${fieldLabel(shown.collection, 'helplines')}" listesinde` });
    }
  }
  return out;
}

/**
 * The order fields are written in (src/lib/content-format.ts): a collection's
 * fields in schema order, then the body; nested objects by their parent's name
 * (sources → title, url), the same across collections.
 */
export function fieldOrderOf(collection: string): { top: string[]; nested: Record<string, string[]>; dates: string[] } {
  return { top: [...Object.keys(collectionShapes[collection] ?? {}), 'body'], nested: nestedFieldOrder, dates: dateFieldNames };
}

/** Top-level fields the site reads as dates (`z.coerce.date()`, the schemas' `date()`), in any collection: written as plain YAML dates. */
export const dateFieldNames: string[] = [
  ...new Set(
    Object.values(collectionShapes).flatMap((shape) =>
      Object.entries(shape)
        .filter(([, schema]) => isDate(schema as z.ZodType))
        .map(([name]) => name),
    ),
  ),
];

function isDate(schema: z.ZodType): boolean {
  // JSON Schema cannot represent a date (toJSONSchema gives {}): look through optional/default wrappers with zod's own unwrap().
  let inner = schema as z.ZodType & { unwrap?: () => z.ZodType };
  while (inner.def.type === 'optional' || inner.def.type === 'default' || inner.def.type === 'nullable') inner = inner.unwrap!() as typeof inner;
  return inner.def.type === 'date';
}

function objectKeys(json: JsonSchema): string[] | undefined {
  if (json.properties) return Object.keys(json.properties);
  if (json.items) return objectKeys(json.items);
  return undefined;
}

export const nestedFieldOrder: Record<string, string[]> = Object.fromEntries(
  Object.values(collectionShapes).flatMap((shape) =>
    Object.entries(jsonSchemaOf(shape).properties ?? {}).flatMap(([name, property]) => {
      const keys = objectKeys(property);
      return keys ? [[name, keys] as const] : [];
    }),
  ),
);
