import { z } from 'astro/zod';
import { translationFields } from './common.ts';

export const settingsSchema = z.object({
  siteName: z.string().min(2).max(60).describe('Name of the site, shown in the header and the tab title.').meta({ cms: { i18n: true } }),
  tagline: z.string().min(2).max(160).describe('One line under the name.').meta({ cms: { i18n: true } }),
  quickExitUrl: z
    .url({ protocol: /^https$/ })
    .describe('Where the quick-exit button goes: a neutral, fast page on another site (e.g. a search engine or weather page).')
    .meta({ cms: { i18n: 'duplicate' } }),
  ...translationFields,
});
