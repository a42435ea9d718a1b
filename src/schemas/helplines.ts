import { z } from 'astro/zod';
import { HELPLINE_NUMBERS } from '../lib/content-rules/allowlists.ts';
import { languageCode, slug, sources, translationFields, withUntranslatedStubs, keywords } from './common.ts';

export const helplineFields = {
  slug,
  // Only numbers vetted in code (src/lib/content-rules/allowlists.ts): a stolen
  // editor account must not be able to publish a "helpline" of its own (issue 13).
  number: z
    .enum(HELPLINE_NUMBERS, {
      error: `yalnızca onaylı yardım hattı numaraları: ${HELPLINE_NUMBERS.join(', ')}. Yeni bir numara için geliştiricilere başvurun (only the vetted helpline numbers ${HELPLINE_NUMBERS.join(', ')}; a new number is a code change, src/lib/content-rules/allowlists.ts)`,
    })
    .describe(`The number to dial. Only the vetted numbers (${HELPLINE_NUMBERS.join(', ')}) can be chosen; adding one is a code change reviewed by developers.`)
    .meta({ cms: { widget: 'select', i18n: 'duplicate' } }),
  title: z.string().min(2).max(80).describe('Name of the line (e.g. "YİMER – Foreigners Communication Centre").').meta({ cms: { i18n: true } }),
  purpose: z.string().min(10).max(300).describe('What to call it for, in one sentence.').meta({ cms: { widget: 'text', i18n: true } }),
  hours: z
    .string()
    .min(2)
    .max(80)
    .optional()
    .describe('When it answers (e.g. "24 hours, every day"), only as a source says. Leave empty if no source confirms it: the row is then not shown.')
    .meta({ cms: { i18n: true } }),
  // Never "call the line and ask": readers took it to mean an emergency call may cost money, and a
  // closed line cannot tell you its hours (back-translation review, issue 11). Unverified: left out.
  cost: z
    .string()
    .min(2)
    .max(120)
    .optional()
    .describe('What a call costs (e.g. "Free"), only if an official source says so. Leave empty otherwise: the row is then not shown.')
    .meta({ cms: { i18n: true } }),
  languages: z.array(languageCode).min(1).describe('Languages the line answers in, as codes (tr, ar, fa, ru, en...).').meta({ cms: { widget: 'list', i18n: 'duplicate' } }),
  languagesNote: z.string().max(200).optional().describe('Anything readers should know about languages (e.g. "varies by centre").').meta({ cms: { i18n: true } }),
  order: z.number().int().min(0).describe('Position in lists, lowest first.').meta({ cms: { widget: 'number', i18n: 'duplicate' } }),
  sources,
  keywords,
  ...translationFields,
};

export const helplineSchema = withUntranslatedStubs(helplineFields);
