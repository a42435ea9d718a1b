/**
 * Checks across entries that a single entry's zod schema cannot see: slugs that
 * match file names, references to helplines that exist, downloadable files
 * that exist with the size the page states, and uploads of safe types only.
 * Each problem names the file and the field, and the build stops with all of
 * them listed at once.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';

export class ContentError extends Error {
  override name = 'ContentError';
}

let validated: Promise<void> | undefined;

export function validateContent(): Promise<void> {
  validated ??= run();
  return validated;
}

async function run(): Promise<void> {
  const problems: string[] = [];
  const [campaigns, rights, materials, helplines, pages] = await Promise.all([
    getCollection('campaigns'),
    getCollection('rights'),
    getCollection('materials'),
    getCollection('helplines'),
    getCollection('pages'),
  ]);
  const slugOf = (id: string) => id.split('/')[1] ?? id;
  const helplineSlugs = new Set(helplines.map((h) => slugOf(h.id)));
  const all = [...campaigns, ...rights, ...materials, ...helplines, ...pages];

  for (const entry of all) {
    const file = entry.filePath ?? entry.id;
    const data = entry.data as {
      kind: string;
      slug?: string;
      helplines?: string[];
      file?: { path: string; sizeBytes: number };
      sources?: { url?: string }[];
      legalBasis?: { url?: string }[];
    };
    if (data.slug !== undefined && data.slug !== slugOf(entry.id)) {
      problems.push(`${file}: field "slug" is "${data.slug}" but the file is named "${slugOf(entry.id)}.md". Make them the same.`);
    }
    data.helplines?.forEach((ref, i) => {
      if (!helplineSlugs.has(ref)) {
        problems.push(`${file}: field "helplines[${i}]" is "${ref}", but there is no helpline with that slug. Known: ${[...helplineSlugs].join(', ')}.`);
      }
    });
    for (const field of ['sources', 'legalBasis'] as const) {
      data[field]?.forEach((item, i) => {
        if (item.url && isSiteRoot(item.url)) problems.push(`${file}: field "${field}[${i}].url" is ${item.url}, a site's home page. ${SITE_ROOT_HINT}`);
      });
    }
    if (data.file) {
      const onDisk = join(process.cwd(), 'public', data.file.path);
      if (!existsSync(onDisk)) {
        problems.push(`${file}: field "file.path" points to ${data.file.path}, which is not in public/.`);
      } else if (statSync(onDisk).size !== data.file.sizeBytes) {
        problems.push(`${file}: field "file.sizeBytes" is ${data.file.sizeBytes}, but ${data.file.path} is ${statSync(onDisk).size} bytes.`);
      }
    }
  }

  const bySlug = new Map<string, boolean>();
  for (const entry of all) {
    const key = `${entry.collection}/${slugOf(entry.id)}`;
    bySlug.set(key, (bySlug.get(key) ?? false) || (entry.data as { kind: string }).kind === 'entry');
  }
  for (const [key, hasReal] of bySlug) {
    if (!hasReal) problems.push(`content/${key}: every language file is empty (no title). Write the entry in at least one language.`);
  }

  problems.push(...checkUploads(join(process.cwd(), 'public', 'uploads')));

  if (problems.length) {
    throw new ContentError(`Invalid content (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
  }
}

const SITE_ROOT_HINT =
  'Link the page the fact is on; for a law, its own page on mevzuat.gov.tr with the law number in the address (e.g. https://www.mevzuat.gov.tr/mevzuat?MevzuatNo=6458&MevzuatTur=1&MevzuatTertip=5).';

/**
 * True for an address that is only a site's home page (`https://www.mevzuat.gov.tr`,
 * `…/`, `…/#top`): a reader or editor cannot re-check a fact there. Issue 11 (content
 * review 2026-11-29, §5.1): every legal source had linked the portal's home page.
 */
export function isSiteRoot(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '';
  } catch {
    return false; // not a URL at all: the schema reports that
  }
}

/**
 * Files editors may upload: PDFs and raster images. Anything else in
 * public/uploads/ would be served from this site's own origin, where an SVG or
 * HTML file can run script (and load more from /uploads/) when someone opens
 * it: the way round every other defence for a stolen CMS account.
 */
const UPLOADABLE = /\.(?:pdf|jpe?g|png|webp|avif)$/i;

function checkUploads(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== '.gitkeep' && !UPLOADABLE.test(entry.name))
    .map((entry) => `${join(entry.parentPath, entry.name).slice(process.cwd().length + 1)}: only PDF, JPEG, PNG, WebP and AVIF files may be uploaded. Remove this file.`);
}
