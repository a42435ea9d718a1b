/**
 * Finds Poppler's `pdftotext` (and `pdffonts` beside it) for the tests that
 * read the material PDFs, the way find-browser.mjs finds Chromium:
 *   1. PDFTOTEXT_PATH, if set;
 *   2. `pdftotext` on PATH (Debian/Ubuntu: poppler-utils; macOS: brew install poppler);
 *   3. as root on Debian/Ubuntu: `apt-get install -y poppler-utils`.
 * Otherwise it fails and says how to get it.
 *
 * Why Poppler: it is what Linux PDF viewers (Evince, Okular) and many search
 * indexers use to read a PDF's text, and it puts right-to-left lines in
 * logical order, so a test can compare a line with the text that was typeset.
 *
 * Usage: `import { findPdftotext } from './find-poppler.mjs'`, or run it to print the path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function aptInstall() {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return undefined;
  console.error("[find-poppler] No pdftotext found; installing Debian's poppler-utils with apt-get (needs the Debian mirror)...");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], { stdio: 'inherit', env });
  } catch (error) {
    console.error(`[find-poppler] apt-get failed: ${error instanceof Error ? error.message : error}`);
    return undefined;
  }
  return onPath('pdftotext');
}

/** Absolute path of pdftotext; throws with instructions when there is none. */
export function findPdftotext() {
  const fromEnv = process.env.PDFTOTEXT_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`PDFTOTEXT_PATH is set to ${fromEnv}, which does not exist.`);
  }
  const found = onPath('pdftotext') ?? aptInstall();
  if (found) return found;
  throw new Error(
    'No pdftotext found for the PDF tests. Install Poppler:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y poppler-utils\n' +
      '  - macOS: brew install poppler\n' +
      'or set PDFTOTEXT_PATH=/path/to/pdftotext.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(findPdftotext());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
