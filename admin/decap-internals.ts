/**
 * The parts of Decap CMS that its public API (CMS.register*) does not reach,
 * in one module, so a Decap upgrade has one place to check.
 *
 * Reasoning: decap-cms-app is pinned to an exact version (package.json), and
 * Vite resolves `decap-cms-core` to the same ES modules decap-cms-app imports,
 * so these are the very store and Backend class the running CMS uses.
 * - `store`: the entry being edited (draft), the loaded media, and dispatching
 *   a field change (the translation status after "fill from another language").
 * - `Backend.prototype.invokePreSaveEvent`: Decap's `preSave` listeners may
 *   replace only the default language's data (lib/registry.js, invokeEvent sets
 *   `data`); translations live in `entry.i18n.<locale>.data`. persistEntry
 *   writes whatever entry this method returns, so admin/save.ts extends it to
 *   stamp and check every language before anything is written.
 * - `currentBackend(config).listAllEntries()`: every entry of a collection with
 *   all its languages, through whichever backend is configured (local
 *   decap-server or GitHub): the guard's and the translation page's view of
 *   the repository.
 * tests/cms/ exercises each in Chromium.
 */
// @ts-expect-error decap-cms-core ships no types for its internal modules.
import { store as untypedStore } from 'decap-cms-core/dist/esm/redux/index.js';
// @ts-expect-error (as above)
import { Backend as UntypedBackend, currentBackend as untypedCurrentBackend } from 'decap-cms-core/dist/esm/backend.js';
// @ts-expect-error (as above)
import { changeDraftField as untypedChangeDraftField, createDraftFromEntry as untypedCreateDraftFromEntry } from 'decap-cms-core/dist/esm/actions/entries.js';
// @ts-expect-error (as above)
import { addNotification as untypedAddNotification } from 'decap-cms-core/dist/esm/actions/notifications.js';

/** The slice of Immutable.js we use. */
export interface Immutable {
  get(key: string, fallback?: unknown): unknown;
  getIn(path: (string | number)[], fallback?: unknown): unknown;
  set(key: string, value: unknown): Immutable;
  setIn(path: (string | number)[], value: unknown): Immutable;
  toJS(): unknown;
  find?(fn: (value: Immutable) => boolean): Immutable | undefined;
}

export interface DecapState {
  config: Immutable & Record<string, unknown>;
  collections: Immutable;
  entryDraft: Immutable;
  mediaLibrary: Immutable;
  auth: { user?: { login?: string; name?: string } };
}

export interface DecapStore {
  getState(): DecapState;
  dispatch(action: unknown): unknown;
  subscribe(listener: () => void): () => void;
}

/** An entry as Backend.listAllEntries returns it (plain objects). */
export interface LoadedEntry {
  slug: string;
  path: string;
  data: Record<string, unknown> | null;
  i18n?: Record<string, { data: Record<string, unknown> | null }>;
}

export interface MediaFile {
  name: string;
  path: string;
  size?: number;
  draft?: boolean;
  file?: File;
  displayURL?: unknown;
}

export interface DecapBackend {
  listAllEntries(collection: Immutable): Promise<LoadedEntry[]>;
  getMedia(): Promise<MediaFile[]>;
  getMediaFile(path: string): Promise<MediaFile & { file?: File; url?: string }>;
  currentUser(): Promise<{ login?: string; name?: string }>;
}

export const store = untypedStore as DecapStore;
export const Backend = UntypedBackend as { prototype: { invokePreSaveEvent(entry: Immutable): Promise<Immutable>; currentUser(): Promise<{ login?: string; name?: string }> } };
export const backend = (): DecapBackend => (untypedCurrentBackend as (config: unknown) => DecapBackend)(store.getState().config);

/** The Immutable config of a collection, as Decap uses it. */
export const collectionConfig = (name: string) => store.getState().collections.get(name) as Immutable | undefined;

/** Sets one field of the entry being edited, in one language's pane (Decap's own action, so "unsaved changes" and duplicates follow). */
export function setDraftField(fieldName: string, value: unknown, locale: string) {
  const { entryDraft, collections, config } = store.getState();
  const collection = collections.get(entryDraft.getIn(['entry', 'collection']) as string) as Immutable | undefined;
  const field = (collection?.get('fields') as Immutable | undefined)?.find?.((f) => f.get('name') === fieldName);
  if (!field) return;
  const i18n = config.i18n as { locales: string[]; default_locale: string } | undefined;
  store.dispatch(
    (untypedChangeDraftField as (payload: unknown) => unknown)({
      field,
      value,
      entries: [],
      i18n: i18n && { currentLocale: locale, defaultLocale: i18n.default_locale, locales: i18n.locales },
    }),
  );
}

/** Replaces the entry being edited with `entry` as saved (no "unsaved changes"): the form then shows what was written. */
export function resetDraft(entry: Immutable) {
  store.dispatch((untypedCreateDraftFromEntry as (e: unknown) => unknown)(entry));
}

/** A Decap toast; `dismissAfter` in ms, none = stays until closed. */
export function notify(message: string, type: 'success' | 'warning' | 'error' = 'warning', dismissAfter?: number) {
  store.dispatch((untypedAddNotification as (n: unknown) => unknown)({ message, type, ...(dismissAfter && { dismissAfter }) }));
}
