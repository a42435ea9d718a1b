/* global importScripts, workbox, __OFFLINE_NOTICE__, __CHOSEN_CACHE__ */
/**
 * The "Keep for offline" service worker of one locale (issue 16, part 2), registered only when the
 * reader presses the button (./register.ts). scripts/build/offline-worker.mjs writes one copy per
 * locale to /<locale>/offline-sw.js: workbox-build's injectManifest puts the list of that locale's
 * kept pages and their assets in place of the manifest placeholder below, and the build fills in
 * the other placeholders (where Workbox is, the notice, the chosen pages' cache). Workbox (a maintained library) does the storing
 * and the asset routes; it is loaded from this site (copyWorkboxLibraries), never from a CDN.
 *
 * Pages are fetched from the network first (the reader sees today's numbers when online); only
 * when that fails is the kept copy served, with a notice at the top of <main> saying so (styled as
 * the site's other notices: `.notice`, src/components/TranslationNotice/translation-notice.css).
 *
 * The pages the reader chooses after the press (./choices.ts, ./register.ts) are not precached:
 * the page puts them, with their /_astro/ files, in the cache CHOSEN, and this worker serves them
 * offline the same way. They are not in Workbox's precache because its activation deletes what the
 * manifest does not list, so an update of the worker would drop them.
 */
importScripts('__WORKBOX_PREFIX__/workbox-sw.js');
workbox.setConfig({ modulePathPrefix: '__WORKBOX_PREFIX__/', debug: false });

const NOTICE = __OFFLINE_NOTICE__;
const CHOSEN = __CHOSEN_CACHE__;

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
      const kept = (await workbox.precaching.matchPrecache(path)) ?? (await caches.match(path, { cacheName: CHOSEN }));
      if (!kept) throw error;
      const html = (await kept.text()).replace(/<main\b[^>]*>/, (main) => `${main}<p class="notice" role="status" data-offline-notice>${escape(NOTICE)}</p>`);
      return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    }
  },
);
// The assets of the kept pages (CSS, scripts, fonts, images): from the cache, as precached.
workbox.precaching.addRoute();
// The assets of the chosen pages: from their cache when there, else from the network (never stored here).
// caches.match with a cacheName does not create the cache, as caches.open would.
workbox.routing.registerRoute(
  ({ url, request }) => url.origin === self.location.origin && url.pathname.startsWith('/_astro/') && request.method === 'GET',
  async ({ request }) => (await caches.match(request, { cacheName: CHOSEN })) ?? fetch(request),
);

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
