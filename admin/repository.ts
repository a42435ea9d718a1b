/**
 * The repository as the CMS sees it, read through Decap's configured backend
 * (the local decap-server or GitHub, admin/decap-internals.ts): every language
 * file of every Markdown collection, in the shape src/lib/content-rules/entries.ts
 * checks, and the uploads with their sizes. The save guard, the delete guard
 * and the translation page read it.
 */
import { defaultLocale } from '../src/i18n/locales.ts';
import type { ContentFile } from '../src/lib/content-rules/entries.ts';
import { allEntries, backend, collectionConfig, store, type LoadedEntry, type MediaFile } from './decap-internals.ts';
import { collectionNames } from '../src/collections.ts';

/** Entry `slug` (Decap's id, = the file name) → one ContentFile per language that has a file. */
export function filesOf(collection: string, entry: LoadedEntry): ContentFile[] {
  const files: ContentFile[] = [];
  const push = (locale: string, data: Record<string, unknown> | null | undefined) => {
    if (!data) return;
    const { body, ...frontMatter } = data;
    files.push({ collection, locale, name: entry.slug, data: frontMatter, body: typeof body === 'string' ? body : '' });
  };
  push(defaultLocale, entry.data);
  for (const [locale, { data }] of Object.entries(entry.i18n ?? {})) push(locale, data);
  return files;
}

/** Every language file of every Markdown collection. */
export async function loadContentFiles(): Promise<ContentFile[]> {
  const lists = await Promise.all(
    collectionNames.map(async (name) => {
      const config = collectionConfig(name);
      if (!config) return [];
      const entries = await allEntries(config);
      return entries.flatMap((entry) => filesOf(name, entry));
    }),
  );
  return lists.flat();
}

/** Uploads already in the repository, by public path (/uploads/x.pdf). */
export async function loadUploads(): Promise<Map<string, MediaFile>> {
  const media = await backend().getMedia();
  return new Map(media.map((file) => [`/${file.path.replace(/^public\//, '')}`, file]));
}

/** Files chosen in the entry being edited, not yet written (Decap writes them with the entry). */
export function draftUploads(): Map<string, File> {
  const out = new Map<string, File>();
  const mediaFiles = store.getState().entryDraft.getIn(['entry', 'mediaFiles']) as { toJS(): MediaFile[] } | undefined;
  for (const file of mediaFiles?.toJS() ?? []) if (file.file) out.set(`/${file.path.replace(/^public\//, '')}`, file.file);
  return out;
}
