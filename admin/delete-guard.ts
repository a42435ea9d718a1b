/**
 * Nothing an editor deletes can break what remains (issue 14).
 *
 * - An entry other entries use (a helpline that campaigns list, a page the
 *   site's menus link to) is not deleted: the editor reads which entries use
 *   it, so they can remove it there first. Decap runs `preUnpublish` listeners
 *   before it deletes a published entry; throwing stops the deletion.
 * - An upload a page links to (a material's PDF, a campaign image) is not
 *   deleted from the Media page either. Decap has no event for that, so its
 *   Backend.deleteMedia is wrapped (admin/decap-internals.ts).
 * Who uses what comes from src/lib/content-rules/entries.ts (`referrersOf`), the same
 * module the build's checks use.
 */
import { defaultLocale } from '../src/i18n/locales.ts';
import { collectionLabel, referrersOf, type ContentFile } from '../src/lib/content-rules/entries.ts';
import { Backend, type Immutable } from './decap-internals.ts';
import { showProblems } from './problems-panel.ts';
import { loadContentFiles } from './repository.ts';

export class DeleteRefused extends Error {
  override name = 'Silinmedi';
}

export async function guardDelete({ entry }: { entry?: Immutable }): Promise<undefined> {
  if (!entry) return undefined;
  const collection = entry.get('collection') as string;
  const name = String(entry.get('slug'));
  const referrers = referrersOf(collection, name, await loadContentFiles());
  if (!referrers.length) return undefined;
  const lines = referrers.map((r) => `${collectionLabel(r.collection)}: ${r.title} (${r.why})`);
  showProblems(lines, `Silinmedi: "${String((entry.getIn(['data', 'title']) as string | undefined) ?? name)}" şu girdilerde kullanılıyor. Önce oradan çıkarın:`);
  throw new DeleteRefused(`bu girdi ${referrers.length} yerde kullanılıyor (liste ekranın altında).`);
}

/** Content files that link to an upload (/uploads/x.pdf): a material's PDF, a campaign's image. */
export function filesUsing(publicPath: string, files: ContentFile[]): ContentFile[] {
  return files.filter((f) => JSON.stringify(f.data).includes(`"${publicPath}"`) || (f.body ?? '').includes(publicPath));
}

export function installMediaDeleteGuard() {
  const prototype = Backend.prototype as unknown as { deleteMedia(config: unknown, path: string): Promise<unknown> };
  const original = prototype.deleteMedia;
  prototype.deleteMedia = async function (this: unknown, config: unknown, path: string) {
    const publicPath = `/${path.replace(/^public\//, '')}`;
    const users = filesUsing(publicPath, await loadContentFiles());
    if (users.length) {
      const entries = [
        ...new Set(
          users.map((f) => `${collectionLabel(f.collection)}: ${String(users.find((u) => u.name === f.name && u.locale === defaultLocale)?.data.title ?? f.name)} (${f.locale})`),
        ),
      ];
      showProblems(entries, `Silinmedi: ${publicPath} şu girdilerde kullanılıyor. Önce oradan başka bir dosya seçin:`);
      throw new DeleteRefused(`${publicPath} kullanılıyor.`);
    }
    return original.call(this, config, path);
  };
}
