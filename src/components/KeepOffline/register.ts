/**
 * Loaded only when "Keep for offline" is pressed (./keep-offline.ts): registers
 * this locale's service worker and reports when its pages are stored.
 * The flag KEPT_FLAG in localStorage tells the quick exit (../QuickExit/quick-exit.ts)
 * that there is something to remove, so pages that never kept anything pay nothing.
 * Once the pages are stored, ./choose.ts offers the reader the locale's other pages to save too.
 */
import { offerChoices } from './choose.ts';

/** localStorage key read by the quick exit (../QuickExit/quick-exit.ts) and removed by ./forget.ts. */
const KEPT_FLAG = 'kept';

/**
 * Registers the worker named by the root's data-worker (scope data-scope), waits until it is
 * active (its install step has stored every page, or failed), and writes the outcome into the
 * [data-keep-offline-status] live region, then offers the other pages (./choose.ts).
 * Never rejects: a failure is shown, not thrown.
 */
export async function keepOffline(root: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const status = root.querySelector<HTMLElement>('[data-keep-offline-status]');
  const { worker, scope, keeping, kept, failed } = root.dataset;
  if (!status || !worker || !scope) throw new Error('KeepOffline: missing [data-keep-offline-status], data-worker or data-scope');
  button.disabled = true;
  status.textContent = keeping ?? '';
  try {
    // Set before registering: if the reader exits while the worker installs, the exit still removes it.
    localStorage.setItem(KEPT_FLAG, '1');
    const registration = await navigator.serviceWorker.register(worker, { scope });
    await activated(registration);
    // Again: another tab's load may have dropped the flag as stale while the worker installed (forget.ts, dropStaleFlag).
    localStorage.setItem(KEPT_FLAG, '1');
    status.textContent = kept ?? '';
    await offerChoices(root, worker);
  } catch {
    status.textContent = failed ?? '';
    button.disabled = false;
  }
}

/** Resolves when the registration has an active worker; rejects if the installing one becomes redundant (precaching failed). */
function activated(registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.reject(new Error('no worker'));
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('install failed'));
    });
  });
}
