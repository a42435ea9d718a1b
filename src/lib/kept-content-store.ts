/**
 * The content store as the loaders left it, for the pages rendered later in
 * the same process (issue 17, docs/build-speed.md "Session 14").
 *
 * `astro build` syncs the content, writes the store to data-store.json, and
 * the pages then read the store back from that file (40 MB for the peer
 * content: 0.3 s on the build's critical path, and a second copy in memory).
 * Each collection's loader is wrapped by keepForBuild(); once it has loaded,
 * its scoped store stays reachable from a process-wide registry, and the
 * store's module (src/integrations/content-store.ts) takes keptStore() when
 * every collection registered was loaded in this process, else the file.
 *
 * The value is the one the file gives: the same entries, as a Map of
 * collection name → Map of id → entry, both in the order Astro's writer sorts
 * them (`localeCompare`, astro/dist/content/data-store-writer.js), so
 * getCollection() lists entries in the same order. Only the meta collections
 * (`meta:…`: digests Astro keeps for its next sync) are not in it; the pages
 * never read them.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

type EntryList = () => [string, unknown][];
type StoreMap = Map<string, Map<string, unknown>>;

interface Registry {
  /** Collections whose loader was made with keepForBuild(). */
  expected: Set<string>;
  /** Collections loaded in this process: their entries as the store holds them now. */
  loaded: Map<string, EntryList>;
}

/** On globalThis: the content config runs in a Vite module runner, the pages in Astro's bundle; one process, one registry. */
const REGISTRY = Symbol.for('tip-cefm-awareness.kept-content-store');

function registry(): Registry {
  const scope = globalThis as { [REGISTRY]?: Registry };
  return (scope[REGISTRY] ??= { expected: new Set(), loaded: new Map() });
}

/** `loader` for collection `name`, whose store is kept for the pages once it has loaded. */
export function keepForBuild(name: string, loader: Loader): Loader {
  registry().expected.add(name);
  return {
    ...loader,
    async load(context: LoaderContext) {
      await loader.load(context);
      registry().loaded.set(name, () => context.store.entries() as [string, unknown][]);
    },
  };
}

const byKey = (a: [string, unknown], b: [string, unknown]) => a[0].localeCompare(b[0]);

/**
 * The kept store, sorted as Astro writes it; undefined, so that the file is read instead, unless every
 * collection registered was loaded in this process (not so in a render worker of PRERENDER_WORKERS) and
 * has entries (the file has no empty collection: Astro makes one on its first entry, and its runtime
 * tells a missing collection from an empty one).
 */
export function keptStore(): StoreMap | undefined {
  const { expected, loaded } = registry();
  if (expected.size === 0 || [...expected].some((name) => !loaded.has(name))) return undefined;
  const collections = [...loaded].sort(byKey).map(([name, entries]) => [name, new Map(entries().sort(byKey))] as const);
  if (collections.some(([, entries]) => entries.size === 0)) return undefined;
  return new Map(collections);
}
