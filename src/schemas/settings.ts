import { z } from 'astro/zod';
import { QUICK_EXIT_DESTINATIONS } from '../lib/content-rules/allowlists.ts';
import { translationFields, withFreeTextRule, withTextRules } from './common.ts';

export const settingsFields = {
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
   * One of the neutral destinations chosen in code (src/lib/content-rules/allowlists.ts):
   * an exit pointed at another server would tell it which readers fled (issue 13).
   * One destination for the whole site, read from the default locale's file only
   * (src/lib/settings.ts, which fails the build without it), so the CMS shows it
   * only there (admin/config.ts): "edited once, not in 7 files" (issue 14).
   */
  quickExitUrl: z
    .enum(QUICK_EXIT_DESTINATIONS, {
      error: `hızlı çıkış yalnızca şu adreslerden birine gidebilir: ${QUICK_EXIT_DESTINATIONS.join(', ')} (the quick exit may only go to one of the neutral destinations in src/lib/content-rules/allowlists.ts)`,
    })
    .optional()
    .describe("Where the quick-exit button goes, for every language: one of a few neutral, fast pages on other sites, chosen by developers. Only in the default language's file.")
    .meta({
      cms: {
        widget: 'select',
        i18n: false,
        tr: {
          label: 'Hızlı çıkış adresi (tüm diller için)',
          hint: 'Hızlı çıkış düğmesinin gittiği tarafsız, hızlı sayfa. Güvenlik için yalnızca geliştiricilerin seçtiği sayfalardan biri olabilir. Tek adres tüm dillerde kullanılır; yalnızca burada, Türkçe ayarlarda düzenlenir.',
          options: {
            'https://www.google.com/webhp': 'Google arama sayfası (https://www.google.com/webhp)',
            'https://www.bbc.com/weather': 'BBC hava durumu (https://www.bbc.com/weather)',
            'https://www.wikipedia.org/': 'Vikipedi giriş sayfası (https://www.wikipedia.org/)',
          },
        },
      },
    }),
  ...translationFields,
};

export const settingsSchema = withTextRules(withFreeTextRule(z.object(settingsFields), settingsFields));
