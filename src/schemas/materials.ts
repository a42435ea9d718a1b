import { z } from 'astro/zod';
import { locales } from '../i18n/locales.ts';
import { date, localeCode, slug, sources, translationFields, withUntranslatedStubs, keywords, audio } from './common.ts';

export const materialAudiences = ['teachers', 'parents', 'students', 'authorities'] as const;
export const materialFormats = ['lesson-plan', 'poster', 'brochure', 'guide'] as const;

/** 10 MB: what the CMS accepts for a material's PDF. */
export const MAX_MATERIAL_FILE_BYTES = 10 * 1024 * 1024;

export const materialFields = {
  slug,
  title: z
    .string()
    .min(3)
    .max(120)
    .describe('Title of the material.')
    .meta({ cms: { i18n: true, tr: { label: 'Başlık', hint: 'Materyalin adı. 3 ile 120 karakter arası.', pattern: '3 ile 120 karakter arası olmalı' } } }),
  description: z
    .string()
    .min(10)
    .max(400)
    .describe('What it is and who it is for, in one or two sentences.')
    .meta({
      cms: {
        widget: 'text',
        i18n: true,
        tr: { label: 'Açıklama', hint: 'Ne olduğu ve kimin için olduğu, bir iki cümleyle. 10 ile 400 karakter arası.', pattern: '10 ile 400 karakter arası olmalı' },
      },
    }),
  audiences: z
    .array(z.enum(materialAudiences))
    .min(1)
    .describe('Who uses it.')
    .meta({
      cms: {
        widget: 'select',
        i18n: 'duplicate',
        tr: {
          label: 'Kimin için',
          hint: 'Kimler kullanır? En az bir seçim. Tüm dillerde aynıdır.',
          options: { teachers: 'Öğretmenler', parents: 'Anne babalar', students: 'Öğrenciler', authorities: 'Yetkililer' },
        },
      },
    }),
  ageGroup: z
    .string()
    .min(1)
    .max(40)
    .describe('Age of the children it is about or for (e.g. "12–15"), or "adults".')
    .meta({
      cms: { i18n: true, tr: { label: 'Yaş grubu', hint: 'Konu edilen ya da hitap edilen çocukların yaşı (ör. "12–15") veya "yetişkinler".' } },
      textRule: 'letters-or-digits',
    }),
  format: z
    .enum(materialFormats)
    .describe('Lesson plan, poster, brochure or guide.')
    .meta({
      cms: {
        widget: 'select',
        i18n: 'duplicate',
        tr: {
          label: 'Biçim',
          hint: 'Ders planı, afiş, broşür ya da rehber. Tüm dillerde aynıdır.',
          options: { 'lesson-plan': 'Ders planı', poster: 'Afiş', brochure: 'Broşür', guide: 'Rehber' },
        },
      },
    }),
  file: z
    .object({
      path: z
        .string()
        .regex(/^\/uploads\/[\w.\-/]+\.pdf$/i, 'a PDF uploaded to /uploads/')
        .describe('The PDF (at most 10 MB).')
        // Decap tests a file widget's pattern against the file name only.
        .meta({
          cms: {
            widget: 'file',
            maxFileBytes: MAX_MATERIAL_FILE_BYTES,
            pattern: ['^[\\w.\\-]+\\.pdf$', 'A PDF file (.pdf)'],
            tr: {
              label: 'PDF dosyası',
              hint: 'En çok 10 MB, gerçek bir PDF. Dosya adı ne olursa olsun Latin harfli, benzersiz bir ada çevrilir.',
              pattern: 'bir PDF dosyası olmalı (.pdf)',
            },
          },
        }),
      sizeBytes: z
        .number()
        .int()
        .positive()
        .max(MAX_MATERIAL_FILE_BYTES)
        .describe('File size in bytes, measured by the CMS when you choose the PDF; the build checks it against the real file.')
        .meta({ cms: { widget: 'file-size', tr: { label: 'Dosya boyutu', hint: 'PDF seçildiğinde ölçülür; elle yazılmaz.' } } }),
      language: localeCode.describe('Language of the PDF.').meta({
        cms: {
          tr: {
            label: "PDF'in dili",
            hint: 'PDF hangi dilde yazılmış?',
            options: Object.fromEntries(locales.map((l) => [l.code, l.editorName === l.nativeName ? l.editorName : `${l.editorName} (${l.nativeName})`])),
          },
        },
      }),
    })
    .optional()
    .describe('Optional downloadable PDF of this material.')
    .meta({
      cms: {
        widget: 'file-with-size',
        i18n: true,
        tr: { label: 'İndirilebilir PDF', hint: "İsteğe bağlı. Her dil kendi PDF'ini seçer: Türkçe bölmede seçilen PDF yalnızca Türkçe sayfada görünür." },
      },
    }),
  published: date('Date first published.', { label: 'Yayın tarihi', hint: 'İlk yayımlandığı gün (gg.aa.yyyy). Tüm dillerde aynıdır.' }),
  sources,
  keywords,
  audio,
  ...translationFields,
};

export const materialSchema = withUntranslatedStubs(materialFields);
