/**
 * Removes what "Keep for offline" left (issue 16, part 2): every Cache Storage cache of this site
 * and every service worker registration; each worker is also told to remove itself, since it
 * outlives the page and so finishes even after the quick exit has replaced the page.
 *
 * Loaded by the quick exit (src/components/QuickExit/quick-exit.ts) with a plain import() only when
 * the "kept" flag is set in localStorage (src/components/KeepOffline/register.ts sets it), so no other
 * reader loads it. It is a file of public/, not a bundled module, because a bundled dynamic import
 * adds Vite's preload helper to the quick exit, which is on every page's 14 KB first load.
 * The offline worker stores it with the kept pages (scripts/build/offline-worker.mjs).
 * The flag is removed last, so an exit cut short by the 100 ms limit tries again next time.
 * @returns {Promise<void>} resolves when the page's own removal is done
 */
export default async function forgetOffline() {
  const registrations = await navigator.serviceWorker.getRegistrations();
  for (const registration of registrations) registration.active?.postMessage('forget');
  await Promise.all([
    ...registrations.map((registration) => registration.unregister()),
    caches.keys().then((names) => Promise.all(names.map((name) => caches.delete(name)))),
  ]);
  localStorage.removeItem('kept');
}
