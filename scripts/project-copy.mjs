/**
 * Copies this project into a temporary folder (without node_modules, dist,
 * caches or .git; node_modules is linked), so tests and the benchmark can
 * change content and build without touching the real one.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { localSiteUrl, siteUrlFrom } from '../src/lib/site-url.ts';

export const projectRoot = resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', '.builds', '.cache', '.git', '.astro', '.wrangler', 'test-results', 'reports', 'playwright-report']);

export function copyProject(prefix = 'site-copy-', { content = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of readdirSync(projectRoot)) {
    if (SKIP.has(name) || (!content && name === 'content')) continue;
    cpSync(join(projectRoot, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Copies every file under `overlay` into `dir`, keeping relative paths. */
export function applyOverlay(dir, overlay) {
  if (existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
}

/**
 * Runs `astro build` in `dir`; returns { status, output } and never throws on a failed build.
 * A local build: without SITE_URL (or a host's variable) the site's address is a loopback one.
 */
export function buildIn(dir, { outDir, env = {} } = {}) {
  const args = ['astro', 'build', ...(outDir ? ['--outDir', outDir] : [])];
  const result = spawnSync(join(projectRoot, 'node_modules', '.bin', 'astro'), args.slice(1), {
    cwd: dir,
    encoding: 'utf8',
    // The material PDFs' cache is keyed by content hash, so a copy can share this project's (src/lib/material-pdf/typst-compile.ts).
    env: { ...(siteUrlFrom(process.env) ? {} : { SITE_URL: localSiteUrl(process.env.TEST_PORT ?? 4321) }), MATERIAL_PDF_CACHE_DIR: join(projectRoot, '.cache', 'material-pdf'), ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

export function removeCopy(dir) {
  rmSync(dir, { recursive: true, force: true });
}
