import { z } from 'astro/zod';
import { QUICK_EXIT_DESTINATIONS } from '../lib/content-rules/allowlists.ts';
import { translationFields, withFreeTextRule, withTextRules } from './common.ts';

export const settingsFields = {
  siteName: z.string().min(2).max(60).describe('Name of the site, shown in the header and the tab title.').meta({ cms: { i18n: true } }),
  tagline: z.string().min(2).max(160).describe('One line under the name.').meta({ cms: { i18n: true } }),
  // One of the neutral destinations chosen in code (src/lib/content-rules/allowlists.ts):
  // an exit pointed at another server would tell it which readers fled (issue 13).
  quickExitUrl: z
    .enum(QUICK_EXIT_DESTINATIONS, {
      error: `hızlı çıkış yalnızca şu adreslerden birine gidebilir: ${QUICK_EXIT_DESTINATIONS.join(', ')} (the quick exit may only go to one of the neutral destinations in src/lib/content-rules/allowlists.ts)`,
    })
    .describe('Where the quick-exit button goes: one of a few neutral, fast pages on other sites, chosen by developers.')
    .meta({ cms: { widget: 'select', i18n: 'duplicate' } }),
  ...translationFields,
};

export const settingsSchema = withTextRules(withFreeTextRule(z.object(settingsFields), settingsFields));
