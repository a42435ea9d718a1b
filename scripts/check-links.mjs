/**
 * Fails the build on a broken internal link, listing every page and target.
 *
 * Reads every HTML file in the built site and checks each same-site address it
 * refers to (a/area/link href, img/source/script src and srcset, form action,
 * og:url and og:image): the file it names must exist, and a #fragment pointing
 * into a page must name an id (or <a name>) in that page. Addresses on the
 * site's own origin (canonical and hreflang links are absolute) count as
 * same-site. Other hosts, mailto: and tel: are not checked: they are not ours
 * to fix, and this runs without a network.
 *
 * Usage: node scripts/check-links.mjs [dist-dir]    (scripts/build.mjs runs it)
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { attr, elements, htmlFiles, parseHtmlFile, urlPathOf } from './dist-html.mjs';

/** Which attribute of which element holds an address. */
const URL_ATTRIBUTES = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  form: ['action'],
};
const META_URL_PROPERTIES = new Set(['og:url', 'og:image']);
/** Any origin works as a base for resolving relative addresses; only the path matters. */
const BASE = 'http://site.invalid';

function addressesIn(document) {
  const found = [];
  let origin;
  for (const el of elements(document)) {
    if (el.tagName === 'link' && attr(el, 'rel') === 'canonical') origin ??= URL.canParse(attr(el, 'href')) ? new URL(attr(el, 'href')).origin : undefined;
    if (el.tagName === 'meta' && META_URL_PROPERTIES.has(attr(el, 'property'))) found.push({ value: attr(el, 'content'), where: `<meta property="${attr(el, 'property')}">` });
    for (const name of URL_ATTRIBUTES[el.tagName] ?? []) {
      const value = attr(el, name);
      if (value === undefined) continue;
      const values = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]) : [value];
      for (const v of values) found.push({ value: v, where: `<${el.tagName} ${name}>` });
    }
  }
  return { found, origin };
}

/** The file a site path is served from (the file itself, or the folder's index.html, as both hosts do), or undefined. */
function fileFor(dir, pathname) {
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

export function checkLinks(dir) {
  const root = resolve(dir);
  // Each page is parsed once, whether it is read for its links or as a link's target.
  const documents = new Map();
  const documentOf = (file) => documents.get(file) ?? documents.set(file, parseHtmlFile(file)).get(file);
  const idsCache = new Map();
  const idsOf = (file) => {
    if (!idsCache.has(file)) {
      const ids = [...elements(documentOf(file))].map((el) => attr(el, 'id') ?? (el.tagName === 'a' ? attr(el, 'name') : undefined));
      idsCache.set(file, new Set(ids.filter(Boolean)));
    }
    return idsCache.get(file);
  };

  const broken = [];
  let checked = 0;
  const pages = htmlFiles(root);
  for (const file of pages) {
    const page = urlPathOf(root, file);
    const { found, origin } = addressesIn(documentOf(file));
    for (const { value, where } of found) {
      if (!value || value.startsWith('#:~:')) continue;
      let url;
      try {
        url = new URL(value, `${BASE}${page}`);
      } catch {
        broken.push({ page, file, target: value, where, reason: 'not a valid address' });
        continue;
      }
      const sameSite = url.origin === BASE || (origin !== undefined && url.origin === origin);
      if (!sameSite) continue;
      checked++;
      const target = fileFor(root, url.pathname);
      const shown = `${url.pathname}${url.hash}`;
      if (!target) {
        broken.push({ page, file, target: shown, where, reason: 'no such page or file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
        broken.push({ page, file, target: shown, where, reason: `no element with id="${fragment}" in ${url.pathname}` });
      }
    }
  }
  return { pages: pages.length, checked, broken };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? process.env.DIST_DIR ?? 'dist');
  const { pages, checked, broken } = checkLinks(dir);
  if (broken.length) {
    const byPage = Map.groupBy(broken, (b) => b.page);
    console.error(`✗ ${broken.length} broken internal link${broken.length === 1 ? '' : 's'} on ${byPage.size} page${byPage.size === 1 ? '' : 's'}:`);
    for (const [page, links] of byPage) {
      console.error(`  page ${page} (${links[0].file})`);
      for (const l of links) console.error(`    → ${l.target}  ${l.where}: ${l.reason}`);
    }
    process.exit(1);
  }
  console.log(`Links: ${checked} same-site links on ${pages} pages, none broken.`);
}
