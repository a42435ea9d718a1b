/**
 * Page weight: what a reader's phone downloads before they can use a page.
 *
 * Reasoning: many readers are on prepaid data and slow networks. A page whose
 * HTML, CSS and start-up JavaScript fit in about 14 KB compressed arrives in
 * the first round trip of a new connection (TCP's initial window is 10
 * packets of ~1.4 KB), so it shows in one network round trip even on 3G.
 * We therefore count, per page and gzip-compressed separately (as a host
 * serves them): the HTML itself (inline <style> and <script> included), every
 * stylesheet, script, module and modulepreload it references, and everything
 * those pull in at start-up (CSS @import, static JS import/export-from).
 * Not counted: images (lazy, and measured by Lighthouse), search, which
 * loads only when used (/pagefind/*), and stylesheets for paper only
 * (media="print"), which never hold up the page.
 *
 * Public pages also ship no framework runtime: React and Decap belong to the
 * CMS in /admin/ only. A page that references such a chunk is reported.
 *
 *   npm run weight                        # dist/ (or $DIST_DIR), top 10, exit 1 if over budget
 *   npm run weight -- --dir /tmp/d --top 20 --json
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'parse5';
import { htmlFiles, urlPathOf } from './dist-html.mjs';

/** 14 KiB: the budget for one page with its start-up CSS and JS, each gzip-compressed. */
export const PAGE_BUDGET_BYTES = 14 * 1024;

/** Folders in dist/ that are not public pages (the CMS) or load only on use (search). */
const NOT_PUBLIC = ['admin/'];
const LOADS_ON_USE = ['/pagefind/'];

/**
 * A framework runtime betrays itself by its file name or by strings that
 * survive minification (React's element symbols, Decap's registry).
 */
const FRAMEWORK_NAME = /(?:^|[/._-])(react|react-dom|decap|decap-cms|preact|vue|svelte)(?:[/._-]|$)/i;
const FRAMEWORK_CODE = [
  ['react', /react\.(?:transitional\.)?element|__REACT_DEVTOOLS_GLOBAL_HOOK__|__SECRET_INTERNALS_DO_NOT_USE/],
  ['decap', /decap-cms|DecapCmsApp|registerPreviewTemplate/],
  ['astro-island', /customElements\.define\(\s*["'`]astro-island/],
];

/** Every .html file under distDir that a reader can reach (not the CMS). Paths relative to distDir, with "/". */
export function listPublicPages(distDir) {
  const root = resolve(distDir);
  return htmlFiles(root)
    .map((file) => relative(root, file).split(sep).join('/'))
    .filter((rel) => !NOT_PUBLIC.some((p) => rel.startsWith(p)) && !LOADS_ON_USE.some((p) => `/${rel}`.startsWith(p)));
}

/** The URL a file is served at: "ar/index.html" → "/ar/". */
export const pageUrl = (relPath) => urlPathOf('', relPath);

const gzipSize = (buffer) => gzipSync(buffer).length;

function walkHtml(node, visit) {
  visit(node);
  for (const child of node.childNodes ?? []) walkHtml(child, visit);
  if (node.content) walkHtml(node.content, visit); // <template>
}
const attr = (node, name) => node.attrs?.find((a) => a.name === name)?.value;
const textOf = (node) => (node.childNodes ?? []).map((c) => c.value ?? '').join('');

/** Static imports and re-exports of an ES module (not dynamic import(): that loads on use). */
export function staticImports(code) {
  const specifiers = [];
  const pattern = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(pattern)) specifiers.push(match[2]);
  return specifiers;
}

/** @import url(...) / @import "..." in a stylesheet. */
export function cssImports(css) {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g)].map((m) => m[2]);
}

/**
 * What a page loads before interaction, from its HTML: stylesheets, scripts
 * (classic and module; not nomodule, which modern browsers skip), module
 * preloads and preloaded scripts/styles, and the imports inside inline code.
 */
export function startupReferences(html) {
  const refs = [];
  walkHtml(parse(html), (node) => {
    if (node.tagName === 'link') {
      const rel = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(node, 'href');
      if (!href) return;
      // A stylesheet for paper only (media="print") never blocks showing the page (HTML standard,
      // "potentially render-blocking"; Chromium loads it last): not part of the first load.
      if (rel.includes('stylesheet') && (attr(node, 'media') ?? '').trim().toLowerCase() === 'print') return;
      if (rel.includes('stylesheet')) refs.push({ url: href, kind: 'css' });
      else if (rel.includes('modulepreload')) refs.push({ url: href, kind: 'js' });
      else if (rel.includes('preload') && ['script', 'style'].includes(attr(node, 'as') ?? '')) refs.push({ url: href, kind: attr(node, 'as') === 'style' ? 'css' : 'js' });
    } else if (node.tagName === 'script') {
      const type = (attr(node, 'type') ?? '').toLowerCase();
      const isJs = type === '' || type === 'module' || /javascript|ecmascript/.test(type);
      if (!isJs || node.attrs.some((a) => a.name === 'nomodule')) return;
      const src = attr(node, 'src');
      if (src) refs.push({ url: src, kind: 'js' });
      else if (type === 'module') for (const spec of staticImports(textOf(node))) refs.push({ url: spec, kind: 'js' });
    } else if (node.tagName === 'style') {
      for (const spec of cssImports(textOf(node))) refs.push({ url: spec, kind: 'css' });
    }
  });
  return refs;
}

/**
 * @typedef {{ url: string, kind: 'css' | 'js', bytes: number, gzip: number }} Resource
 * @typedef {{
 *   page: string, file: string, html: { bytes: number, gzip: number }, total: number,
 *   resources: Resource[], frameworks: { url: string, framework: string }[], external: string[], missing: string[],
 * }} PageWeight
 */

/**
 * Measures one page. `cache` (a Map) shares file reads and gzip sizes
 * between pages, so measuring thousands of pages stays fast.
 * @param {string} distDir
 * @param {string} relPath
 * @returns {PageWeight}
 */
export function measurePage(distDir, relPath, cache = new Map()) {
  const root = resolve(distDir);
  const url = pageUrl(relPath);
  const html = readFileSync(join(root, relPath));
  /** @type {PageWeight} */
  const page = { page: url, file: relPath, html: { bytes: html.length, gzip: gzipSize(html) }, total: 0, resources: [], frameworks: [], external: [], missing: [] };

  const base = new URL(url, 'http://site.invalid');
  const seen = new Set();
  const queue = startupReferences(html.toString('utf8')).map((ref) => ({ ...ref, from: base }));
  while (queue.length > 0) {
    const { url: spec, kind, from } = queue.shift();
    if (/^(?:data|blob):/i.test(spec)) continue;
    if (!/^(?:[a-z][\w+.-]*:|\/|\.\.?\/)/i.test(spec)) continue; // a bare module name needs an import map; none here
    const target = new URL(spec, from);
    if (target.origin !== base.origin) {
      page.external.push(target.href);
      continue;
    }
    const path = decodeURIComponent(target.pathname);
    if (seen.has(path)) continue;
    seen.add(path);
    if (LOADS_ON_USE.some((p) => path.startsWith(p))) continue;

    let file = cache.get(path);
    if (!file) {
      const full = join(root, path);
      if (!full.startsWith(root) || !existsSync(full) || !statSync(full).isFile()) {
        page.missing.push(path);
        continue;
      }
      const buffer = readFileSync(full);
      const text = buffer.toString('utf8');
      file = {
        bytes: buffer.length,
        gzip: gzipSize(buffer),
        imports: kind === 'css' ? cssImports(text) : staticImports(text),
        framework: FRAMEWORK_NAME.exec(path)?.[1]?.toLowerCase() ?? FRAMEWORK_CODE.find(([, pattern]) => pattern.test(text))?.[0],
      };
      cache.set(path, file);
    }
    page.resources.push({ url: path, kind, bytes: file.bytes, gzip: file.gzip });
    if (file.framework) page.frameworks.push({ url: path, framework: file.framework });
    for (const next of file.imports) queue.push({ url: next, kind, from: target });
  }
  page.total = page.html.gzip + page.resources.reduce((sum, r) => sum + r.gzip, 0);
  return page;
}

/**
 * Measures every public page in distDir. Returns the pages heaviest first and
 * the problems: over budget, framework runtime, requests to another host,
 * references to files that are not there.
 */
export function measureSite(distDir, { budget = PAGE_BUDGET_BYTES } = {}) {
  if (!existsSync(distDir)) throw new Error(`No built site at ${distDir}: run \`npm run build\` first.`);
  const cache = new Map();
  const pages = listPublicPages(distDir).map((rel) => measurePage(distDir, rel, cache));
  pages.sort((a, b) => b.total - a.total || a.page.localeCompare(b.page));
  const totals = pages.map((p) => p.total).sort((a, b) => a - b);
  return {
    budget,
    pages,
    median: totals.length ? totals[Math.floor((totals.length - 1) / 2)] : 0,
    max: totals.at(-1) ?? 0,
    overBudget: pages.filter((p) => p.total > budget),
    withFramework: pages.filter((p) => p.frameworks.length > 0),
    withExternal: pages.filter((p) => p.external.length > 0),
    withMissing: pages.filter((p) => p.missing.length > 0),
  };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A plain-text table of the heaviest pages and any problem, for the terminal and CI logs. */
export function formatReport(result, { top = 10 } = {}) {
  const lines = [`Page weight (gzip: HTML + start-up CSS/JS; budget ${kb(result.budget)}): ${result.pages.length} pages, median ${kb(result.median)}, max ${kb(result.max)}`];
  lines.push(`Heaviest ${Math.min(top, result.pages.length)}:`);
  for (const p of result.pages.slice(0, top)) {
    const parts = [`html ${kb(p.html.gzip)}`, ...p.resources.map((r) => `${r.url.split('/').pop()} ${kb(r.gzip)}`)];
    lines.push(`  ${p.total > result.budget ? '✗' : '✓'} ${kb(p.total).padStart(8)}  ${p.page}  (${parts.join(', ')})`);
  }
  const problem = (label, list, detail) => {
    if (list.length === 0) return;
    lines.push(`${label}: ${list.length} page(s)`);
    for (const p of list.slice(0, 20)) lines.push(`  ${p.page}: ${detail(p)}`);
  };
  problem('Over budget', result.overBudget, (p) => `${kb(p.total)} > ${kb(result.budget)}`);
  problem('Framework runtime on a public page', result.withFramework, (p) => p.frameworks.map((f) => `${f.framework} in ${f.url}`).join(', '));
  problem('Request to another host', result.withExternal, (p) => p.external.join(', '));
  problem('Referenced file missing', result.withMissing, (p) => p.missing.join(', '));
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: process.env.DIST_DIR ?? 'dist' },
      budget: { type: 'string', default: String(PAGE_BUDGET_BYTES) },
      top: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  const result = measureSite(values.dir, { budget: Number(values.budget) });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else console.log(formatReport(result, { top: Number(values.top) }));
  const failed = result.overBudget.length + result.withFramework.length + result.withExternal.length + result.withMissing.length;
  process.exit(failed > 0 ? 1 : 0);
}
