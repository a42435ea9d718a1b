/**
 * Reading a PDF's text and fonts as a reader's tools do, for the tests of the
 * material PDFs (tests/dist/material-pdf.dist.test.ts, tests/unit/material-pdf.unit.test.ts) and of printing
 * (tests/e2e/print.spec.ts): Poppler's pdftotext and pdffonts, found by
 * scripts/lib/find-poppler.mjs (PDFTOTEXT_PATH, PATH, or apt-get as root).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findPdftotext } from '../../scripts/lib/find-poppler.mjs';

const pdftotext = findPdftotext() as string;

function withFile<T>(pdf: string | Uint8Array, read: (file: string) => T): T {
  if (typeof pdf === 'string') return read(pdf);
  const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page, in reading order (right-to-left lines in logical order), as pdftotext gives it. */
export function pdfPages(pdf: string | Uint8Array): string[] {
  const text = withFile(pdf, (file) => execFileSync(pdftotext, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1);
}

/** The base names of the fonts embedded in a PDF ("NotoSans-Bold"), without the subset prefix. */
export function pdfFonts(pdf: string | Uint8Array): string[] {
  const out = withFile(pdf, (file) => execFileSync(join(dirname(pdftotext), 'pdffonts'), [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

/**
 * Text as compared in the tests: without the bidi embedding marks pdftotext
 * wraps right-to-left lines in (U+202A–U+202E), with runs of white space
 * (line breaks of a wrapped title) as one space.
 */
export function plain(text: string): string {
  return text
    .replace(/[\u202A-\u202E]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What Poppler reads for Arabic-script text set with the lam-alef ligature
 * (لا, لأ, لإ, لآ): the two letters of the one glyph come out swapped ("ال"),
 * because it reverses a right-to-left run character by character, after the
 * ligature glyph was expanded to its two letters; every other letter and word
 * comes out in logical order. pdf.js and MuPDF did the same (pdfminer.six
 * #850, ahrm/sioyek #1355, fixed there; PDFBox fixed it in PDFBOX-4531). The
 * PDF maps the glyph to the letters in logical order, which is what PDFBox and
 * the fixed readers expect. Used to state exactly what the extraction is.
 */
export function asPopplerReadsLamAlef(text: string): string {
  return text.replace(/ل([اأإآ])/g, '$1ل');
}
