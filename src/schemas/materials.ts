import { z } from 'astro/zod';
import { date, localeCode, slug, sources, translationFields, withUntranslatedStubs, keywords } from './common.ts';

export const materialAudiences = ['teachers', 'parents', 'students', 'authorities'] as const;
export const materialFormats = ['lesson-plan', 'poster', 'brochure', 'guide'] as const;

/** 10 MB: what the CMS accepts for a material's PDF. */
export const MAX_MATERIAL_FILE_BYTES = 10 * 1024 * 1024;

export const materialFields = {
  slug,
  title: z.string().min(3).max(120).describe('Title of the material.').meta({ cms: { i18n: true } }),
  description: z.string().min(10).max(400).describe('What it is and who it is for, in one or two sentences.').meta({ cms: { widget: 'text', i18n: true } }),
  audiences: z.array(z.enum(materialAudiences)).min(1).describe('Who uses it.').meta({ cms: { widget: 'select', i18n: 'duplicate' } }),
  ageGroup: z.string().min(1).max(40).describe('Age of the children it is about or for (e.g. "12–15"), or "adults".').meta({ cms: { i18n: true }, textRule: 'letters-or-digits' }),
  format: z.enum(materialFormats).describe('Lesson plan, poster, brochure or guide.').meta({ cms: { widget: 'select', i18n: 'duplicate' } }),
  file: z
    .object({
      path: z
        .string()
        .regex(/^\/uploads\/[\w.\-/]+\.pdf$/i, 'a PDF uploaded to /uploads/')
        .describe('The PDF (at most 10 MB).')
        // Decap tests a file widget's pattern against the file name only.
        .meta({ cms: { widget: 'file', maxFileBytes: MAX_MATERIAL_FILE_BYTES, pattern: ['^[\\w.\\-]+\\.pdf$', 'A PDF file (.pdf)'] } }),
      sizeBytes: z
        .number()
        .int()
        .positive()
        .max(MAX_MATERIAL_FILE_BYTES)
        .describe('File size in bytes, measured by the CMS when you choose the PDF; the build checks it against the real file.')
        .meta({ cms: { widget: 'file-size' } }),
      language: localeCode.describe('Language of the PDF.'),
    })
    .optional()
    .describe('Optional downloadable PDF of this material.')
    .meta({ cms: { widget: 'file-with-size', i18n: true } }),
  published: date('Date first published.'),
  sources,
  keywords,
  ...translationFields,
};

export const materialSchema = withUntranslatedStubs(materialFields);
