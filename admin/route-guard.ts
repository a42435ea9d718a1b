/**
 * The form always belongs to the entry in the address bar (issue 14).
 *
 * Reasoning: Decap's editor does not reload when only the entry in the URL
 * changes (pasting a colleague's link while an entry is open): the address
 * named one entry while the form still held another, and publishing wrote the
 * open form over the entry in the address. On such a change we reload the
 * page, so Decap opens the entry the address names; with unsaved edits we ask
 * first, and going back restores the old address. The save hook (admin/save.ts)
 * also refuses to write when the two disagree, whatever the cause.
 */
import { store, type Immutable } from './decap-internals.ts';

const EDITOR_ROUTE = /^#\/collections\/([^/]+)\/(?:entries\/(.+?)|new)\/?(?:\?.*)?$/;

interface Route {
  collection: string;
  /** undefined for a new entry. */
  slug?: string;
}

export function routeOf(hash: string): Route | undefined {
  const match = EDITOR_ROUTE.exec(hash);
  if (!match) return undefined;
  return { collection: decodeURIComponent(match[1]!), ...(match[2] && { slug: decodeURIComponent(match[2]) }) };
}

/** Why the entry may not be written from this page, or undefined when form and address agree. */
export function routeMismatch(entry: Immutable): string | undefined {
  const route = routeOf(location.hash);
  if (!route) return undefined;
  const collection = entry.get('collection') as string;
  const slug = entry.get('newRecord') ? undefined : String(entry.get('slug'));
  if (route.collection === collection && route.slug === slug) return undefined;
  return `Bu form "${slug ?? 'yeni girdi'}" girdisine ait, adres çubuğu ise "${route.slug ?? 'yeni girdi'}" girdisini gösteriyor. Yanlış girdinin üzerine yazmamak için kaydedilmedi. Sayfayı yenileyin.`;
}

const sameEntry = (a: Route | undefined, b: Route | undefined) => a?.collection === b?.collection && a?.slug === b?.slug;

/** Watches the address; call once. */
export function watchEditorRoute(win: Window = window) {
  let restoring = false;
  win.addEventListener('hashchange', (event) => {
    const next = routeOf(win.location.hash);
    if (restoring) {
      restoring = false;
      return;
    }
    const previous = routeOf(new URL(event.oldURL).hash);
    // Decap's own moves (list → entry, new → saved entry) open the editor afresh or keep the draft's own entry.
    if (!previous || !next || sameEntry(previous, next) || (!previous.slug && draftIs(next))) {
      return;
    }
    // Let Decap try first: when it loads the new entry itself, nothing to do.
    setTimeout(() => {
      if (draftIs(next)) return;
      const unsaved = Boolean(store.getState().entryDraft.get('hasChanged'));
      if (unsaved && !win.confirm('Bu girdide kaydedilmemiş değişiklikler var. Bırakıp adres çubuğundaki girdiyi açmak istiyor musunuz?')) {
        restoring = true;
        win.location.hash = new URL(event.oldURL).hash;
        return;
      }
      win.location.reload();
    }, 300);
  });
}

function draftIs(route: Route): boolean {
  const entry = store.getState().entryDraft.get('entry') as Immutable | undefined;
  if (!entry) return false;
  const slug = entry.get('newRecord') ? undefined : String(entry.get('slug'));
  return entry.get('collection') === route.collection && slug === route.slug;
}
