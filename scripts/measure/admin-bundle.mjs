/**
 * Guards the CMS bundle: /admin/ is built, its size is reported, and no public
 * page loads any of its code.
 *
 * Reasoning: Decap CMS with React is megabytes of JavaScript. It must reach
 * staff on /admin/ only; a public page that referenced one of its chunks
 * (a shared chunk after a careless import, say) would cost readers on
 * prepaid data. We follow every chunk the admin page loads, statically and
 * lazily, and every chunk the public pages load, and fail if the two meet.
 * Pages are read with parse5 and chunks with es-module-lexer (the lexer Vite
 * itself uses), so a minifier's new spelling of an import cannot hide one.
 *
 * Command line: scripts/cli/admin-bundle.mjs (a step of `npm test`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as lexerReady, parse as parseModule } from 'es-module-lexer';
import { attr, elements, htmlFiles, parseHtmlFile, textOf } from '../lib/dist-html.mjs';
import { kib } from '../lib/format-bytes.mjs';

await lexerReady;

/** Vite's own runtime helpers, a few hundred bytes that every bundle with a lazy import shares. */
const VITE_RUNTIME = /^preload-helper\.[\w-]+\.js$/;

/**
 * The scripts and stylesheets in `_astro/` that a page loads: <script src>,
 * <link href> (stylesheet, modulepreload), and the imports of inline module scripts.
 */
function pageAssets(page, assets) {
  const names = new Set();
  const add = (url) => {
    const name = basename(new URL(url, 'http://site.invalid/_astro/').pathname);
    if (existsSync(join(assets, name))) names.add(name);
  };
  for (const el of elements(parseHtmlFile(page))) {
    if (el.tagName === 'script' && attr(el, 'src')) add(attr(el, 'src'));
    else if (el.tagName === 'script' && (attr(el, 'type') ?? '') === 'module') {
      for (const i of parseModule(textOf(el))[0]) if (i.n) add(i.n);
    } else if (el.tagName === 'link' && attr(el, 'href')?.includes('/_astro/')) add(attr(el, 'href'));
  }
  return names;
}

/** The chunks a chunk imports: statically, and with `lazy` also through import(). */
function chunkImports(file, { lazy }) {
  const [imports] = parseModule(readFileSync(file, 'utf8'));
  return imports.filter((i) => i.n !== undefined && (i.d === -1 || (lazy && i.d >= 0))).map((i) => basename(/** @type {string} */ (i.n)));
}

/** Every asset reachable from the given pages; `lazy` also follows dynamic imports. */
function closure(pages, assets, { lazy }) {
  const seen = new Set();
  const queue = pages.flatMap((page) => [...pageAssets(page, assets)]);
  while (queue.length) {
    const name = queue.pop();
    if (seen.has(name) || !existsSync(join(assets, name))) continue;
    seen.add(name);
    if (name.endsWith('.js')) queue.push(...chunkImports(join(assets, name), { lazy }));
  }
  return seen;
}

function size(names, assets) {
  let raw = 0;
  let gzip = 0;
  for (const name of names) {
    const bytes = readFileSync(join(assets, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/**
 * Measures the admin bundle and checks that public pages never load it.
 * @param {string} distDir
 * @returns {{ lines: string[], failures: string[] }} the report, and what is wrong (empty when all is well)
 */
export function checkAdminBundle(distDir) {
  const dist = resolve(distDir);
  const assets = join(dist, '_astro');
  const adminPage = join(dist, 'admin', 'index.html');
  if (!existsSync(adminPage)) return { lines: [], failures: [`${relative(process.cwd(), adminPage)} is missing: the CMS page was not built.`] };
  const failures = [];
  const adminInitial = closure([adminPage], assets, { lazy: false });
  const adminAll = closure([adminPage], assets, { lazy: true });
  if (![...adminInitial].some((n) => n.endsWith('.js'))) failures.push('the admin page loads no script: the Decap bundle is missing');

  const publicPages = htmlFiles(dist).filter((p) => !p.startsWith(join(dist, 'admin') + '/'));
  const publicAssets = closure(publicPages, assets, { lazy: true });
  const shared = [...adminAll].filter((n) => publicAssets.has(n) && !VITE_RUNTIME.test(n));
  if (shared.length) {
    const pages = publicPages.filter((p) => shared.some((n) => readFileSync(p, 'utf8').includes(n))).map((p) => relative(dist, p));
    failures.push(`public pages load admin chunks: ${shared.join(', ')}${pages.length ? ` (e.g. ${pages.slice(0, 5).join(', ')})` : ''}`);
  }

  const initial = size(adminInitial, assets);
  const all = size(adminAll, assets);
  const largest = [...adminInitial]
    .map((n) => [n, statSync(join(assets, n)).size])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return {
    lines: [
      `Admin bundle (/admin/, ${publicPages.length} public pages checked):`,
      `  loaded at start: ${adminInitial.size} files, ${kib(initial.raw)} raw, ${kib(initial.gzip)} gzip`,
      `  with lazy chunks: ${adminAll.size} files, ${kib(all.raw)} raw, ${kib(all.gzip)} gzip`,
      ...largest.map(([name, bytes]) => `    ${name}: ${kib(bytes)}`),
    ],
    failures,
  };
}
