/**
 * The build's checks across entries: the rules in src/lib/content-rules/entries.ts
 * (slugs that match file names, helplines that exist, downloads and recordings
 * with the size the page states, sources that link a page rather than a site's home page,
 * translation status per language, no translation that is a copy of the
 * source) and src/lib/upload-rules.ts (uploads of safe types, checked by
 * their bytes; a recording field whose file is refused is named too). The CMS runs the same functions before it writes
 * (admin/guard.ts). Each problem names the file and the field, and the build
 * stops with all of them listed at once. Run once per build, by `getRoutes()`
 * (src/lib/entries.ts), before any page is rendered.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getCollection } from 'astro:content';
import { collectionNames, splitEntryId } from '../collections.ts';
import { notOrdinaryFiles } from './ordinary-files.ts';
import { crossEntryProblems, recordingIsAudio, type ContentFile, type FileProblem } from './content-rules/entries.ts';
import { uploadProblems } from './upload-rules.ts';

class ContentError extends Error {
  override name = 'ContentError';
}

let validated: Promise<void> | undefined;

export function validateContent(): Promise<void> {
  validated ??= run();
  return validated;
}

async function run(): Promise<void> {
  const files: ContentFile[] = [];
  for (const collection of collectionNames) {
    for (const entry of await getCollection(collection)) {
      const { locale, slug: name } = splitEntryId(entry.id);
      const { kind: _kind, ...data } = entry.data as Record<string, unknown>;
      files.push({ collection, locale, name, data, body: entry.body ?? '' });
    }
  }
  const publicDir = join(process.cwd(), 'public');
  const sizeOf = (path: string) => {
    const onDisk = join(publicDir, path);
    return onDisk.startsWith(publicDir) && existsSync(onDisk) ? statSync(onDisk).size : undefined;
  };
  const uploads = await checkUploads(publicDir);
  // A recording whose file the upload rules refuse: named by the entry and field too (the upload itself is listed below).
  const uploadProblemsAt = (path: string) => uploads.get(join(publicDir, path)) ?? [];
  const problems: FileProblem[] = [...crossEntryProblems(files, sizeOf), ...files.flatMap((file) => recordingIsAudio(file, uploadProblemsAt)), ...[...uploads.values()].flat()];
  if (problems.length) {
    const lines = problems.map((p) => `${p.file}: ${p.en}`);
    throw new ContentError(`Invalid content (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n  - ${lines.join('\n  - ')}`);
  }
}

/**
 * Every file in public/uploads/ must be a PDF, raster image or recording by its bytes
 * (src/lib/upload-rules.ts). Returns each refused file's problems by its absolute path.
 */
async function checkUploads(publicDir: string): Promise<Map<string, FileProblem[]>> {
  const folder = join(publicDir, 'uploads');
  if (!existsSync(folder)) return new Map();
  // A symbolic link is no upload: the build would copy whatever it points to into the site (src/lib/ordinary-files.ts).
  const notFiles = notOrdinaryFiles(folder).map((path): [string, FileProblem[]] => {
    const file = relative(process.cwd(), path);
    return [
      path,
      [
        {
          file,
          en: 'not an ordinary file (a symbolic link?): public/uploads/ may hold only uploaded files; replace the link with the file itself, or remove it.',
          tr: `${file} sıradan bir dosya değil (bir kısayol/bağlantı olabilir); yüklemeler klasöründe yalnızca yüklenmiş dosyalar olabilir. Kaldırın ya da dosyanın kendisini yükleyin.`,
        },
      ],
    ];
  });
  // Listing follows a linked folder: only once there is no link.
  if (notFiles.length) return new Map(notFiles);
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== '.gitkeep');
  const checked = await Promise.all(
    files.map(async (entry): Promise<[string, FileProblem[]]> => {
      const path = join(entry.parentPath, entry.name);
      return [path, await uploadProblems(relative(process.cwd(), path), new Uint8Array(readFileSync(path)))];
    }),
  );
  return new Map(checked.filter(([, problems]) => problems.length > 0));
}
