/**
 * Reading the built site: every HTML file in it, parsed the way a browser
 * parses it (parse5 implements the WHATWG HTML parser), and the file a URL
 * path is served from. Used by the build's CSP and link steps, the
 * measurements and the tests. The CSP maths is in ./csp-policy.mjs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'parse5';

/** Every .html file under `dir`, as absolute paths, sorted. */
export function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The URL path a built file is served at: "tr/about/index.html" → "/tr/about/". */
export function urlPathOf(dir, file) {
  const path = `/${relative(dir, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

export function parseHtmlFile(file) {
  return parse(readFileSync(file, 'utf8'));
}

/** Each node's list from elements(): a node's descendants never change once parsed here (nothing edits the trees). */
const elementLists = new WeakMap();

/**
 * Every element under a parse5 node, depth first in document order, a <template>'s contents after
 * its own children: a frozen array, made once per node and kept while the node lives. The build's pass
 * over the pages (scripts/build/built-pages.mjs) has each step walk every page, five walks in all;
 * a recursive generator walked each page five times, 0.78 s of CPU for the peer content's 2,313
 * pages against 0.08 s for one walk into an array (issue 17, docs/build-speed.md "Session 13").
 * @param {import('parse5').DefaultTreeAdapterMap['parentNode']} node a document, fragment or element
 * @returns {readonly import('parse5').DefaultTreeAdapterMap['element'][]}
 */
export function elements(node) {
  let list = elementLists.get(node);
  if (!list) {
    list = Object.freeze(collectElements(node, []));
    elementLists.set(node, list);
  }
  return list;
}

function collectElements(node, list) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) list.push(child);
    collectElements(child, list);
    if (child.content) collectElements(child.content, list);
  }
  return list;
}

export const attr = (element, name) => element.attrs?.find((a) => a.name === name)?.value;
/** The text directly inside an element (a <script>'s or <style>'s code). */
export const textOf = (element) => (element.childNodes ?? []).map((n) => n.value ?? '').join('');

/**
 * The file a static host serves for a URL path: the file itself, or the
 * folder's index.html. Undefined when there is none, or when the path leaves
 * `dir` or cannot be decoded. (Unknown paths then get a 404 page; the link
 * checker counts them as broken.)
 * @param {string} dir absolute path of the built site
 * @param {string} pathname
 */
export function fileForUrlPath(dir, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const candidate = join(dir, decoded);
  if (!candidate.startsWith(dir)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}
