/**
 * Removes what "Keep for offline" left (issue 16, part 2): every Cache Storage cache of this site
 * and every service worker registration; each worker is also told to remove itself, since it
 * outlives the page and so finishes even after the quick exit has replaced the page.
 *
 * Run by the quick exit (../QuickExit/quick-exit.ts) only when the "kept" flag is set
 * (./register.ts sets it). It is part of the quick exit's own script, not loaded on demand: a
 * file fetched at the moment of the exit came too late on a slow network or a page the worker
 * does not control, where the exit's 100 ms passed before it arrived and nothing was removed
 * (scripts/measure/offline-exit.mjs). This costs every page about 0.1 KB gzip of its first load.
 * The flag is removed last, so an exit cut short by the 100 ms limit tries again next time.
 * @returns resolves when the page's own removal is done; rejects if the browser refuses (storage blocked)
 */
export async function forgetOffline(): Promise<void> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  for (const registration of registrations) registration.active?.postMessage('forget');
  await Promise.all([...registrations.map((registration) => registration.unregister()), caches.keys().then((names) => Promise.all(names.map((name) => caches.delete(name))))]);
  localStorage.removeItem('kept');
}

/**
 * Removes the "kept" flag when the browser holds neither a service worker registration nor a
 * Cache Storage cache of this site: what an exit cut short by its 100 ms limit leaves once the
 * worker's own `forget` has finished the removal (seen in CI on a loaded machine, stop 20).
 * Run by the quick exit's script on every page load, only when the flag is set; while anything
 * is left, the flag stays so that the next exit removes it.
 * @returns resolves when checked; never rejects (storage or service workers may be blocked)
 */
export async function dropStaleFlag(): Promise<void> {
  try {
    const [registrations, names] = await Promise.all([navigator.serviceWorker.getRegistrations(), caches.keys()]);
    if (registrations.length === 0 && names.length === 0) localStorage.removeItem('kept');
  } catch {
    // Nothing to do: without the APIs there is nothing of ours to remove either.
  }
}
