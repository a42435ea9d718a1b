import { z } from 'astro/zod';
import { date, helplineRefs, httpsUrl, slug, sources, translationFields, withUntranslatedStubs, keywords } from './common.ts';

export const rightsFields = {
  slug,
  title: z.string().min(3).max(120).describe('The right, in plain words (e.g. "Your documents belong to you").').meta({ cms: { i18n: true } }),
  summary: z.string().min(10).max(300).describe('One or two short sentences shown in lists and link previews.').meta({ cms: { widget: 'text', i18n: true } }),
  legalBasis: z
    .array(
      z.object({
        law: z.string().min(3).describe('Name of the law or regulation (e.g. "Law No. 6458 on Foreigners and International Protection").'),
        article: z.string().min(1).describe('Article number (e.g. "Art. 48").'),
        url: httpsUrl.optional().describe('Official text, e.g. on mevzuat.gov.tr (https://…).'),
      }),
    )
    .min(1, 'name the law and article this right rests on')
    .describe('The law and article this right rests on.')
    .meta({ cms: { widget: 'list', i18n: true } }),
  lastReviewed: date('When a person last checked this against the official text.'),
  helplines: helplineRefs,
  sources,
  keywords,
  ...translationFields,
};

export const rightsSchema = withUntranslatedStubs(rightsFields);
