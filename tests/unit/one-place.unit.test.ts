/**
 * One place for each fact: a collection's URL shape, its content folder and
 * the other pages' paths are written in src/collections.ts and src/routes.ts
 * only. Everything else derives them (`entryPath()`, `listPath()`,
 * `localePath()`, `routeAt()`, `collectionFolder()`, `uiPages`), so renaming a
 * collection or moving a URL is a one-line change, and nothing silently keeps
 * the old one (a sitemap that loses pages, a test that stops covering a template).
 *
 * What counts as "written": inside a string, template literal or regex in
 * code (comments and Markdown are prose, and may give examples):
 * - a URL shape: "campaigns/", "/helplines/", `search/`, "browse-safely/",
 *   or the same in a regex (campaigns\/);
 * - a content folder: "content/campaigns";
 * - a collection's name as a string in a .mjs file, where no type checker ties
 *   it to the registry. In TypeScript a name is typed `CollectionName`, and
 *   renaming it in the registry is a type error wherever it is used.
 * A line that only looks like one (wrangler's `pages dev` command) says why in
 * a comment: `// one-place: <reason>`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectionNames, collections } from '../../src/collections.ts';
import { footerPages, uiPages } from '../../src/routes.ts';

const root = join(import.meta.dirname, '..', '..');
const OWNERS = new Set(['src/collections.ts', 'src/routes.ts']);
/** Files whose strings look like URL shapes but are not the site's routes, and why. */
const EXEMPT: Record<string, string> = {
  'tests/unit/one-place.unit.test.ts': 'this test',
  'tests/unit/sanitize-html.unit.test.ts': "the sanitiser's Markdown inputs: sample addresses, not the site's routes",
};
/** Where code lives. tests/fixtures/ is test content (Markdown), not code. */
const FOLDERS = ['src', 'admin', 'scripts', 'tests'];
const CODE = /\.(?:ts|tsx|mts|mjs|js|astro)$/;

function codeFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && CODE.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((file) => !file.startsWith('tests/fixtures/'));
}

/** The file's text with comments blanked out (line, block and JSX comments), keeping line numbers. */
function withoutComments(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (m, before: string) => before + blank(m.slice(before.length)));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The first path segment of every URL shape the registries define (list pages, entry prefixes, UI pages, footer pages). */
const segments = [
  ...new Set(
    [
      ...collectionNames.flatMap((name) => {
        const spec = collections[name];
        return ['list' in spec ? spec.list : '', spec.entry('x').replace(/(^|\/)x(\/|#|$).*$/, '$1')];
      }),
      ...Object.values(uiPages).map((page) => page.path),
      ...footerPages.map((page) => page.path),
    ]
      .map((path) => path.split(/[/#]/)[0] ?? '')
      .filter(Boolean),
  ),
];
/** A segment followed by a slash (or an escaped one in a regex), right after a quote, backtick, slash or `${…}`. */
const urlShape = new RegExp(`(?:['"\`/]|\\})(${segments.map(escape).join('|')})(?:/|\\\\/)`);
const contentFolder = new RegExp(`content/(${collectionNames.map(escape).join('|')})\\b`);
const quotedName = new RegExp(`(['"\`])(${collectionNames.map(escape).join('|')})\\1`);

test('the registries define the URL shapes this test looks for', () => {
  // If this list were empty, the test below would pass without checking anything.
  for (const expected of ['campaigns', 'rights', 'materials', 'helplines', 'search', 'about', 'browse-safely']) assert.ok(segments.includes(expected), expected);
});

test('collection names and URL shapes are written only in src/collections.ts and src/routes.ts', () => {
  const problems: string[] = [];
  for (const file of FOLDERS.flatMap(codeFiles)) {
    if (OWNERS.has(file) || file in EXEMPT) continue;
    const text = readFileSync(join(root, file), 'utf8');
    const raw = text.split('\n');
    const lines = withoutComments(text).split('\n');
    lines.forEach((line, i) => {
      if (/\/\/ one-place: \S/.test(raw[i] ?? '')) return;
      const where = `${file}:${i + 1}`;
      const shape = urlShape.exec(line);
      // Import paths name folders and files of the code, not URLs.
      if (shape && !/^\s*(?:import|export)\b.*\bfrom\s/.test(line) && !/\bimport\(/.test(line))
        problems.push(`${where}: URL shape "${shape[1]}/": use entryPath(), listPath(), uiPages or routeAt() from src/routes.ts`);
      const folder = contentFolder.exec(line);
      if (folder) problems.push(`${where}: content folder "content/${folder[1]}": use collectionFolder() or entryFile() from src/collections.ts`);
      const name = quotedName.exec(line);
      if (name && file.endsWith('.mjs')) problems.push(`${where}: collection name "${name[2]}" in untyped code: iterate collectionNames or read it from the registry`);
    });
  }
  assert.deepEqual(problems, []);
});
