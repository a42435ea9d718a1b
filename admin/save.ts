/**
 * What happens between "Yayınla" and the files being written (issue 14):
 *   1. Decap's own `preSave` listeners (CMS.registerEventListener);
 *   2. the form must belong to the entry in the address bar (admin/route-guard.ts);
 *   3. translation bookkeeping, with the report's own code
 *      (src/lib/translation-status.ts): a translation that changed in this save,
 *      or was created, gets `sourceHash` = the hash of the source text it now
 *      matches (so "outdated" is computed from the moment it was made); a status
 *      set to "reviewed" records `reviewedBy` (the editor's login) and
 *      `reviewedAt` (today); a status moved away from "reviewed" drops them;
 *   4. the guard (admin/guard.ts): if the build would refuse any language
 *      file, nothing is written and the problems stay on screen.
 * Decap lets preSave listeners replace only the default language's data, so
 * this runs in Backend.invokePreSaveEvent (admin/decap-internals.ts).
 */
import { defaultLocale } from '../src/i18n/locales.ts';
import { sourceFields, sourceHashOf } from '../src/lib/translation-status.ts';
import { fileKind } from '../src/schemas/common.ts';
import { Backend, resetDraft, store, type Immutable } from './decap-internals.ts';
import type { ContentFile } from '../src/lib/content-rules/entries.ts';
import { checkSave, problemText } from './guard.ts';
import { showProblems } from './problems-panel.ts';
import { draftUploads, loadContentFiles, loadUploads } from './repository.ts';
import { routeMismatch } from './route-guard.ts';
import { collectionNames } from '../src/collections.ts';
import { withoutEmpty } from './cleared-fields.ts';

const folderNames = new Set<string>(collectionNames);

const plain = (value: unknown) => (value && typeof (value as Immutable).toJS === 'function' ? ((value as Immutable).toJS() as Record<string, unknown>) : undefined);

/** Today as YYYY-MM-DD in the editor's time zone. */
const today = () => new Date().toLocaleDateString('sv-SE');

/** Text a translator changed (translatable fields, body, status): compared to decide whether to stamp. */
function translationText(collection: string, data: Record<string, unknown> | undefined) {
  if (!data) return '';
  const cleaned = withoutEmpty(data);
  return JSON.stringify([sourceFields(collection, cleaned, typeof cleaned.body === 'string' ? cleaned.body : ''), cleaned.translationStatus ?? null]);
}

const BOOKKEEPING = ['sourceHash', 'reviewedBy', 'reviewedAt'] as const;

/**
 * Stamps every translation of the entry that this save creates or changes.
 * `persisted` are the entry's files as the repository has them now: an
 * unchanged translation keeps the repository's bookkeeping (the form may hold
 * an older copy of these hidden fields).
 */
export async function stampTranslations(entry: Immutable, author: { login?: string; name?: string }, persisted: ContentFile[]): Promise<Immutable> {
  const collection = entry.get('collection') as string;
  if (!folderNames.has(collection)) return entry;
  const source = withoutEmpty(plain(entry.get('data')) ?? {});
  if (fileKind(source) !== 'entry') return entry;
  const currentHash = await sourceHashOf(collection, source, typeof source.body === 'string' ? source.body : '');
  let result = entry;
  for (const locale of Object.keys(plain(entry.get('i18n')) ?? {})) {
    if (locale === defaultLocale) continue;
    const data = plain(entry.getIn(['i18n', locale, 'data']));
    if (!data) continue;
    const path = ['i18n', locale, 'data'];
    const file = persisted.find((f) => f.locale === locale);
    const before: Record<string, unknown> | undefined = file && { ...file.data, body: file.body };
    const status = data.translationStatus;
    const changed = !file || !before || fileKind(file.data) !== 'entry' || translationText(collection, before) !== translationText(collection, data);
    if (!changed || (status !== 'machine' && status !== 'reviewed')) {
      for (const key of BOOKKEEPING) result = result.setIn([...path, key], before?.[key]);
      continue;
    }
    result = result.setIn([...path, 'sourceHash'], currentHash);
    if (status === 'reviewed' && before?.translationStatus !== 'reviewed') {
      result = result.setIn([...path, 'reviewedBy'], author.login || author.name || 'yerel düzenleyici').setIn([...path, 'reviewedAt'], today());
    } else if (status !== 'reviewed') {
      result = result.setIn([...path, 'reviewedBy'], undefined).setIn([...path, 'reviewedAt'], undefined);
    }
  }
  return result;
}

/** Thrown to stop the save; Decap shows its message in a toast, the panel keeps the list. */
export class SaveRefused extends Error {
  override name = 'Kaydedilmedi';
}

export async function beforeWrite(entry: Immutable, author: { login?: string; name?: string }): Promise<Immutable> {
  const collection = entry.get('collection') as string;
  const mismatch = routeMismatch(entry);
  if (mismatch) {
    showProblems([mismatch]);
    throw new SaveRefused(mismatch);
  }
  let files: ReturnType<typeof loadContentFiles> | undefined;
  let uploads: ReturnType<typeof loadUploads> | undefined;
  const repository = () => (files ??= loadContentFiles());
  const uploadsOnce = () => (uploads ??= loadUploads());
  // The guard's cross-entry rules need both: asked for together, they load side by side.
  if (folderNames.has(collection)) void Promise.allSettled([repository(), uploadsOnce()]);
  const slug = String(entry.get('slug') ?? '');
  const persisted = entry.get('newRecord') || !folderNames.has(collection) ? [] : (await repository()).filter((f) => f.collection === collection && f.name === slug);
  const stamped = await stampTranslations(entry, author, persisted);
  const problems = await checkSave(collection, stamped, {
    repository,
    sizeOf: async () => {
      const [inRepository, chosen] = [await uploadsOnce(), draftUploads()];
      return (path: string) => chosen.get(path)?.size ?? inRepository.get(path)?.size;
    },
    newUploads: draftUploads(),
  });
  if (problems.length) {
    const lines = problems.map(problemText);
    showProblems(lines);
    throw new SaveRefused(`site bu girdiyi yayımlayamaz; ${lines.length} sorun ekranın altında listelendi.`);
  }
  showProblems([]);
  if (!entry.get('newRecord') && stamped !== entry) showWhenSaved(stamped);
  return stamped;
}

/** Once Decap has written the entry, the form takes the stamped version (the translation notice then says "up to date"). */
function showWhenSaved(stamped: Immutable) {
  const stop = store.subscribe(() => {
    const draft = store.getState().entryDraft;
    if (draft.getIn(['entry', 'isPersisting'])) return;
    stop();
    if (!draft.get('hasChanged')) resetDraft(stamped.set('isPersisting', false));
  });
}

/** Installs beforeWrite in Decap's save path (once). */
export function installSaveHook() {
  const original = Backend.prototype.invokePreSaveEvent;
  Backend.prototype.invokePreSaveEvent = async function (this: typeof Backend.prototype, entry: Immutable) {
    const afterListeners = await original.call(this, entry);
    return beforeWrite(afterListeners, await this.currentUser());
  };
}
