import { z } from 'astro/zod';
import { date, helplineRefs, slug, sources, translationFields, withUntranslatedStubs, keywords } from './common.ts';

/** The trafficking tactics the site has a campaign for; also a search filter. */
export const tactics = [
  'fake-job-offers',
  'debt-bondage',
  'confiscated-documents',
  'online-recruitment',
  'false-romance',
  'smuggling-to-trafficking',
  'forced-begging-child-labour',
  'child-forced-marriage',
] as const;

export const campaignAudiences = ['migrants', 'workers', 'women', 'young-people', 'parents', 'teachers', 'bystanders'] as const;

const textList = (description: string, min: number) =>
  z
    .array(z.string().min(3))
    .min(min)
    .describe(description)
    .meta({ cms: { widget: 'list', i18n: true } });

export const campaignFields = {
  slug,
  title: z
    .string()
    .min(3)
    .max(120)
    .describe('Headline, in plain words (e.g. "A job offer that is too good to be true").')
    .meta({ cms: { i18n: true } }),
  summary: z
    .string()
    .min(10)
    .max(300)
    .describe('One or two short sentences shown in lists and link previews.')
    .meta({ cms: { widget: 'text', i18n: true } }),
  tactic: z
    .enum(tactics)
    .describe('The trafficking tactic this campaign is about.')
    .meta({ cms: { widget: 'select', i18n: 'duplicate' } }),
  audiences: z
    .array(z.enum(campaignAudiences))
    .min(1)
    .describe('Who this campaign speaks to.')
    .meta({ cms: { widget: 'select', i18n: 'duplicate' } }),
  warningSigns: textList('Warning signs, one short sentence each (5 to 8). Shown first on the page.', 3),
  whatToDo: textList('What the reader can do, one step each.', 1),
  whatNotToDo: textList('What not to do, one short sentence each. Optional.', 0).optional(),
  helplines: helplineRefs.min(1, 'show at least one helpline'),
  image: z
    .object({
      src: z
        .string()
        .regex(/^\/uploads\/[\w.\-/]+\.(?:jpe?g|png|webp|avif)$/i, 'an image uploaded to /uploads/ (jpg, png, webp or avif)')
        .describe('Illustration. People-centred and calm: no chains, bars or injuries.')
        // Decap tests an image widget's pattern against the file name only.
        .meta({ cms: { widget: 'image', pattern: ['^[\\w.\\-]+\\.(?:jpe?g|png|webp|avif)$', 'A JPG, PNG, WebP or AVIF image'] } }),
      alt: z.string().min(5, 'describe what the image shows (alt text is required)').describe('What the image shows, for people who cannot see it. Required.'),
    })
    .optional()
    .describe('Optional illustration.')
    .meta({ cms: { widget: 'object', i18n: true } }),
  published: date('Date first published.'),
  updated: date('Date of the last real change to the advice.').optional(),
  sources,
  keywords,
  ...translationFields,
};

export const campaignSchema = withUntranslatedStubs(campaignFields);
