/**
 * src/lib/kept-content-store.ts: the store the loaders leave in memory is the value the pages would have
 * read back from data-store.json (the same entries, in the order Astro's writer sorts them), and is only
 * offered once every collection registered has loaded (issue 17).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
// Astro's own writer and reader of data-store.json (not in its package exports; what src/integrations/content-store.ts checks).
import { serializeDataStore } from '../../node_modules/astro/dist/content/data-store-writer.js';
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { storeFromFilePlugin } from '../../src/integrations/content-store.ts';
import { keepForBuild, keptStore } from '../../src/lib/kept-content-store.ts';

/** A loader that fills its collection's store with `entries`, in the order given, like a glob loader. */
function loaderOf(entries: [string, Record<string, unknown>][]): Loader {
  return { name: 'test', load: async ({ store }) => void entries.forEach(([id, data]) => store.set({ id, data })) };
}

/** A scoped store as Astro gives a loader, over a Map (astro/dist/content/mutable-data-store.js `scopedStore`). */
function contextFor(collection: string, all: Map<string, Map<string, unknown>>): LoaderContext {
  const map = all.get(collection) ?? new Map<string, unknown>();
  all.set(collection, map);
  const store = { set: ({ id, ...rest }: { id: string }) => (map.set(id, { id, ...rest }), true), entries: () => [...map.entries()] };
  return { collection, store } as unknown as LoaderContext;
}

test('the kept store is the value data-store.json gives, sorted as Astro writes it; nothing until every collection has loaded', async () => {
  const all = new Map<string, Map<string, unknown>>();
  const published = new Date('2026-11-30T00:00:00Z');
  const pages = keepForBuild(
    'pages',
    loaderOf([
      ['tr/yardim', { title: 'Yardım' }],
      ['ar/about', { title: 'من نحن', published }],
      ['tr/about', { title: 'Hakkımızda', note: undefined }],
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
  await pages.load(contextFor('pages', all));
  assert.equal(keptStore(), undefined, 'one collection still to load: the pages read the file');
  await campaigns.load(contextFor('campaigns', all));

  const kept = keptStore()!;
  // What the pages would get from the file: Astro's writer, then Astro's reader of its text (devalue).
  const fromFile = (await MutableDataStore.fromString(serializeDataStore(all))).collections() as Map<string, Map<string, unknown>>;
  assert.deepStrictEqual(kept, fromFile);
  assert.deepEqual([...kept.keys()], [...fromFile.keys()], 'collections in the same order');
  for (const [name, entries] of kept) assert.deepEqual([...entries.keys()], [...fromFile.get(name)!.keys()], `${name}: entries in the same order`);
  assert.deepEqual([...kept.get('pages')!.keys()], ['ar/about', 'tr/about', 'tr/yardim']);
});

// The registry is the process's: filled by the test above.
test('the store module takes the kept store when there is one (a Map, which Astro’s runtime takes as it is)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kept-store-'));
  try {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, serializeDataStore(new Map())); // an empty store on disk: the module must not take it
    const hook = storeFromFilePlugin(file).load as unknown as { handler: (id: string) => { code: string } };
    const module = join(dir, 'store.mjs');
    writeFileSync(module, hook.handler('\0astro:data-layer-content').code);
    const { default: value } = (await import(module)) as { default: unknown };
    assert.ok(value instanceof Map, 'the kept store, not the file');
    assert.deepEqual([...value.keys()], ['campaigns', 'pages']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
