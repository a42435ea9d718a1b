/**
 * Build step "offline worker" (issue 16, part 2): one "Keep for offline" service worker per
 * locale, /<locale>/offline-sw.js, with workbox-build (a maintained tool; we write only which
 * pages are kept and the offline notice). Each stores that locale's home page, helplines page and
 * card (`offlinePages` in src/routes.ts) and every /_astro/ asset those pages load, found in their
 * built HTML and in the CSS they load (fonts, images). Workbox's own runtime is copied into
 * dist/ once (copyWorkboxLibraries), so the worker loads nothing from another host.
 * The worker's source: src/components/KeepOffline/offline-sw.template.js.
 *
 * Beside each worker it writes /<locale>/offline-pages.json (`offlineWorkerPath().choices`; its shape
 * is `OfflineChoices` in src/components/KeepOffline/choices.ts): the locale's other text pages
 * (`offlineChoiceCollections`), each with its heading and its /_astro/ files, that the reader may
 * choose to save too after the press, and the strings that list shows. Only the script loaded by
 * the press reads it, so no page's first load carries it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
// The two functions from their own modules, not from workbox-build's index: the index also loads
// generateSW's bundler (Rollup, Babel, Terser), which this step never uses: 0.64 → 0.14 CPU-seconds
// to load, in every build (issue 17, docs/build-speed.md "Session 19"). Paths of workbox-build 7.4.1,
// pinned in package.json; ./offline-worker.unit.test.ts checks they are the index's own functions.
import { copyWorkboxLibraries } from 'workbox-build/build/lib/copy-workbox-libraries.js';
import { injectManifest } from 'workbox-build/build/inject-manifest.js';
import { localeCodes } from '../../src/i18n/locales.ts';
import { localePath, offlineChoiceCollections, offlinePages, offlineWorkerPath, routeAt } from '../../src/routes.ts';
import { attr, elements, htmlFiles, parseHtmlFile, urlPathOf } from '../lib/dist-html.mjs';

/** The Workbox runtime files the worker loads: workbox-sw, and the modules it imports for precaching and routing. */
const WORKBOX_FILES = new Set(['workbox-sw.js', ...['core', 'precaching', 'routing', 'strategies'].map((m) => `workbox-${m}.prod.js`)]);
/** The template's line that receives the notice (the placeholder is also named in its ESLint globals comment). */
const NOTICE_LINE = 'const NOTICE = __OFFLINE_NOTICE__;';
/** The template's line that receives the name of the chosen pages' cache. */
const CHOSEN_LINE = 'const CHOSEN = __CHOSEN_CACHE__;';
/**
 * The Cache Storage cache of the pages the reader chooses. Not Workbox's precache: on every
 * update of the worker, Workbox's precaching deletes from its own cache what its manifest does not
 * list, so chosen pages put there would vanish silently. The quick exit deletes every cache.
 */
const CHOSEN_CACHE = 'offline-chosen-pages';
/** content/i18n/<locale>.json `offline.*` keys the choice list shows (OfflineChoices.strings). */
const CHOICE_STRINGS = { choose: 'choose', saveChosen: 'saveChosen', saving: 'keeping', savedChosen: 'savedChosen', chooseNone: 'chooseNone', failed: 'failed' };
const TEMPLATE = new URL('../../src/components/KeepOffline/offline-sw.template.js', import.meta.url);

/** "/tr/helplines/" → "tr/helplines/index.html", relative to dist/. */
const htmlFile = (path) => `${path.replace(/^\//, '')}index.html`;

/** The /_astro/ files a page loads (in its HTML, and url() in those CSS files), relative to dist/. */
function assetsOf(out, html) {
  const found = new Set();
  const queue = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"?#]+)"/g)].map((m) => m[1]);
  while (queue.length) {
    const url = queue.pop();
    const file = url.replace(/^\//, '');
    if (found.has(file) || !existsSync(join(out, file))) continue;
    found.add(file);
    if (file.endsWith('.css')) {
      const css = readFileSync(join(out, file), 'utf8');
      for (const m of css.matchAll(/url\(["']?([^"')?#]+)/g)) if (!m[1].startsWith('data:')) queue.push(posix.resolve(posix.dirname(url), m[1]));
    }
  }
  return [...found];
}

/** The text of a parse5 element, spaces collapsed. */
const textContent = (node) => (node.childNodes ?? []).map((child) => (child.nodeName === '#text' ? child.value : textContent(child))).join('');

/**
 * The pages of a locale the reader may choose to save too: every built entry page of
 * `offlineChoiceCollections`, in that order, then by address.
 * @returns {{ path: string, title: string, lang?: string, dir?: string, assets: string[] }[]} (OfflineChoice)
 * @throws when such a page has no <h1>
 */
function choicesOf(out, locale) {
  const found = [];
  for (const file of htmlFiles(join(out, locale))) {
    const path = urlPathOf(out, file);
    const route = routeAt(path);
    if (route?.kind !== 'entry' || !offlineChoiceCollections.includes(route.collection)) continue;
    const all = [...elements(parseHtmlFile(file))];
    const h1 = all.find((element) => element.tagName === 'h1');
    // A fallback page (not translated yet) marks <main> with its text's language: so does the list.
    const main = all.find((element) => element.tagName === 'main');
    const textLang = main && attr(main, 'lang') ? { lang: attr(main, 'lang'), dir: attr(main, 'dir') ?? 'ltr' } : {};
    const title = h1 && textContent(h1).replace(/\s+/g, ' ').trim();
    if (!title) throw new Error(`offline worker: ${path} has no <h1> to name it in the list of pages to save`);
    const assets = assetsOf(out, readFileSync(file, 'utf8'))
      .map((asset) => `/${asset}`)
      .sort();
    found.push({ order: offlineChoiceCollections.indexOf(route.collection), path, title, ...textLang, assets });
  }
  return found.sort((a, b) => a.order - b.order || a.path.localeCompare(b.path)).map(({ order: _order, ...choice }) => choice);
}

/**
 * Writes dist/<locale>/offline-sw.js for every locale and Workbox's runtime to dist/workbox-v*.
 * @param {string} out the built site (dist/)
 * @param {string} root the project (its content/i18n/<locale>.json give the notice)
 * @returns {Promise<string>} a summary: locales and files kept per locale
 * @throws when a kept page is missing from the build, or a locale has no offline.notice string
 */
export async function offlineWorkerStep(out, root) {
  const workboxDir = await copyWorkboxLibraries(out); // "workbox-v7.4.1"
  // Only what the worker loads (workbox-sw loads the .prod.js modules): 1.8 MB of dev builds and maps is not deployed.
  for (const file of readdirSync(join(out, workboxDir))) if (!WORKBOX_FILES.has(file)) rmSync(join(out, workboxDir, file));
  const template = readFileSync(TEMPLATE, 'utf8');
  for (const line of [NOTICE_LINE, CHOSEN_LINE]) if (!template.includes(line)) throw new Error(`offline worker: ${TEMPLATE.pathname} has no line "${line}"`);
  const tmp = mkdtempSync(join(tmpdir(), 'offline-sw-'));
  const counts = [];
  try {
    for (const locale of localeCodes) {
      const pages = offlinePages.map((path) => htmlFile(localePath(locale, path)));
      const assets = new Set();
      for (const page of pages) {
        if (!existsSync(join(out, page))) throw new Error(`offline worker: ${page} is not in the build`);
        for (const a of assetsOf(out, readFileSync(join(out, page), 'utf8'))) assets.add(a);
      }
      const offline = JSON.parse(readFileSync(join(root, 'content', 'i18n', `${locale}.json`), 'utf8')).offline ?? {};
      const string = (key) => {
        if (typeof offline[key] !== 'string' || !offline[key]) throw new Error(`offline worker: content/i18n/${locale}.json has no offline.${key}`);
        return offline[key];
      };
      const src = join(tmp, `${locale}.js`);
      writeFileSync(
        src,
        template
          .replaceAll('__WORKBOX_PREFIX__', `/${workboxDir}`)
          .replace(NOTICE_LINE, `const NOTICE = ${JSON.stringify(string('notice'))};`)
          .replace(CHOSEN_LINE, `const CHOSEN = ${JSON.stringify(CHOSEN_CACHE)};`),
      );
      const choices = choicesOf(out, locale);
      const strings = Object.fromEntries(Object.entries(CHOICE_STRINGS).map(([name, key]) => [name, string(key)]));
      writeFileSync(join(out, offlineWorkerPath(locale).choices.replace(/^\//, '')), JSON.stringify({ cache: CHOSEN_CACHE, strings, pages: choices }));
      const { count, warnings } = await injectManifest({
        swSrc: src,
        swDest: join(out, offlineWorkerPath(locale).script.replace(/^\//, '')),
        globDirectory: out,
        globPatterns: [...pages, ...assets],
        // Assets have a hash in their name: no revision needed.
        modifyURLPrefix: { '': '/' },
        // Kept under the address readers open (/tr/helplines/), not /tr/helplines/index.html, which the hosts redirect.
        manifestTransforms: [async (entries) => ({ manifest: entries.map((entry) => ({ ...entry, url: entry.url.replace(/\/index\.html$/, '/') })), warnings: [] })],
        dontCacheBustURLsMatching: /^\/_astro\//,
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      });
      if (warnings.length) throw new Error(`offline worker (${locale}): ${warnings.join('; ')}`);
      counts.push(`${locale} ${count} (+${choices.length} to choose)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return `${counts.join(', ')} files kept, Workbox runtime in /${workboxDir}/`;
}
