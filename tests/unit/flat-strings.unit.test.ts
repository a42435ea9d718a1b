/**
 * src/lib/flat-strings.ts and its use in src/content-loaders.ts: the content
 * store gets the same values, as copies of their own rather than slices of each
 * file's text (issue 17: a slice makes Astro's data-store write ~3× slower; the
 * speed itself is the benchmark's, not a test's).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { collectionNames, dataCollections, entryFile } from '../../src/collections.ts';
import { dataLoader, markdownLoader } from '../../src/content-loaders.ts';
import { copiesFrontMatter, flatFrontMatter } from '../../src/lib/flat-strings.ts';

type ParseProps = Parameters<LoaderContext['parseData']>[0];

/** What the schemas are given when a loader parses `props` through flatFrontMatter(). */
async function parsedBy(props: ParseProps): Promise<unknown[]> {
  const seen: unknown[] = [];
  const context = { collection: 'pages', parseData: async (given: ParseProps) => (seen.push(given.data), given.data) } as unknown as LoaderContext;
  const inner: Loader = { name: 'inner', load: async (ctx) => void (await ctx.parseData(props)) };
  await flatFrontMatter(inner).load(context);
  return seen;
}

test('flatFrontMatter: the schemas get the same front matter (Dates, nesting, non-Latin text), as a copy', async () => {
  const file = `---\ntitle: "جواز سفرك وهويتك ملك لك"\n---\n${'x'.repeat(200)}`;
  const title = file.slice(12, 35); // 23 characters: a slice, as js-yaml makes it
  const data = {
    title,
    published: new Date('2026-11-30T00:00:00Z'),
    keywords: ['pasaport', 'kimlik'],
    sources: [{ title: 'IOM', url: 'https://www.iom.int/' }],
    draft: false,
    order: 3,
    note: null,
  };
  const seen = await parsedBy({ id: 'ar/a', data, filePath: entryFile('pages', 'ar', 'a') });
  assert.equal(seen.length, 1);
  assert.deepStrictEqual(seen[0], data);
  assert.notEqual(seen[0], data, 'a copy, not the same object');
  assert.ok((seen[0] as typeof data).published instanceof Date);
  assert.equal((seen[0] as typeof data).title, 'جواز سفرك وهويتك ملك لك');
});

test('flatFrontMatter: keeps the loader it wraps; a value that cannot be copied fails, naming the file', async () => {
  assert.equal(flatFrontMatter({ name: 'strict-glob', load: async () => undefined }).name, 'strict-glob');
  const file = entryFile('pages', 'tr', 'a');
  await assert.rejects(parsedBy({ id: 'tr/a', data: { fn: () => 1 }, filePath: file }), (error: Error) =>
    error.message.startsWith(`${file}: its front matter cannot be read as data`),
  );
});

test("every collection's loader copies its front matter or data (src/content-loaders.ts)", () => {
  for (const name of collectionNames) assert.ok(copiesFrontMatter(markdownLoader(name)), name);
  for (const name of Object.keys(dataCollections) as (keyof typeof dataCollections)[]) assert.ok(copiesFrontMatter(dataLoader(name)), name);
  assert.equal(copiesFrontMatter({ name: 'glob-loader', load: async () => undefined }), false);
});

test('flatCopy and the entry ids: a slice of a file becomes a string of its own (V8 string types, read with --allow-natives-syntax)', () => {
  // What the speed-up relies on; if V8 stopped doing this, the build would be slower, not wrong, and this test says so.
  // A string's kind is its V8 map: compared with a string JSON.parse made (flat) and with a slice.
  const lib = fileURLToPath(new URL('../../src/lib/flat-strings.ts', import.meta.url));
  const loaders = fileURLToPath(new URL('../../src/content-loaders.ts', import.meta.url));
  const script = `import { flatCopy } from ${JSON.stringify(lib)};
    import { byPath } from ${JSON.stringify(loaders)};
    const latin = 'title: ' + 'a'.repeat(400) + String(Math.random());
    const arabic = 'title: ' + 'ج'.repeat(400) + String(Math.random());
    // Long enough not to be interned: JSON.parse makes these flat strings of their own.
    const flatLatin = JSON.parse('"' + 'b'.repeat(40) + '"'), flatArabic = JSON.parse('"' + 'د'.repeat(40) + '"');
    const kind = (s, flat) => (%HaveSameMap(s, flat) ? 'flat' : %HaveSameMap(s, latin.slice(7, 60)) || %HaveSameMap(s, arabic.slice(7, 60)) ? 'slice' : 'other');
    console.log(JSON.stringify([
      kind(latin.slice(7, 60), flatLatin),
      kind(flatCopy(latin.slice(7, 60)), flatLatin),
      kind(flatCopy(arabic.slice(7, 60)), flatArabic),
      kind(flatCopy({ id: latin.slice(20, 50) }).id, flatLatin),
      kind(byPath({ entry: 'ar/' + latin.slice(30, 50) + '.md' }), flatLatin),
    ]));`;
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const [slice, latin, arabic, inObject, id] = JSON.parse(run.stdout) as string[];
  assert.equal(slice, 'slice', 'the test makes a slice, as js-yaml does');
  assert.equal(latin, 'flat', 'a Latin string copied alone is flat');
  assert.equal(arabic, 'flat', 'an Arabic string copied alone is flat');
  assert.equal(inObject, 'flat', 'a string inside a copied object is flat');
  assert.equal(id, 'flat', 'an entry id is flat');
});
