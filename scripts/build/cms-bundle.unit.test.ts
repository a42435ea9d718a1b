/**
 * The CMS bundle's cache (./cms-bundle.mjs): a change to any input builds it
 * again, a change elsewhere (content the CMS edits) does not, and an import
 * from outside the hashed folders fails instead of being cached wrongly.
 * Built with Vite on a small project of its own (an entry that imports from
 * src/), so each build takes a moment, not Decap's seconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { entryFile } from '../../src/collections.ts';
import { cmsBundle, cmsBundleKey } from './cms-bundle.mjs';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cms-bundle-test-'));
  for (const [path, text] of Object.entries(files)) write(root, path, text);
  return root;
}
function write(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const FILES: Record<string, string> = {
  'admin/main.tsx': "import { text } from '../src/text.ts';\ndocument.title = text;\n",
  'src/text.ts': "export const text = 'first version';\n",
  'scripts/lib/config.mjs': 'export const port = 8081;\n',
  'content/i18n/en.json': '{"a": "b"}\n',
  [entryFile('pages', 'tr', 'about')]: '---\ntitle: x\n---\n',
  'package.json': '{}\n',
  'package-lock.json': '{"lockfileVersion": 3}\n',
  'tsconfig.json': '{}\n',
};

test('the key changes with every input, and not with what editors change', (t) => {
  const root = project(FILES);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const keys = new Set([cmsBundleKey(root).key]);
  const changes: [string, string][] = [
    ['admin/main.tsx', `${FILES['admin/main.tsx']}// a comment\n`],
    ['src/text.ts', "export const text = 'second';\n"],
    ['scripts/lib/config.mjs', 'export const port = 8082;\n'],
    ['content/i18n/en.json', '{"a": "c"}\n'],
    ['package-lock.json', '{"lockfileVersion": 3, "packages": {}}\n'],
    ['node_modules/.package-lock.json', '{}\n'],
    ['tsconfig.json', '{"compilerOptions": {}}\n'],
    ['admin/new-file.ts', 'export {};\n'],
  ];
  for (const [path, text] of changes) {
    write(root, path, text);
    const { key } = cmsBundleKey(root);
    assert.ok(!keys.has(key), `changing ${path} kept the key`);
    keys.add(key);
  }
  const before = cmsBundleKey(root).key;
  write(root, entryFile('pages', 'tr', 'about'), '---\ntitle: changed by an editor\n---\n');
  write(root, 'dist/index.html', '<p>built</p>');
  write(root, 'public/uploads/a.pdf', '%PDF-1.7');
  assert.equal(cmsBundleKey(root).key, before);
});

test('a changed input builds the bundle again; unchanged inputs come from the cache', async (t) => {
  const root = project(FILES);
  const cacheDir = join(root, 'cache');
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const entryText = (bundle: Awaited<ReturnType<typeof cmsBundle>>) => readFileSync(join(bundle.dir, `cms.${bundle.key}.js`), 'utf8');

  const first = await cmsBundle(root, { cacheDir });
  assert.equal(first.cached, false);
  assert.equal(first.entry, `/_astro/cms.${first.key}.js`);
  assert.match(entryText(first), /first version/);

  const again = await cmsBundle(root, { cacheDir });
  assert.equal(again.cached, true);
  assert.equal(again.key, first.key);

  write(root, 'src/text.ts', "export const text = 'second version';\n");
  const changed = await cmsBundle(root, { cacheDir });
  assert.equal(changed.cached, false);
  assert.notEqual(changed.key, first.key);
  assert.match(entryText(changed), /second version/);
  assert.doesNotMatch(entryText(changed), /first version/);
});

test('an import from outside the hashed folders fails the build, naming the file', async (t) => {
  const root = project({ ...FILES, 'admin/main.tsx': "import { x } from '../elsewhere/x.ts';\ndocument.title = x;\n", 'elsewhere/x.ts': "export const x = 'x';\n" });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  await assert.rejects(cmsBundle(root, { cacheDir: join(root, 'cache') }), /does not cover[\s\S]*elsewhere\/x\.ts/);
});
