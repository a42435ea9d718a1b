/* global importScripts, workbox, __OFFLINE_NOTICE__ */
/**
 * The "Keep for offline" service worker of one locale (issue 16, part 2), registered only when the
 * reader presses the button (./register.ts). scripts/build/offline-worker.mjs writes one copy per
 * locale to /<locale>/offline-sw.js: workbox-build's injectManifest puts the list of that locale's
 * kept pages and their assets in place of the manifest placeholder below, and the build fills in
 * the two other placeholders (where Workbox is, the notice). Workbox (a maintained library) does the storing
 * and the asset routes; it is loaded from this site (copyWorkboxLibraries), never from a CDN.
 *
 * Pages are fetched from the network first (the reader sees today's numbers when online); only
 * when that fails is the kept copy served, with a notice at the top of <main> saying so (styled as
 * the site's other notices: `.notice`, src/components/TranslationNotice/translation-notice.css).
 */
importScripts('__WORKBOX_PREFIX__/workbox-sw.js');
workbox.setConfig({ modulePathPrefix: '__WORKBOX_PREFIX__/', debug: false });

const NOTICE = __OFFLINE_NOTICE__;

self.skipWaiting();
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
workbox.precaching.precache(self.__WB_MANIFEST);

/** Escapes text for HTML (the notice is a UI string, checked by the content rules, but still text). */
const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

workbox.routing.registerRoute(
  ({ request }) => request.mode === 'navigate',
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      const path = new URL(request.url).pathname;
      const kept = await workbox.precaching.matchPrecache(path);
      if (!kept) throw error;
      const html = (await kept.text()).replace(/<main\b[^>]*>/, (main) => `${main}<p class="notice" role="status" data-offline-notice>${escape(NOTICE)}</p>`);
      return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    }
  },
);
// The assets of the kept pages (CSS, scripts, fonts, images): from the cache, as precached.
workbox.precaching.addRoute();

// The quick exit (../QuickExit/quick-exit.ts) asks this worker to remove itself: it keeps
// running after the page has gone, so the removal finishes even though the page is replaced.
self.addEventListener('message', (event) => {
  if (event.data !== 'forget') return;
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.map((name) => caches.delete(name))))
      .then(() => self.registration.unregister()),
  );
});
