/**
 * Each collection's content loader and its entry ids, for src/content.config.ts. Apart from it so that
 * tests can import them: content.config.ts imports `astro:content`, which only Astro resolves.
 */
import { glob, type Loader } from 'astro/loaders';
import { collectionFolder, dataCollections, type CollectionName } from './collections.ts';
import { flatCopy, flatFrontMatter } from './lib/flat-strings.ts';
import { keepForBuild } from './lib/kept-content-store.ts';
import { strictGlob } from './lib/strict-glob.ts';

/**
 * The id is the path without extension ("ar/fake-job-offers"). Astro's default
 * would use the front-matter `slug` alone, and every locale of one entry would collide.
 * A copy of its own, not a slice of the path: src/lib/flat-strings.ts.
 */
export const byPath = ({ entry }: { entry: string }): string => flatCopy(entry.replace(/\.(md|ya?ml|json)$/, ''));

/**
 * A Markdown collection's loader: `<folder>/<locale>/<slug>.md`. A body that cannot be rendered (or is refused by
 * the sanitiser) fails the build, naming the file (src/lib/strict-glob.ts); the front matter is copied before the
 * schema sees it, so Astro's data-store write is not slowed down (src/lib/flat-strings.ts); the loaded store is
 * kept for the pages rendered in the same process (src/lib/kept-content-store.ts).
 */
export function markdownLoader(name: CollectionName): Loader {
  return flatFrontMatter(keepForBuild(name, strictGlob({ pattern: '*/*.md', base: `./${collectionFolder(name)}`, generateId: byPath })));
}

/** A data collection's loader (YAML or JSON files, src/collections.ts `dataCollections`), its data copied the same way. */
export function dataLoader(name: keyof typeof dataCollections): Loader {
  const spec = dataCollections[name];
  return flatFrontMatter(keepForBuild(name, glob({ pattern: spec.pattern, base: `./${spec.folder}`, generateId: byPath })));
}
