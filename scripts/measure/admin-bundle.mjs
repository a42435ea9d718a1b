/**
 * Guards the CMS bundle: /admin/ is built, its size is reported, and no public
 * page loads any of its code.
 *
 * Reasoning: Decap CMS with React is megabytes of JavaScript. It must reach
 * staff on /admin/ only; a public page that referenced one of its chunks
 * (a shared chunk after a careless import, say) would cost readers on
 * prepaid data. We follow every chunk the admin page loads, statically and
 * lazily, and every chunk the public pages load, and fail if the two meet.
 *
 * Usage: node scripts/admin-bundle-size.mjs [dist-dir]   (default: $DIST_DIR or dist)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../lib/dist-html.mjs';

const dist = resolve(process.argv[2] ?? process.env.DIST_DIR ?? 'dist');
const assets = join(dist, '_astro');
const failures = [];

/** File names in _astro/ that a text names in quotes: script src, imports, Vite's preload lists. */
function referencedAssets(text, { lazy }) {
  const names = new Set();
  const pattern = lazy
    ? /["'`](?:\.\/|\/_astro\/|_astro\/)?([\w.\-]+\.(?:js|css))["'`]/g
    : /(?:from\s*|import\s*|src=|href=)["'](?:\.\/|\/_astro\/)([\w.\-]+\.(?:js|css))["']/g;
  for (const match of text.matchAll(pattern)) if (existsSync(join(assets, match[1]))) names.add(match[1]);
  return names;
}

/** Every asset reachable from the given HTML files; `lazy` also follows dynamic imports. */
function closure(pages, { lazy }) {
  const seen = new Set();
  const queue = pages.flatMap((page) => [...referencedAssets(readFileSync(page, 'utf8'), { lazy })]);
  while (queue.length) {
    const name = queue.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    if (name.endsWith('.js')) queue.push(...referencedAssets(readFileSync(join(assets, name), 'utf8'), { lazy }));
  }
  return seen;
}

function size(names) {
  let raw = 0;
  let gzip = 0;
  for (const name of names) {
    const bytes = readFileSync(join(assets, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const adminPage = join(dist, 'admin', 'index.html');
if (!existsSync(adminPage)) {
  console.error(`✗ ${relative(process.cwd(), adminPage)} is missing: the CMS page was not built.`);
  process.exit(1);
}
const adminInitial = closure([adminPage], { lazy: false });
const adminAll = closure([adminPage], { lazy: true });
if (![...adminInitial].some((n) => n.endsWith('.js'))) failures.push('the admin page loads no script: the Decap bundle is missing');

/** Vite's own runtime helpers, a few hundred bytes that every bundle with a lazy import shares. */
const VITE_RUNTIME = /^preload-helper\.[\w-]+\.js$/;
const publicPages = htmlFiles(dist).filter((p) => !p.startsWith(join(dist, 'admin') + '/'));
const publicAssets = closure(publicPages, { lazy: true });
const shared = [...adminAll].filter((n) => publicAssets.has(n) && !VITE_RUNTIME.test(n));
if (shared.length) {
  const pages = publicPages.filter((p) => shared.some((n) => readFileSync(p, 'utf8').includes(n))).map((p) => relative(dist, p));
  failures.push(`public pages load admin chunks: ${shared.join(', ')}${pages.length ? ` (e.g. ${pages.slice(0, 5).join(', ')})` : ''}`);
}

const initial = size(adminInitial);
const all = size(adminAll);
console.log(`Admin bundle (/admin/, ${publicPages.length} public pages checked):`);
console.log(`  loaded at start: ${adminInitial.size} files, ${kb(initial.raw)} raw, ${kb(initial.gzip)} gzip`);
console.log(`  with lazy chunks: ${adminAll.size} files, ${kb(all.raw)} raw, ${kb(all.gzip)} gzip`);
const largest = [...adminInitial].map((n) => [n, statSync(join(assets, n)).size]).sort((a, b) => b[1] - a[1]).slice(0, 3);
for (const [name, bytes] of largest) console.log(`    ${name}: ${kb(bytes)}`);
if (failures.length) {
  for (const f of failures) console.error(`✗ ${f}`);
  process.exit(1);
}
console.log('✓ no public page references an admin chunk');
