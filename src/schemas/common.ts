/**
 * Building blocks shared by every content schema.
 *
 * Each field's `.describe()` text is the hint editors see in the CMS, and
 * `.meta({ cms })` says how the CMS edits it (widget, whether translators
 * change it per language or it is copied to every language). The CMS config in
 * `admin/` is generated from these schemas, so the two cannot drift.
 */
import { z } from 'astro/zod';
import { localeCodes } from '../i18n/locales.ts';
import { describeProblem, type Problem } from '../lib/content-rules/problem.ts';
import { freeTextProblems, rawDataProblems, type TextRule, type TextSchemaNode } from '../lib/content-rules/text.ts';

export interface CmsFieldMeta {
  /** Decap widget. Defaults: string → "string", array of strings → "list", boolean → "boolean". */
  widget?:
    | 'string'
    | 'text'
    | 'markdown'
    | 'datetime'
    | 'select'
    | 'list'
    | 'object'
    | 'number'
    | 'image'
    | 'file'
    | 'hidden'
    | 'relation'
    | 'boolean'
    /** admin/widgets.tsx: an object {path, sizeBytes, …} whose size is measured from the chosen file. */
    | 'file-with-size'
    /** admin/widgets.tsx: the measured size, shown read-only. */
    | 'file-size'
    /** admin/widgets.tsx: a date typed and shown as gg.aa.yyyy, stored as YYYY-MM-DD. */
    | 'date-tr'
    /** admin/widgets.tsx: the slug, with a Latin suggestion for Turkish letters and a free one for a copy; read-only once created. */
    | 'slug'
    /** admin/translation-widget.tsx: the translation status of this pane's language, with the "outdated" notice and word diff. */
    | 'translation-status';
  /**
   * true: translated per language. "duplicate": one value, copied to every language file.
   * false: only in the default language.
   */
  i18n?: true | 'duplicate' | false;
  /** For relation widgets: the collection the value points to (tests/unit/registry.unit.test.ts checks it is registered). */
  collection?: string;
  /** For relation widgets: the fields each option shows and is found by (Decap `display_fields`, `search_fields`); default: title. */
  displayFields?: string[];
  /** Decap `pattern` check, kept next to the zod regex it mirrors. */
  pattern?: [string, string];
  /** For file widgets: the largest upload the CMS accepts, in bytes. */
  maxFileBytes?: number;
  /**
   * What staff read in the editor's language (EDITOR_LOCALE in admin/config.ts):
   * the English `.describe()` text stays for developers, this is the CMS's label,
   * hint, pattern message and option labels. tests/unit/cms-config.unit.test.ts fails
   * if a field has none.
   */
  tr?: EditorText;
}

/** One field's text for staff, in one editor language. */
export interface EditorText {
  label: string;
  hint?: string;
  /** Shown when the value does not match `pattern` (Decap prefixes the field label). */
  pattern?: string;
  /** Labels of a select's options, by value. */
  options?: Record<string, string>;
}

declare module 'zod/v4/core' {
  interface GlobalMeta {
    cms?: CmsFieldMeta;
    /** What a free-text field must contain besides its length (src/lib/content-rules/text.ts); default 'letters'. */
    textRule?: TextRule;
  }
}

/**
 * The Markdown body's text for staff. The body is no front-matter field, so it
 * has no schema to carry its meta: the CMS's body field (admin/config.ts) and
 * every message about the body (src/lib/content-rules/entries.ts `fieldLabel`)
 * read it here.
 */
export const bodyText: EditorText = { label: 'Metin', hint: 'Sayfanın ana metni. Ara başlık (##) ve liste kullanın; cümleler kısa olsun.' };

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The file name, in Latin letters, so a Persian or Arabic title never produces an empty file name. */
export const slug = z
  .string()
  .regex(SLUG_PATTERN, 'use lowercase Latin letters, digits and hyphens only, e.g. "fake-job-offers"')
  .describe('Web address of this entry, in lowercase Latin letters and hyphens (e.g. fake-job-offers). The same in every language.')
  .meta({
    cms: {
      widget: 'slug',
      i18n: 'duplicate',
      pattern: [SLUG_PATTERN.source, 'Lowercase Latin letters, digits and hyphens only'],
      tr: {
        label: 'Adres (slug, Latin harflerle)',
        hint: 'Sayfanın web adresi ve dosyanın adı: küçük Latin harfleri, rakamlar ve tire (ör. sahte-is-ilanlari). Türkçe harfleri yazabilirsiniz, düzeltmeyi önerir. Girdi oluşturulduktan sonra değiştirilemez.',
        pattern: 'yalnızca küçük Latin harfleri (a-z), rakamlar ve tire; boşluk ve Türkçe harf yok (ör. cocuk-isciligi)',
      },
    },
  });

/**
 * `source` only in the default locale; `draft` only in a translation: saved
 * unfinished, never published (the site shows the fallback, like a missing translation).
 */
export const translationStatuses = ['source', 'machine', 'reviewed', 'draft'] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

export const translationStatus = z
  .enum(translationStatuses)
  .describe(
    'source: the original text (default language only). machine: machine translation, not yet checked by a native speaker (the page says so). reviewed: checked by a native speaker. draft: an unfinished translation, saved but not published (the page shows the fallback).',
  )
  .meta({
    cms: {
      widget: 'translation-status',
      i18n: true,
      tr: {
        label: 'Çeviri durumu',
        hint: 'Makine çevirisi: henüz anadili bu dil olan biri kontrol etmedi (sayfada belirtilir). Gözden geçirildi: anadili bu dil olan biri kontrol etti. Taslak: yarım kalmış çeviri; kaydedilir ama yayımlanmaz, sayfa yedek dili gösterir.',
        options: { source: 'Kaynak metin (Türkçe)', machine: 'Makine çevirisi', reviewed: 'Gözden geçirildi', draft: 'Taslak (yayımlanmaz)' },
      },
    },
  });

/** Hash of the source-language entry this translation was made from; the translation report compares it. */
export const sourceHash = z
  .string()
  .regex(/^[0-9a-f]{8,64}$/, 'a hexadecimal hash, written by `npm run translations -- --stamp`')
  .optional()
  .describe('Fingerprint of the source text this translation was made from. Written by the CMS when a translation is saved (src/lib/translation-status.ts).')
  .meta({ cms: { widget: 'hidden', i18n: true, tr: { label: 'Kaynak metnin parmak izi' } } });

/** Who set the status to "reviewed", and when: written by the CMS (admin/save.ts). */
export const reviewedBy = z
  .string()
  .max(100)
  .optional()
  .describe('Who marked this translation reviewed (their CMS login). Written by the CMS.')
  .meta({ cms: { widget: 'hidden', i18n: true, tr: { label: 'Gözden geçiren' } } });

export const reviewedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .describe('Date this translation was marked reviewed (YYYY-MM-DD). Written by the CMS.')
  .meta({ cms: { widget: 'hidden', i18n: true, tr: { label: 'Gözden geçirme tarihi' } } });

export const date = (description: string, tr: EditorText) =>
  z.coerce
    .date()
    .describe(description)
    .meta({ cms: { widget: 'date-tr', i18n: 'duplicate', tr } });

/**
 * A link to an official text or source: https only, so what an editor checks
 * is what readers get (issue 13; an http: link can be altered on the way).
 */
export const httpsUrl = z.url({
  protocol: /^https$/,
  error: 'https:// ile başlayan tam bir web adresi olmalı (a full https:// address; http: is not accepted)',
});

export const source = z
  .object({
    title: z
      .string()
      .min(3)
      .describe('Name of the source: law, report or official page.')
      .meta({ cms: { tr: { label: 'Kaynağın adı', hint: 'Kanun, rapor ya da resmî sayfanın adı.' } } }),
    url: httpsUrl
      .optional()
      .describe('Link to the source, if it is online (https://…).')
      .meta({
        cms: {
          tr: {
            label: 'Bağlantı',
            hint: 'Kaynak internetteyse adresi (https:// ile başlar; http:// kabul edilmez).',
            pattern: 'https:// ile başlayan tam bir web adresi olmalı (http:// olmaz)',
          },
        },
      }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language code such as "tr", "en" or "de"')
      .optional()
      .describe('Language the title is written in (tr, en, de…), so screen readers read it in that language. Leave empty to let the site recognise it.')
      .meta({
        cms: {
          tr: {
            label: 'Başlığın dili',
            hint: 'Başlık hangi dilde yazıldıysa onun kodu (tr, en, de…); ekran okuyucular başlığı o dilde okur. Boş bırakılırsa site dili kendisi tanır.',
            pattern: '"tr", "en" ya da "de" gibi bir dil kodu olmalı',
          },
        },
      }),
  })
  .describe('Where a fact comes from, so an editor can check it again.');

export const sources = z
  .array(source)
  .min(1, 'list at least one source for the facts on this page')
  .describe('Where the facts on this page come from. At least one.')
  .meta({ cms: { widget: 'list', i18n: 'duplicate', tr: { label: 'Kaynaklar', hint: 'Bu sayfadaki bilgilerin nereden geldiği. En az bir kaynak. Tüm dillerde aynıdır.' } } });

/** Slugs of helplines (content/helplines/<locale>/<slug>.md); checked to exist at build time. */
export const helplineRefs = z
  .array(z.string().regex(SLUG_PATTERN))
  .describe('Helplines to show on this page, most important first.')
  .meta({
    cms: {
      widget: 'relation',
      collection: 'helplines',
      // Editors choose a line by its number ("157 YİMER – …"): the names no longer carry it (issue 11).
      displayFields: ['number', 'title'],
      i18n: 'duplicate',
      tr: { label: 'Yardım hatları', hint: 'Bu sayfada gösterilecek yardım hatları, en önemlisi önce. Tüm dillerde aynıdır.' },
    },
  });

export const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'a two- or three-letter language code such as "ar" or "en"');

export const localeCode = z.enum(localeCodes as [string, ...string[]]);

/**
 * Words readers search for that the text does not use (issue 12): other spellings, Dari or
 * dialect words, everyday words and abbreviations. Per language, never shown on the page;
 * scripts/build/search-index.mjs indexes them with a low weight, so they find the page without
 * outranking pages whose text uses the word. Not part of the translated text: each language
 * has its own readers' words, so they do not count towards the source hash (./meta.ts).
 */
export const keywords = z
  // A reader may search for a number ("157"), so digits alone are words here (src/lib/content-rules/text.ts).
  .array(z.string().trim().min(2).max(60).meta({ textRule: 'letters-or-digits' }))
  .max(40, 'at most 40 search words')
  .optional()
  .describe(
    'Search words: what readers might type that this text does not say (another spelling, a Dari or dialect word, an everyday word such as "hotline" or "ВНЖ"). One word or short phrase per line. Never shown on the page.',
  )
  .meta({
    cms: {
      widget: 'list',
      i18n: true,
      tr: {
        label: 'Arama kelimeleri (sayfada görünmez)',
        hint: 'Okurların arayabileceği ama metinde geçmeyen sözcükler: başka bir yazılış, Dari ya da yöresel bir sözcük, gündelik bir sözcük. Her satıra bir sözcük ya da kısa ifade. Her dilin kendi kelimeleri vardır; sayfada gösterilmez.',
      },
    },
  });

/** 20 MB: the largest recording the CMS accepts (about 20 minutes of speech as MP3 at 128 kbit/s, far longer as Opus). */
export const MAX_RECORDING_BYTES = 20 * 1024 * 1024;

/**
 * The recording's public path: an MP3 (.mp3) or an Opus file (.opus, or .ogg for Opus in Ogg)
 * in /uploads/ (no ".." out of it). The bytes must say the same (src/lib/upload-rules.ts: Ogg "OggS" with an
 * "OpusHead", MP3 an "ID3" tag or an MPEG frame sync), checked by the build and on upload.
 */
export const RECORDING_PATH = /^\/uploads\/(?!.*\.\.)[\w.\-/]+\.(?:mp3|opus|ogg)$/i;

/**
 * A recording of the page read aloud by a speaker of its language (issue 16, part 3): for
 * readers whose phone has no local voice for the language (often Pashto and Kurmanji), and
 * for anyone who prefers a human voice or reads with difficulty. One per language file: each
 * translation has its own recording or none. The page shows it as `<audio controls
 * preload="none">` with its type and size (src/components/Listen/Recording.astro), so nothing
 * of it is downloaded until the reader presses play. Not counted in the source hash
 * (./meta.ts): a new recording does not make the other languages' translations outdated.
 */
export const audio = z
  .object({
    path: z
      .string()
      .regex(RECORDING_PATH, 'an MP3 or Opus recording uploaded to /uploads/ (.mp3, .opus or .ogg)')
      .describe('The recording: MP3, or Opus (.opus, or .ogg), at most 20 MB.')
      // Decap tests a file widget's pattern against the file name only.
      .meta({
        cms: {
          widget: 'file',
          maxFileBytes: MAX_RECORDING_BYTES,
          pattern: ['^[\\w.\\-]+\\.(?:mp3|opus|ogg)$', 'An MP3 or Opus file (.mp3, .opus, .ogg)'],
          tr: {
            label: 'Ses dosyası',
            hint: 'En çok 20 MB, gerçek bir MP3 ya da Opus (.opus, .ogg) ses dosyası. Dosya adı ne olursa olsun Latin harfli, benzersiz bir ada çevrilir.',
            pattern: 'bir MP3 ya da Opus ses dosyası olmalı (.mp3, .opus, .ogg)',
          },
        },
      }),
    sizeBytes: z
      .number()
      .int()
      .positive()
      .max(MAX_RECORDING_BYTES)
      .describe('File size in bytes, measured by the CMS when you choose the recording; shown to readers and checked by the build against the real file.')
      .meta({ cms: { widget: 'file-size', tr: { label: 'Dosya boyutu', hint: 'Ses dosyası seçildiğinde ölçülür; elle yazılmaz.' } } }),
  })
  .optional()
  .describe('Optional recording of this page read aloud in this language by a speaker. Readers see its type and size before they play it.')
  .meta({
    cms: {
      widget: 'file-with-size',
      i18n: true,
      tr: {
        label: 'Sesli okuma',
        hint: 'Bu sayfanın bu dilde, o dili konuşan biri tarafından sesli okunmuş kaydı. Özellikle telefonda sesli okuma olmayan diller için (Peştuca, Kurmancî). Her dil kendi kaydını seçer; okur, dinlemeden önce türünü ve boyutunu görür.',
      },
    },
  });

export const translationFields = {
  translationStatus,
  sourceHash,
  reviewedBy,
  reviewedAt,
};

/**
 * Decap CMS writes a file for every language even when nobody translated it,
 * holding only the fields copied to every language (decap-cms issue #6932).
 * Such a file has no title and no translation status. We read it as
 * "not translated yet": the page falls back to another language with a notice
 * instead of failing the build or publishing an empty page.
 *
 * The discriminator is added here so that a real entry with a missing field
 * still gets zod's precise error ("title: required") rather than a vague union error.
 */
export function withUntranslatedStubs<T extends z.ZodRawShape>(shape: T) {
  const entry = withFreeTextRule(z.object({ ...shape, kind: z.literal('entry') }), shape);
  const stub = z.looseObject({ kind: z.literal('stub'), slug: z.string().optional() });
  // A translation saved unfinished (issue 14): any subset of the fields, never shown on the site.
  const draft = z.looseObject({ kind: z.literal('draft'), slug: z.string().optional(), translationStatus: z.literal('draft') });
  return withTextRules(
    z.preprocess(
      (data) => {
        if (data && typeof data === 'object' && !Array.isArray(data)) {
          const record = data as Record<string, unknown>;
          return { ...record, kind: fileKind(record) };
        }
        return data;
      },
      z.discriminatedUnion('kind', [entry, stub, draft]),
    ),
  );
}

function addProblems(ctx: z.core.$RefinementCtx, problems: Problem[]) {
  // params.tr: the Turkish alone, for the CMS guard (admin/guard.ts); the message has both languages, for the build log.
  for (const problem of problems) ctx.addIssue({ code: 'custom', path: [...problem.path], message: describeProblem(problem), params: { tr: problem.tr } });
}

/**
 * Every string of the entry, at any depth: no bidi controls, no forbidden
 * keys (src/lib/content-rules/text.ts). The same functions run in the CMS
 * save guard, so what the CMS accepts, the build accepts.
 */
export function withTextRules<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((data, ctx) => addProblems(ctx, rawDataProblems(data))) as unknown as S;
}

/** Free-text fields of `shape` must contain letters (or digits, where the field says `textRule: 'letters-or-digits'`). */
export function withFreeTextRule<S extends z.ZodType>(schema: S, shape: z.ZodRawShape): S {
  const json = z.toJSONSchema(z.object(shape), { io: 'input', unrepresentable: 'any' }) as TextSchemaNode;
  return schema.superRefine((data, ctx) => addProblems(ctx, freeTextProblems(json, data))) as unknown as S;
}

/**
 * How the site reads one language file: a real entry, Decap's untranslated stub (no title and no
 * translation status), or a draft translation. The one test for it, used by the schemas above, the
 * cross-entry rules, the CMS's translation status and the translation report (scripts/content/).
 */
export function fileKind(data: Record<string, unknown>): 'entry' | 'stub' | 'draft' {
  if (data.translationStatus === 'draft') return 'draft';
  return data.title === undefined && data.translationStatus === undefined ? 'stub' : 'entry';
}
