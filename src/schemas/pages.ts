import { z } from 'astro/zod';
import { slug, sources, translationFields, withUntranslatedStubs, keywords, audio } from './common.ts';

export const pageFields = {
  slug,
  title: z
    .string()
    .min(2)
    .max(120)
    .describe('Page title.')
    .meta({ cms: { i18n: true, tr: { label: 'Başlık', hint: 'Sayfanın başlığı. 2 ile 120 karakter arası.', pattern: '2 ile 120 karakter arası olmalı' } } }),
  summary: z
    .string()
    .min(10)
    .max(300)
    .describe('One or two sentences for link previews.')
    .meta({
      cms: {
        widget: 'text',
        i18n: true,
        tr: { label: 'Özet', hint: 'Paylaşılan bağlantılarda görünen bir iki cümle. 10 ile 300 karakter arası.', pattern: '10 ile 300 karakter arası olmalı' },
      },
    }),
  sources: sources.optional(),
  keywords,
  audio,
  ...translationFields,
};

export const pageSchema = withUntranslatedStubs(pageFields);
