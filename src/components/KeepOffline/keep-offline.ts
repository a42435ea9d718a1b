/**
 * Hides "Keep for offline" where the browser has no service workers, and loads the
 * registration code only when it is pressed (the first-load budget is unchanged:
 * this file is a few lines). ./README.md explains the design.
 */
export {}; // a module: its names do not meet other pages' scripts (quick-exit.ts also has a `root`)

/** The markup and the script disagree (see KeepOffline.astro); the message names the hook. */
class KeepOfflineError extends Error {
  override name = 'KeepOfflineError';
}

const root = document.querySelector<HTMLElement>('[data-keep-offline]');
if (root && !('serviceWorker' in navigator && 'caches' in window)) root.hidden = true;
else if (root) {
  const button = root.querySelector<HTMLButtonElement>('[data-keep-offline-button]');
  if (!button) throw new KeepOfflineError('missing [data-keep-offline-button]');
  button.addEventListener('click', () => {
    void import('./register.ts').then(({ keepOffline }) => keepOffline(root, button));
  });
}
