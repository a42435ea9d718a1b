/**
 * Every upload, from a field or from the Media page, is checked and renamed
 * before Decap sees it (issue 14), with src/lib/upload-rules.ts — the module
 * the build checks public/uploads/ with.
 *
 * - By its bytes: a PDF must be a PDF that opens, an image a JPEG, PNG, WebP
 *   or AVIF; anything else is refused with a Turkish message, and nothing is
 *   written (Decap writes Media-page uploads at once).
 * - Renamed to a Latin, unique, stable name: `دليل 2026.pdf` → `dlyl-2026.pdf`;
 *   a name another file has gets a short content hash; the same file again is
 *   not uploaded twice. Decap never asks to "replace" an existing file, which
 *   deleted the old one at once, even if the entry was then not saved.
 *
 * How: Decap's media library reads the file from its <input type="file">
 * `change` event. We catch that event first (capture phase on the document),
 * check the file, put the renamed file into the input and let a new `change`
 * event through. Decap's own code is untouched.
 */
import { uploadName, uploadProblems } from '../src/lib/upload-rules.ts';
import { backend, notify, store, type Immutable, type MediaFile } from './decap-internals.ts';
import { showProblems } from './problems-panel.ts';

const PASSED = 'cmsUploadChecked';

function knownFiles(): MediaFile[] {
  const state = store.getState();
  const library = (state.mediaLibrary.get('files') as MediaFile[] | { toJS(): MediaFile[] } | undefined) ?? [];
  const drafts = (state.entryDraft.getIn(['entry', 'mediaFiles']) as Immutable | undefined)?.toJS() as MediaFile[] | undefined;
  return [...(Array.isArray(library) ? library : library.toJS()), ...(drafts ?? [])];
}

async function bytesOf(file: MediaFile): Promise<Uint8Array | undefined> {
  try {
    if (file.file) return new Uint8Array(await file.file.arrayBuffer());
    const loaded = await backend().getMediaFile(file.path);
    if (loaded.file) return new Uint8Array(await loaded.file.arrayBuffer());
    if (loaded.url) return new Uint8Array(await (await fetch(loaded.url)).arrayBuffer());
  } catch {
    // unknown: treated as a different file
  }
  return undefined;
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

export async function checkedUpload(file: File): Promise<{ file?: File; problems: string[]; alreadyThere?: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problems = await uploadProblems(`public/uploads/${file.name}`, bytes);
  if (problems.length) return { problems: problems.map((p) => p.tr) };
  const known = knownFiles();
  const { name, alreadyThere } = await uploadName(file.name, bytes, async (candidate) => {
    const existing = known.find((f) => f.name.toLowerCase() === candidate);
    if (!existing) return undefined;
    if (existing.size !== undefined && existing.size !== bytes.length) return false;
    const theirs = await bytesOf(existing);
    return theirs ? equal(theirs, bytes) : false;
  });
  if (alreadyThere) return { problems: [], alreadyThere: name };
  return { file: new File([bytes], name, { type: file.type, lastModified: file.lastModified }), problems: [] };
}

export function watchUploads(doc: Document = document) {
  doc.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
      if (input.dataset[PASSED]) {
        delete input.dataset[PASSED];
        return;
      }
      const file = input.files?.[0];
      if (!file) return;
      event.stopImmediatePropagation();
      void checkedUpload(file).then(({ file: renamed, problems, alreadyThere }) => {
        if (problems.length || !renamed) {
          input.value = '';
          if (problems.length) showProblems(problems, 'Yüklenmedi');
          if (alreadyThere) notify(`Bu dosya zaten yüklü: ${alreadyThere}. Listeden seçin.`, 'success', 8000);
          return;
        }
        showProblems([]);
        const transfer = new DataTransfer();
        transfer.items.add(renamed);
        input.files = transfer.files;
        input.dataset[PASSED] = 'yes';
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    },
    true,
  );
}
