/**
 * The parts of Decap CMS that its public API (CMS.register*) does not reach,
 * in one module, so a Decap upgrade has one place to check.
 *
 * Reasoning: decap-cms-core is pinned to an exact version (package.json, the one
 * decap-cms-app depends on), and admin/decap.ts imports the same ES modules,
 * so these are the very store and Backend class the running CMS uses.
 * - `store`: the entry being edited (draft), the loaded media, and dispatching
 *   a field change (the translation status after "fill from another language").
 * - `Backend.prototype.invokePreSaveEvent`: Decap's `preSave` listeners may
 *   replace only the default language's data (lib/registry.js, invokeEvent sets
 *   `data`); translations live in `entry.i18n.<locale>.data`. persistEntry
 *   writes whatever entry this method returns, so admin/save.ts extends it to
 *   stamp and check every language before anything is written.
 * - `allEntries(collection)`: every entry of a collection with all its
 *   languages, through whichever backend is configured (local decap-server or
 *   GitHub): the guard's and the translation page's view of the repository.
 *   Not `Backend.listAllEntries`: for an i18n collection it passes the
 *   backend a path filter that keeps the default language's files only
 *   (`collectionRegex`, "tr\/"), which backends with `allEntriesByFolder`
 *   (GitHub, GitLab, Gitea…) apply and decap-server, which lacks it, does not;
 *   through GitHub every translation then read as missing (issue 14,
 *   tests/cms/github-backend.spec.ts).
 * tests/cms/ exercises each in Chromium, with decap-server and with GitHub.
 */
// @ts-expect-error decap-cms-core ships no types for its internal modules.
import { store as untypedStore } from 'decap-cms-core/dist/esm/redux/index.js';
// @ts-expect-error (as above)
import { Backend as UntypedBackend, currentBackend as untypedCurrentBackend } from 'decap-cms-core/dist/esm/backend.js';
// @ts-expect-error (as above)
import { changeDraftField as untypedChangeDraftField, createDraftFromEntry as untypedCreateDraftFromEntry } from 'decap-cms-core/dist/esm/actions/entries.js';
// @ts-expect-error (as above)
import { getI18nFilesDepth as untypedGetI18nFilesDepth } from 'decap-cms-core/dist/esm/lib/i18n.js';
// @ts-expect-error (as above)
import { selectFolderEntryExtension as untypedSelectFolderEntryExtension } from 'decap-cms-core/dist/esm/reducers/collections.js';
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

/** What a backend implementation (decap-cms-backend-github, -proxy, …) returns for a folder: files with their raw text. */
interface ImplementationEntry {
  file: { path: string; label?: string; author?: string; updatedOn?: string };
  data: string;
}

/** Decap's Backend class around the configured implementation. */
interface DecapBackendInternals extends DecapBackend {
  implementation: { allEntriesByFolder?(folder: string, extension: string, depth: number): Promise<ImplementationEntry[]> };
  processEntries(entries: ImplementationEntry[], collection: Immutable): LoadedEntry[];
}

export const store = untypedStore as DecapStore;
export const Backend = UntypedBackend as { prototype: { invokePreSaveEvent(entry: Immutable): Promise<Immutable>; currentUser(): Promise<{ login?: string; name?: string }> } };
const currentBackend = () => (untypedCurrentBackend as (config: unknown) => DecapBackendInternals)(store.getState().config);
export const backend = (): DecapBackend => currentBackend();

/**
 * Every entry of a folder collection, each with all its languages (`data` =
 * the default language, `i18n.<locale>.data` the others), through the
 * configured backend. Decap's `Backend.listAllEntries` minus its path filter
 * (see the top of this file): the same implementation call, folder depth
 * (Decap's `collectionDepth`: the nested or path depth, plus the locale
 * folder of `multiple_folders`) and grouping (`processEntries`).
 */
export async function allEntries(collection: Immutable): Promise<LoadedEntry[]> {
  const decap = currentBackend();
  const folder = collection.get('folder') as string | undefined;
  if (!folder || !decap.implementation.allEntriesByFolder) return decap.listAllEntries(collection);
  const nestedDepth = collection.getIn(['nested', 'depth']) as number | undefined;
  const depth = (untypedGetI18nFilesDepth as (c: Immutable, depth: number) => number)(collection, nestedDepth || String(collection.get('path', '') ?? '').split('/').length);
  const extension = (untypedSelectFolderEntryExtension as (c: Immutable) => string)(collection);
  return decap.processEntries(await decap.implementation.allEntriesByFolder(folder, extension, depth), collection);
}

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
