/**
 * "The pages the reader chooses" (issue 16, part 2), loaded with ./register.ts, so only after the
 * press: once the home page, helplines and card are stored, shows the locale's other text pages
 * (the list the build writes next to the worker, ./choices.ts) as checkboxes, none ticked, with a
 * "Save these pages too" button that puts the ticked pages and their /_astro/ files in the cache
 * the worker serves offline (./offline-sw.template.js). The quick exit deletes that cache with the
 * rest (./forget.ts deletes every cache).
 */
import { OFFLINE_CHOICES_FILE, type OfflineChoices } from './choices.ts';

/**
 * Fetches the list next to `workerUrl` and appends the form to `root`. Shows nothing if the list
 * cannot be loaded (the three pages are kept all the same). Never rejects.
 * @param root the [data-keep-offline] section
 * @param workerUrl the worker's script address ("/tr/offline-sw.js")
 */
export async function offerChoices(root: HTMLElement, workerUrl: string): Promise<void> {
  if (root.querySelector('[data-offline-choices]')) return; // pressed again: the form is there
  let list: OfflineChoices;
  try {
    const response = await fetch(new URL(OFFLINE_CHOICES_FILE, new URL(workerUrl, location.href)));
    if (!response.ok) return;
    list = (await response.json()) as OfflineChoices;
  } catch {
    return;
  }
  if (!list.pages.length) return;
  root.append(choiceForm(list));
}

/** <form data-offline-choices>: a fieldset of checkboxes (one per page, labelled by its heading), a button, a status line. */
function choiceForm({ cache, strings, pages }: OfflineChoices): HTMLFormElement {
  const form = document.createElement('form');
  form.dataset.offlineChoices = '';
  const fieldset = form.appendChild(document.createElement('fieldset'));
  fieldset.appendChild(document.createElement('legend')).textContent = strings.choose;
  const list = fieldset.appendChild(document.createElement('ul'));
  const boxes = pages.map((page) => {
    const label = list.appendChild(document.createElement('li')).appendChild(document.createElement('label'));
    const box = label.appendChild(document.createElement('input'));
    box.type = 'checkbox';
    box.value = page.path;
    const title = label.appendChild(document.createElement('span'));
    title.textContent = page.title;
    if (page.lang) title.lang = page.lang;
    if (page.dir) title.dir = page.dir;
    label.insertBefore(document.createTextNode(' '), title);
    return { box, page };
  });
  const button = form.appendChild(document.createElement('button'));
  button.type = 'submit';
  button.className = 'button';
  button.textContent = strings.saveChosen;
  const status = form.appendChild(document.createElement('p'));
  status.setAttribute('role', 'status');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = boxes.filter(({ box }) => box.checked).map(({ page }) => page);
    if (!chosen.length) {
      status.textContent = strings.chooseNone;
      return;
    }
    // Cache.addAll refuses a list with the same address twice: pages share their CSS and scripts.
    const urls = [...new Set(chosen.flatMap((page) => [page.path, ...page.assets]))];
    button.disabled = true;
    status.textContent = strings.saving;
    caches
      .open(cache)
      .then((store) => store.addAll(urls))
      .then(
        () => (status.textContent = strings.savedChosen),
        () => (status.textContent = strings.failed),
      )
      .finally(() => (button.disabled = false));
  });
  return form;
}
