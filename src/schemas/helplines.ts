import { z } from 'astro/zod';
import { languageCode, slug, sources, translationFields, withUntranslatedStubs, keywords } from './common.ts';

/** Digits only, 3 to 15 (112, 157, 183, or a full number with country code and a leading +). */
export const PHONE_PATTERN = /^\+?[0-9]{3,15}$/;

export const helplineFields = {
  slug,
  number: z
    .string()
    .regex(PHONE_PATTERN, 'a phone number: digits only, optionally starting with +, no spaces (e.g. "157")')
    .describe('The number to dial, digits only (e.g. 157).')
    .meta({ cms: { i18n: 'duplicate', pattern: [PHONE_PATTERN.source, 'Digits only, optionally starting with +'] } }),
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
