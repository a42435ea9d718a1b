/**
 * src/lib/kept-content-store.ts: the store the loaders leave in memory is the value the pages would have
 * read back from data-store.json (the same entries, in the order Astro's writer sorts them), and is only
 * offered once every collection registered has loaded and has entries (issue 17). The registry is the
 * process's, so the steps run in order in one test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
// Astro's own store, writer and reader of data-store.json (not in its package exports; src/integrations/content-store.ts checks the code it relies on).
import { serializeDataStore } from '../../node_modules/astro/dist/content/data-store-writer.js';
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { storeFromFilePlugin } from '../../src/integrations/content-store.ts';
import { keepForBuild, keptStore } from '../../src/lib/kept-content-store.ts';

/** A loader that stores `entries` in the order given, through the scoped store Astro gives it. */
function loaderOf(entries: [string, Record<string, unknown>][]): Loader {
  return { name: 'test', load: async ({ store }) => void entries.forEach(([id, data]) => store.set({ id, data, digest: `d-${id}` })) };
}

/** Runs `loader` as Astro's content layer does, against Astro's own store. */
async function loadInto(store: MutableDataStore, collection: string, loader: Loader) {
  await loader.load({ collection, store: store.scopedStore(collection), meta: store.metaStore(collection) } as unknown as LoaderContext);
}

/** The store the pages would get from the file: Astro's writer, then Astro's reader of its text (devalue). */
async function fromFile(store: MutableDataStore) {
  const all = (await MutableDataStore.fromString(serializeDataStore(store.collections()))).collections() as Map<string, Map<string, unknown>>;
  return { all, collections: new Map([...all].filter(([name]) => !name.startsWith('meta:'))) };
}

test('the kept store is what data-store.json gives, sorted as Astro sorts it; the file is read until every collection has loaded with entries', async () => {
  const store = new MutableDataStore();
  store.metaStore().set('content-config-digest', 'abc'); // Astro's own meta collection, in the file only
  const published = new Date('2026-11-30T00:00:00Z');
  // Ids whose order differs between a plain sort and localeCompare (capitals, "-" and "_").
  const pages = keepForBuild(
    'pages',
    loaderOf([
      ['en/Zeta', { title: 'Z' }],
      ['en/apple', { title: 'A', published }],
      ['a_b', { title: 'من نحن' }],
      ['a-b', { title: 'Yardım', note: undefined }],
    ]),
  );
  const campaigns = keepForBuild(
    'campaigns',
    loaderOf([
      ['ku/debt', { title: 'Deyn' }],
      ['en/debt', { title: 'Debt', tags: ['a', 'b'] }],
    ]),
  );
  assert.equal(keptStore(), undefined, 'nothing loaded yet');
  await loadInto(store, 'pages', pages);
  assert.equal(keptStore(), undefined, 'one collection still to load: the pages read the file');
  await loadInto(store, 'campaigns', campaigns);

  const kept = keptStore()!;
  const file = await fromFile(store);
  assert.ok(file.all.has('meta::meta'), "the file has Astro's meta collection, which the pages never read");
  assert.deepStrictEqual(kept, file.collections);
  assert.deepEqual([...kept.keys()], [...file.collections.keys()], 'collections in the same order');
  for (const [name, entries] of kept) assert.deepEqual([...entries.keys()], [...file.collections.get(name)!.keys()], `${name}: entries in the same order`);
  assert.deepEqual([...kept.get('pages')!.keys()], ['a_b', 'a-b', 'en/apple', 'en/Zeta'], "localeCompare's order, as Astro's writer sorts");

  // The store's module takes it: a Map, which Astro's runtime takes as it is.
  const dir = mkdtempSync(join(tmpdir(), 'kept-store-'));
  try {
    const json = join(dir, 'data-store.json');
    writeFileSync(json, serializeDataStore(new Map())); // an empty store on disk: the module must not take it
    const hook = storeFromFilePlugin(json).load as unknown as { handler: (id: string) => { code: string } };
    const module = join(dir, 'store.mjs');
    writeFileSync(module, hook.handler('\0astro:data-layer-content').code);
    const { default: value } = (await import(module)) as { default: unknown };
    assert.deepStrictEqual(value, file.collections, 'the kept store, not the file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A collection that loaded nothing is missing from the file (Astro makes one on its first entry): the file is read.
  const empty = keepForBuild('offer-checks', loaderOf([]));
  await loadInto(store, 'offer-checks', empty);
  assert.equal((await fromFile(store)).all.has('offer-checks'), false);
  assert.equal(keptStore(), undefined);
});
