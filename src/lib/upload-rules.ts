/**
 * What may be uploaded to public/uploads/, and under which name: one module
 * for the build (src/lib/validate-content.ts) and the CMS (admin/uploads.ts).
 *
 * Reasoning (issue 14):
 * - A file is what its bytes say, not what its name says: an executable
 *   renamed `program.pdf` was published as a "PDF download". `file-type` reads
 *   the magic bytes; a PDF must also parse (`pdf-lib`) and have a page.
 * - Only PDFs, raster images and recordings (MP3, Opus; issue 16): an SVG or
 *   HTML file served from this origin can run script. A recording's bytes must
 *   say what its name says: `.mp3` an "ID3" tag or an MPEG audio frame sync,
 *   `.opus`/`.ogg` an Ogg page ("OggS") holding an Opus stream ("OpusHead"),
 *   as `file-type` reads them. Vorbis, FLAC or video in Ogg are refused: the
 *   recording field promises readers Opus or MP3.
 * - Names: Decap keeps only ASCII letters of a name, so `دليل 2026.pdf` and
 *   `راهنما 2026.pdf` both became `2026.pdf` and the second replaced the first.
 *   `transliteration` turns any script into Latin (Arabic, Persian, Pashto,
 *   Cyrillic, Turkish); a name with no letters at all gets a short content
 *   hash; a name taken by a different file gets the hash appended. Same bytes
 *   and name → same result (stable); different bytes → different name (unique).
 */
import { fileTypeFromBuffer } from 'file-type';
import { slugify } from 'transliteration';
import type { FileProblem } from './content-rules/entries.ts';

/** Extension → the MIME type its bytes must have. */
export const UPLOAD_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  mp3: 'audio/mpeg',
  opus: 'audio/ogg; codecs=opus',
  ogg: 'audio/ogg; codecs=opus',
};

/** What may be uploaded, for messages: "PDF, JPEG, PNG, WebP, AVIF, MP3 and Opus". */
const ALLOWED_EN = 'PDF, JPEG, PNG, WebP, AVIF, MP3 and Opus';
const ALLOWED_TR = 'PDF, JPEG, PNG, WebP, AVIF, MP3 ve Opus';

export const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * Problems with one upload, by name and bytes; [] when it may be published.
 * `path` is how the problem names the file (e.g. public/uploads/x.pdf).
 */
export async function uploadProblems(path: string, bytes: Uint8Array): Promise<FileProblem[]> {
  const name = path.split('/').pop() ?? path;
  const ext = extensionOf(name);
  const expected = UPLOAD_TYPES[ext];
  const problem = (en: string, tr: string): FileProblem[] => [{ file: path, en, tr }];
  if (!expected) {
    return problem(
      `only ${ALLOWED_EN} files may be uploaded. Remove this file.`,
      `"${name}" yüklenemez: yalnızca ${ALLOWED_TR} dosyaları yüklenebilir (SVG, HTML, Word ve programlar olmaz).`,
    );
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime !== expected) {
    const what = detected ? `of type ${detected.ext.toUpperCase()}` : 'of no type the site publishes';
    return problem(
      `the name says .${ext} but the bytes are ${what}. Only real ${ALLOWED_EN} files may be uploaded.`,
      `"${name}" gerçek bir ${ext.toUpperCase()} dosyası değil (içeriği ${detected ? detected.ext.toUpperCase() : 'tanınmayan bir tür'}). Dosyayı ${expected.startsWith('audio/') ? 'MP3 ya da Opus ses dosyası' : 'PDF ya da görsel'} olarak yeniden kaydedip yükleyin.`,
    );
  }
  if (ext === 'pdf') {
    const pages = await pdfPageCount(bytes);
    if (!pages) {
      return problem(
        'starts like a PDF but does not open as one (damaged, or no pages).',
        `"${name}" PDF gibi başlıyor ama PDF olarak açılmıyor (bozuk ya da sayfası yok). PDF'i yeniden dışa aktarıp yükleyin.`,
      );
    }
  }
  return [];
}

/** Pages of a PDF, or 0 when pdf-lib cannot read it. Loaded on demand: the CMS needs it only when a PDF is chosen. */
async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const { PDFDocument } = await import('pdf-lib');
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    return pdf.getPageCount();
  } catch {
    return 0;
  }
}

/** First 8 hex digits of the SHA-256 of the bytes (Web Crypto: the same in Node and the browser). */
export async function shortHash(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest).slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Latin part of a name: "Öğretmen kılavuzu" → "ogretmen-kilavuzu", "دليل 2026" → "dlyl-2026", "🚨" → "". */
export function latinName(name: string): string {
  return slugify(name, { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

/**
 * The name to upload `original` under. `isSameFile(name)` answers undefined
 * when no file of that name is in public/uploads/, true when that file has
 * these bytes, false when it is a different file (never replaced).
 * Returns the name and whether that file is already there with these bytes
 * (then nothing needs uploading).
 */
export async function uploadName(
  original: string,
  bytes: Uint8Array,
  isSameFile: (name: string) => boolean | undefined | Promise<boolean | undefined>,
): Promise<{ name: string; alreadyThere: boolean }> {
  const ext = extensionOf(original) === 'jpeg' ? 'jpg' : extensionOf(original);
  const stem = latinName(original.replace(/\.[^.]*$/, ''));
  const hash = await shortHash(bytes);
  const candidates = stem ? [`${stem}.${ext}`, `${stem}-${hash}.${ext}`] : [`${hash}.${ext}`];
  for (const name of candidates) {
    const same = await isSameFile(name);
    if (same === undefined) return { name, alreadyThere: false }; // free
    if (same) return { name, alreadyThere: true };
  }
  // Name and name-with-hash both taken by other files: astronomically unlikely; add more of the hash.
  return { name: `${stem || 'file'}-${hash}-${bytes.length}.${ext}`, alreadyThere: false };
}
