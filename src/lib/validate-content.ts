/**
 * The build's checks across entries: the rules in src/lib/content-rules/entries.ts
 * (slugs that match file names, helplines that exist, downloads with the size
 * the page states, sources that link a page rather than a site's home page,
 * translation status per language, no translation that is a copy of the
 * source) and src/lib/upload-rules.ts (uploads of safe types, checked by
 * their bytes). The CMS runs the same functions before it writes
 * (admin/guard.ts). Each problem names the file and the field, and the build
 * stops with all of them listed at once. Run once per build, by `getRoutes()`
 * (src/lib/entries.ts), before any page is rendered.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getCollection } from 'astro:content';
import { collectionNames, splitEntryId } from '../collections.ts';
import { crossEntryProblems, type ContentFile, type FileProblem } from './content-rules/entries.ts';
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
  const problems: FileProblem[] = [...crossEntryProblems(files, sizeOf), ...(await checkUploads(join(publicDir, 'uploads')))];
  if (problems.length) {
    const lines = problems.map((p) => `${p.file}: ${p.en}`);
    throw new ContentError(`Invalid content (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n  - ${lines.join('\n  - ')}`);
  }
}

/** Every file in public/uploads/ must be a PDF or raster image by its bytes (src/lib/upload-rules.ts). */
async function checkUploads(folder: string): Promise<FileProblem[]> {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== '.gitkeep');
  const problems = await Promise.all(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return uploadProblems(relative(process.cwd(), path), new Uint8Array(readFileSync(path)));
    }),
  );
  return problems.flat();
}
