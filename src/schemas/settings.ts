import { z } from 'astro/zod';
import { translationFields } from './common.ts';

export const settingsSchema = z.object({
  siteName: z
    .string()
    .min(2)
    .max(60)
    .describe('Name of the site, shown in the header and the tab title.')
    .meta({ cms: { i18n: true, tr: { label: 'Site adı', hint: 'Sitenin adı; başlıkta ve sekme adında görünür.', pattern: '2 ile 60 karakter arası olmalı' } } }),
  tagline: z
    .string()
    .min(2)
    .max(160)
    .describe('One line under the name.')
    .meta({ cms: { i18n: true, tr: { label: 'Alt başlık', hint: 'Adın altındaki tek satır.', pattern: '2 ile 160 karakter arası olmalı' } } }),
  /**
   * One destination for the whole site, read from the default locale's file only
   * (src/lib/settings.ts), so the CMS shows it only there (admin/config.ts):
   * "edited once, not in 7 files" (issue 14).
   */
  quickExitUrl: z
    .url({ protocol: /^https$/ })
    .optional()
    .describe('Where the quick-exit button goes: a neutral, fast page on another site (e.g. a search engine or weather page). Only in the default language\'s file.')
    .meta({
      cms: {
        i18n: false,
        tr: {
          label: 'Hızlı çıkış adresi (tüm diller için)',
          hint: 'Hızlı çıkış düğmesinin gittiği tarafsız, hızlı bir sayfa (ör. bir arama motoru ya da hava durumu). Tek adres tüm dillerde kullanılır; yalnızca burada, Türkçe ayarlarda düzenlenir.',
          pattern: 'https:// ile başlayan tam bir web adresi olmalı (http:// olmaz)',
        },
      },
    }),
  ...translationFields,
});
