/**
 * Build step "offline worker" (issue 16, part 2): one "Keep for offline" service worker per
 * locale, /<locale>/offline-sw.js, with workbox-build (a maintained tool; we write only which
 * pages are kept and the offline notice). Each stores that locale's home page, helplines page and
 * card (`offlinePages` in src/routes.ts) and every /_astro/ asset those pages load, found in their
 * built HTML and in the CSS they load (fonts, images). Workbox's own runtime is copied into
 * dist/ once (copyWorkboxLibraries), so the worker loads nothing from another host.
 * The worker's source: src/components/KeepOffline/offline-sw.template.js.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { copyWorkboxLibraries, injectManifest } from 'workbox-build';
import { localeCodes } from '../../src/i18n/locales.ts';
import { localePath, offlinePages, offlineWorkerPath } from '../../src/routes.ts';

/** The Workbox runtime files the worker loads: workbox-sw, and the modules it imports for precaching and routing. */
const WORKBOX_FILES = new Set(['workbox-sw.js', ...['core', 'precaching', 'routing', 'strategies'].map((m) => `workbox-${m}.prod.js`)]);
/** The template's line that receives the notice (the placeholder is also named in its ESLint globals comment). */
const NOTICE_LINE = 'const NOTICE = __OFFLINE_NOTICE__;';
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
  if (!template.includes(NOTICE_LINE)) throw new Error(`offline worker: ${TEMPLATE.pathname} has no line "${NOTICE_LINE}"`);
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
      const notice = JSON.parse(readFileSync(join(root, 'content', 'i18n', `${locale}.json`), 'utf8')).offline?.notice;
      if (typeof notice !== 'string' || !notice) throw new Error(`offline worker: content/i18n/${locale}.json has no offline.notice`);
      const src = join(tmp, `${locale}.js`);
      writeFileSync(src, template.replaceAll('__WORKBOX_PREFIX__', `/${workboxDir}`).replace(NOTICE_LINE, `const NOTICE = ${JSON.stringify(notice)};`));
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
      counts.push(`${locale} ${count}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return `${counts.join(', ')} files kept, Workbox runtime in /${workboxDir}/`;
}
