/**
 * Fails the build on a broken internal link or a link into another language,
 * listing every page, the Markdown file behind it, and each target.
 *
 * A pipeline of small checks, as withastro/docs structures its link checker:
 * read every page of the built site once, in the build's one pass over the
 * pages (../built-pages.mjs: its addresses, ids, locale and whether it is a
 * fallback), then run each check on each same-site address
 * (./checks/), and report by page with the source file (./source-file.mjs).
 *
 * Addresses are read from a/area/link href, img/source/script src and
 * srcset, iframe/video/audio src, video poster, form action, og:url and
 * og:image. Addresses on the site's own origin (canonical and hreflang links
 * are absolute) count as same-site. Other hosts, mailto: and tel: are not
 * checked: they are not ours to fix, and this runs without a network.
 * The last step of buildSite() (../build-site.mjs).
 */
import { relative, resolve } from 'node:path';
import { locales } from '../../../src/i18n/locales.ts';
import { attr, elements, fileForUrlPath, parseHtmlFile, urlPathOf } from '../../lib/dist-html.mjs';
import { passOverPages } from '../built-pages.mjs';
import { sameLanguage } from './checks/same-language.mjs';
import { targetExists } from './checks/target-exists.mjs';
import { lineOf, sourceFileFor } from './source-file.mjs';

/**
 * @typedef {{ url: URL, written: string, where: string, hreflang: string | undefined }} Link  a same-site address on a page
 * @typedef {{ path: string, file: string, locale: string | undefined, isFallback: boolean, contentLocale: string | undefined, links: Link[] }} Page
 * @typedef {{ dir: string, fileFor: (pathname: string) => string | undefined, idsOf: (file: string) => Set<string>, exists: (pathname: string) => boolean }} Site
 *   `fileFor`: the file a host serves for a URL path (fileForUrlPath), looked up once per path
 * @typedef {{ check: string, page: string, file: string, source: string | undefined, line: number | undefined, target: string, where: string, reason: string }} Issue
 */

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

/** Checks run on every same-site address; each returns the problem, or undefined. */
const CHECKS = {
  'target-exists': (link, _page, site) => targetExists(link, site),
  'same-language': sameLanguage,
};

/** A page's addresses, locale and language facts, from its parsed HTML. */
function readPage(dir, file, document) {
  const path = urlPathOf(dir, file);
  const first = path.split('/')[1] ?? '';
  const locale = locales.some((l) => l.code === first) ? first : undefined;
  const found = [];
  let origin;
  let mainLang;
  for (const el of elements(document)) {
    if (el.tagName === 'main') mainLang ??= attr(el, 'lang') ?? '';
    if (el.tagName === 'link' && attr(el, 'rel') === 'canonical') origin ??= URL.canParse(attr(el, 'href')) ? new URL(attr(el, 'href')).origin : undefined;
    if (el.tagName === 'meta' && META_URL_PROPERTIES.has(attr(el, 'property')))
      found.push({ value: attr(el, 'content'), where: `<meta property="${attr(el, 'property')}">`, hreflang: undefined });
    for (const name of URL_ATTRIBUTES[el.tagName] ?? []) {
      const value = attr(el, name);
      if (value === undefined) continue;
      const values = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]) : [value];
      for (const v of values) found.push({ value: v, where: `<${el.tagName} ${name}>`, hreflang: attr(el, 'hreflang') });
    }
  }
  // <main lang> is set only when the text is in another language than the page (src/layouts/Base.astro).
  const contentLocale = mainLang ? locales.find((l) => l.tag === mainLang)?.code : locale;
  return { path, file, locale, isFallback: Boolean(mainLang), contentLocale, found, origin };
}

/** The ids a fragment can name in a page: every id, and <a name> (HTML's legacy anchor). */
const idsIn = (document) =>
  new Set(
    elements(document)
      .map((el) => attr(el, 'id') ?? (el.tagName === 'a' ? attr(el, 'name') : undefined))
      .filter(Boolean),
  );

/**
 * The link check as a step of the one pass over the built pages
 * (../built-pages.mjs): `page()` keeps each page's addresses and ids (not its
 * tree), `finish()` checks every address once the pass has seen every page
 * (and the search index has written its files, which pages link to) and
 * resolves with { pages, checked, issues }: pages read, same-site addresses
 * checked, and every problem found (none is thrown: the build decides).
 * @param {string} dir the built site
 * @param {{ root?: string }} [options] the project folder, to name the Markdown source of each page (default: the working directory)
 * @returns {import('../built-pages.mjs').PageStep}
 */
export function linkCheckStep(dir, { root = process.cwd() } = {}) {
  const site = resolve(dir);
  /** Each page's addresses and facts, by file. */
  const pages = new Map();
  const ids = new Map();
  // Each address's file is looked up once per build: most pages link to the same few dozen.
  const targets = new Map();
  const fileFor = (pathname) => (targets.has(pathname) ? targets.get(pathname) : targets.set(pathname, fileForUrlPath(site, pathname)).get(pathname));
  /** @type {Site} */
  const context = {
    dir: site,
    fileFor,
    idsOf: (file) => ids.get(file) ?? ids.set(file, idsIn(parseHtmlFile(file))).get(file),
    exists: (pathname) => fileFor(pathname) !== undefined,
  };
  return {
    page({ file, document }) {
      pages.set(file, readPage(site, file, document));
      ids.set(file, idsIn(document));
    },
    forget({ file }) {
      pages.delete(file);
      ids.delete(file);
    },
    finish() {
      const issues = [];
      let checked = 0;
      // The pass visits pages in render order (../built-pages.mjs): the report goes in file order, as htmlFiles() sorts.
      const inFileOrder = [...pages.values()].toSorted((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      for (const { found, origin, ...page } of inFileOrder) {
        const report = (check, target, where, reason, written) => {
          const source = sourceFileFor(root, page.path, page.contentLocale);
          issues.push({
            check,
            page: page.path,
            file: relative(site, page.file),
            source,
            line: source && written ? lineOf(root, source, written) : undefined,
            target,
            where,
            reason,
          });
        };
        for (const { value, where, hreflang } of found) {
          if (!value || value.startsWith('#:~:')) continue;
          let url;
          try {
            url = new URL(value, `${BASE}${page.path}`);
          } catch {
            report('valid-address', value, where, 'not a valid address', value);
            continue;
          }
          if (!(url.origin === BASE || (origin !== undefined && url.origin === origin))) continue;
          checked++;
          /** @type {Link} */
          const link = { url, written: value, where, hreflang };
          for (const [check, run] of Object.entries(CHECKS)) {
            const reason = run(link, page, context);
            if (reason) {
              report(check, `${url.pathname}${url.hash}`, where, reason, value);
              break; // one problem per link: a missing page needs no language advice
            }
          }
        }
      }
      return { pages: pages.size, checked, issues };
    },
  };
}

/**
 * Checks every built page's links, reading the site by itself (the build
 * checks them in its one pass instead: linkCheckStep).
 * @param {string} dir the built site
 * @param {{ root?: string }} [options] as for linkCheckStep
 * @returns {Promise<{ pages: number, checked: number, issues: Issue[] }>}
 */
export async function checkLinks(dir, options) {
  const { outcomes } = await passOverPages(dir, [linkCheckStep(dir, options)]);
  const [outcome] = outcomes;
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/**
 * The issues as the build prints them: by page, the Markdown file (and line)
 * to edit first when there is one, then the built file.
 * @param {Issue[]} issues
 */
export function formatIssues(issues) {
  const byPage = Map.groupBy(issues, (issue) => issue.page);
  const lines = [`${issues.length} broken internal link${issues.length === 1 ? '' : 's'} on ${byPage.size} page${byPage.size === 1 ? '' : 's'}:`];
  for (const [page, list] of byPage) {
    const first = list[0];
    lines.push(`  page ${page} (${first.file})`);
    for (const issue of list) {
      const where = issue.source ? `${issue.source}${issue.line ? `:${issue.line}` : ''}: ` : '';
      lines.push(`    → ${issue.target}  ${issue.where}: ${where}${issue.reason}`);
    }
  }
  return lines.join('\n');
}
