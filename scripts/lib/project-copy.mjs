/**
 * Copies a project into a temporary folder (without node_modules, dist,
 * caches or .git; node_modules is linked), so tests and the benchmark can
 * change content and build without touching the real one.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** This project's folder. */
export const projectRoot = resolve(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.builds', '.cache', '.git', '.astro', '.wrangler', 'test-results', 'reports', 'playwright-report']);

/**
 * @param {string} [prefix] of the temporary folder's name
 * @param {{ from?: string, content?: boolean }} [options] the project to copy (default: this one); content: false leaves content/ out
 * @returns {string} the copy's path
 */
export function copyProject(prefix = 'site-copy-', { from = projectRoot, content = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of readdirSync(from)) {
    if (SKIP.has(name) || (!content && name === 'content')) continue;
    cpSync(join(from, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Copies every file under `overlay` into `dir`, keeping relative paths. */
export function applyOverlay(dir, overlay) {
  if (existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
}

export function removeCopy(dir) {
  rmSync(dir, { recursive: true, force: true });
}
