/**
 * The content layer, generated from the collection registry (src/collections.ts).
 * Editors write Markdown under the top-level `content/` folder: one folder per
 * collection, one subfolder per locale, the same file name (slug) in every
 * locale: `content/campaigns/ar/fake-job-offers.md`. Entry ids are therefore
 * `<locale>/<slug>` (`splitEntryId()` reads them back).
 */
import { defineCollection } from 'astro:content';
import { collectionNames, collections as registry, dataCollections } from './collections.ts';
import { dataLoader, markdownLoader } from './content-loaders.ts';

// Typed by hand: Astro infers each collection's entries from its `schema`, which Object.fromEntries would lose.
// The loaders (src/content-loaders.ts): ids from paths, bodies that must render, front matter copied.
const markdown = Object.fromEntries(collectionNames.map((name) => [name, defineCollection({ loader: markdownLoader(name), schema: registry[name].schema })])) as {
  [C in keyof typeof registry]: { loader: ReturnType<typeof markdownLoader>; schema: (typeof registry)[C]['schema'] };
};

const data = Object.fromEntries(
  (Object.keys(dataCollections) as (keyof typeof dataCollections)[]).map((name) => [name, defineCollection({ loader: dataLoader(name), schema: dataCollections[name].schema })]),
) as { [C in keyof typeof dataCollections]: { loader: ReturnType<typeof dataLoader>; schema: (typeof dataCollections)[C]['schema'] } };

export const collections = { ...markdown, ...data };
