/**
 * src/lib/flat-strings.ts: the content store gets the same values, as copies of
 * their own rather than slices of each file's text (issue 17: a slice makes
 * Astro's data-store write ~3× slower; the speed itself is the benchmark's).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { entryFile } from '../../src/collections.ts';
import { flatFrontMatter } from '../../src/lib/flat-strings.ts';

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
  const file = `---\ntitle: "جواز سفرك"\n---\n${'x'.repeat(200)}`;
  const data = {
    title: file.slice(12, 21),
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
  assert.equal((seen[0] as typeof data).title, 'جواز سفرك');
});

test('flatFrontMatter: keeps the loader it wraps; a value that cannot be copied fails, naming the file', async () => {
  assert.equal(flatFrontMatter({ name: 'strict-glob', load: async () => undefined }).name, 'strict-glob');
  const file = entryFile('pages', 'tr', 'a');
  await assert.rejects(parsedBy({ id: 'tr/a', data: { fn: () => 1 }, filePath: file }), (error: Error) =>
    error.message.startsWith(`${file}: its front matter cannot be read as data`),
  );
});

test('flatCopy: a slice of a file becomes a string of its own (V8 string types, read with --allow-natives-syntax)', () => {
  // What the speed-up relies on; if V8 stopped doing this, the build would be slower, not wrong, and this test says so.
  const module = fileURLToPath(new URL('../../src/lib/flat-strings.ts', import.meta.url));
  const script = `import { flatCopy } from ${JSON.stringify(module)};
    const file = 'title: ' + 'ü'.repeat(3) + ' ' + 'a'.repeat(400) + String(Math.random());
    const slice = file.slice(7, 60);
    %DebugPrint(slice);
    %DebugPrint(flatCopy(slice));
    %DebugPrint(flatCopy({ id: file.slice(20, 50) }).id);`;
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const types = [...run.stdout.matchAll(/^ - type: (\w+)/gm)].map((m) => m[1]);
  assert.equal(types.length, 3, run.stdout);
  assert.match(types[0]!, /SLICED/, 'the test makes a slice, as js-yaml does');
  assert.match(types[1]!, /^SEQ_/, 'a string copied alone is flat');
  assert.match(types[2]!, /^SEQ_/, 'a string inside a copied object is flat');
});
