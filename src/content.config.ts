/**
 * Content collections. Editors write Markdown under the top-level `content/`
 * folder: one folder per collection, one subfolder per locale, the same file
 * name (slug) in every locale: `content/campaigns/ar/fake-job-offers.md`.
 * Entry ids are therefore `<locale>/<slug>`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { strictGlob } from './lib/strict-glob.ts';
import { campaignSchema, helplineSchema, materialSchema, pageSchema, rightsSchema, settingsSchema } from './schemas/index.ts';

/**
 * The id is the path without extension ("ar/fake-job-offers"). Astro's default
 * would use the front-matter `slug` alone, and every locale of one entry would collide.
 */
const byPath = ({ entry }: { entry: string }) => entry.replace(/\.(md|ya?ml|json)$/, '');
/** A body that cannot be rendered (or is refused by the sanitiser) fails the build, naming the file: src/lib/strict-glob.ts. */
const markdownIn = (folder: string) => strictGlob({ pattern: '*/*.md', base: `./content/${folder}`, generateId: byPath });

export const collections = {
  campaigns: defineCollection({ loader: markdownIn('campaigns'), schema: campaignSchema }),
  rights: defineCollection({ loader: markdownIn('rights'), schema: rightsSchema }),
  materials: defineCollection({ loader: markdownIn('materials'), schema: materialSchema }),
  helplines: defineCollection({ loader: markdownIn('helplines'), schema: helplineSchema }),
  pages: defineCollection({ loader: markdownIn('pages'), schema: pageSchema }),
  settings: defineCollection({ loader: glob({ pattern: '*/site.yml', base: './content/settings', generateId: byPath }), schema: settingsSchema }),
  /** UI strings, one JSON file per locale; completeness is checked by tests/unit/ui-strings.test.ts. */
  i18n: defineCollection({
    loader: glob({ pattern: '*.json', base: './content/i18n', generateId: byPath }),
    schema: z.record(z.string(), z.unknown()),
  }),
};
