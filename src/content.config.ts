/**
 * The content layer, generated from the collection registry (src/collections.ts).
 * Editors write Markdown under the top-level `content/` folder: one folder per
 * collection, one subfolder per locale, the same file name (slug) in every
 * locale: `content/campaigns/ar/fake-job-offers.md`. Entry ids are therefore
 * `<locale>/<slug>` (`splitEntryId()` reads them back).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionFolder, collectionNames, collections as registry, dataCollections } from './collections.ts';
import { flatCopy, flatFrontMatter } from './lib/flat-strings.ts';
import { strictGlob } from './lib/strict-glob.ts';

/**
 * The id is the path without extension ("ar/fake-job-offers"). Astro's default
 * would use the front-matter `slug` alone, and every locale of one entry would collide.
 * A copy of its own, not a slice of the path: src/lib/flat-strings.ts.
 */
const byPath = ({ entry }: { entry: string }) => flatCopy(entry.replace(/\.(md|ya?ml|json)$/, ''));

// Typed by hand: Astro infers each collection's entries from its `schema`, which Object.fromEntries would lose.
const markdown = Object.fromEntries(
  collectionNames.map((name) => [
    name,
    // A body that cannot be rendered (or is refused by the sanitiser) fails the build, naming the file: src/lib/strict-glob.ts.
    // Front matter copied before the schemas see it, so Astro's data-store write is not slowed down: src/lib/flat-strings.ts.
    defineCollection({ loader: flatFrontMatter(strictGlob({ pattern: '*/*.md', base: `./${collectionFolder(name)}`, generateId: byPath })), schema: registry[name].schema }),
  ]),
) as { [C in keyof typeof registry]: { loader: ReturnType<typeof flatFrontMatter>; schema: (typeof registry)[C]['schema'] } };

const data = Object.fromEntries(
  Object.entries(dataCollections).map(([name, spec]) => [
    name,
    defineCollection({ loader: flatFrontMatter(glob({ pattern: spec.pattern, base: `./${spec.folder}`, generateId: byPath })), schema: spec.schema }),
  ]),
) as { [C in keyof typeof dataCollections]: { loader: ReturnType<typeof flatFrontMatter>; schema: (typeof dataCollections)[C]['schema'] } };

export const collections = { ...markdown, ...data };
