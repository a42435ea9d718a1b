/** Made-up sites and projects for unit tests: files written into a fresh temporary folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `files` (path → text) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A new temporary folder holding `files`; remove it with removeTemp(). */
export function tempSite(prefix: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  writeFiles(dir, files);
  return dir;
}

export const removeTemp = (dir: string) => rmSync(dir, { recursive: true, force: true });
