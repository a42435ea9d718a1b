/**
 * Typesetting a material's PDF with Typst (npm @myriaddreamin/typst-ts-node-compiler),
 * with fonts from npm packages and a cache keyed by content hash.
 *
 * Reasoning:
 * - Typst is a real typesetter: it shapes Arabic, Persian and Pashto with
 *   HarfBuzz's rules (rustybuzz), runs the Unicode bidi algorithm, breaks lines
 *   and pages, and writes a tagged PDF with the text extractable. The compiler
 *   is a native Node module from npm, so a static host's build (Netlify,
 *   Cloudflare Pages) needs nothing installed.
 * - Fonts come from npm (@embedpdf/fonts-latin: Noto Sans; @embedpdf/fonts-arabic:
 *   Noto Naskh Arabic) and are given to the compiler as blobs, which Typst
 *   prefers to system fonts; the template sets `fallback: false`. The newer
 *   Noto Naskh Arabic in @expo-google-fonts draws the dots of ت ي ب as separate
 *   glyphs, and its PDFs extract as letter soup (tried: pdftotext and pdf.js
 *   both read "ي تيتكلم" for "يتكلم"); this build of the font does not.
 * - Deterministic: the document has no date (`date: none`), so the same
 *   content gives the same bytes; the cache key is the SHA-256 of the
 *   compiler's version, the fonts, the template and the data.
 * - Cache: `.cache/material-pdf/<hash>.pdf` (or MATERIAL_PDF_CACHE_DIR). A
 *   build only typesets what changed; copies of the project made by the tests
 *   share the project's cache (scripts/lib/project-copy.mjs).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { NodeCompiler as NodeCompilerType } from '@myriaddreamin/typst-ts-node-compiler';

const projectRequire = createRequire(join(process.cwd(), 'package.json'));

/** The folder of an installed package (its exports need not list package.json). */
function packageDir(name: string): string {
  let dir = dirname(projectRequire.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of the npm package ${name}.`);
    dir = parent;
  }
  return dir;
}

/** The four faces the template uses: regular and bold, for Latin/Cyrillic and for Arabic script. */
function fontFiles(): string[] {
  const latin = join(packageDir('@embedpdf/fonts-latin'), 'fonts');
  const arabic = join(packageDir('@embedpdf/fonts-arabic'), 'fonts');
  return [join(latin, 'NotoSans-Regular.ttf'), join(latin, 'NotoSans-Bold.ttf'), join(arabic, 'NotoNaskhArabic-Regular.ttf'), join(arabic, 'NotoNaskhArabic-Bold.ttf')];
}

interface Typesetter {
  compiler: NodeCompilerType;
  /** Identifies compiler and fonts in the cache key. */
  identity: string;
}
let typesetter: Typesetter | undefined;

async function getTypesetter(): Promise<Typesetter> {
  if (typesetter) return typesetter;
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const fonts = fontFiles().map((file) => readFileSync(file));
  const compilerVersion = JSON.parse(readFileSync(join(packageDir('@myriaddreamin/typst-ts-node-compiler'), 'package.json'), 'utf8')).version as string;
  const hash = createHash('sha256').update(compilerVersion);
  for (const font of fonts) hash.update(font);
  typesetter = { compiler: NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts }] }), identity: hash.digest('hex') };
  return typesetter;
}

export function cacheDir(): string {
  return resolve(process.env.MATERIAL_PDF_CACHE_DIR ?? join(process.cwd(), '.cache', 'material-pdf'));
}

export interface TypesetResult {
  pdf: Buffer;
  pages: number;
  /** The base type size chosen, in pt (posters: the largest that fits one page). */
  size: number;
}

export interface TypesetRequest {
  /** The Typst source (material.typ). */
  template: string;
  /** What the template reads as `sys.inputs.data`, without `size`. */
  data: Record<string, unknown>;
  /** Base type sizes to try, in pt, largest first: the first that fits `maxPages` wins, else the last. */
  sizes: readonly number[];
  maxPages?: number;
  /** Names the entry in errors, e.g. "content/materials/ar/cefm-lesson-plan.md". */
  source: string;
}

function diagnosticsText(error: unknown): string {
  const diagnostics = (error as { shortDiagnostics?: unknown[] } | null)?.shortDiagnostics;
  return diagnostics ? diagnostics.map((d) => JSON.stringify(d)).join('\n') : String(error);
}

/**
 * Typesets one PDF, from the cache when the same input was typeset before.
 * Throws, naming `source`, if Typst reports an error, or a warning about a
 * font (a face that did not load would print the whole PDF in boxes); other
 * warnings are printed.
 */
export async function typeset({ template, data, sizes, maxPages = Infinity, source }: TypesetRequest): Promise<TypesetResult> {
  const { compiler, identity } = await getTypesetter();
  const key = createHash('sha256')
    .update(JSON.stringify([identity, template, data, sizes, maxPages]))
    .digest('hex');
  const dir = cacheDir();
  const cached = join(dir, `${key}.pdf`);
  const meta = join(dir, `${key}.json`);
  if (existsSync(cached) && existsSync(meta)) {
    const { pages, size } = JSON.parse(readFileSync(meta, 'utf8')) as { pages: number; size: number };
    return { pdf: readFileSync(cached), pages, size };
  }
  if (sizes.length === 0) throw new Error(`${source}: no type size to try.`);
  type Document = NonNullable<ReturnType<NodeCompilerType['compile']>['result']>;
  const compiled = new Map<number, Document>();
  /** The document at `sizes[i]`, compiled once. */
  const documentAt = (i: number): Document => {
    const done = compiled.get(i);
    if (done) return done;
    const size = sizes[i]!;
    const result = compiler.compile({ mainFileContent: template, inputs: { data: JSON.stringify({ ...data, size }) } });
    const error = result.takeError();
    if (error || !result.result) throw new Error(`${source}: the PDF could not be typeset.\n${diagnosticsText(error)}`);
    const warnings = result.takeWarnings();
    if (warnings && warnings.shortDiagnostics.length > 0) {
      // A font warning means a face did not load: every page would print in the wrong font or in boxes.
      const text = diagnosticsText(warnings);
      if (/font/i.test(text)) throw new Error(`${source}: Typst could not find a font while typesetting the PDF.\n${text}`);
      console.warn(`[material-pdf] ${source}: Typst warned:\n${text}`);
    }
    compiled.set(i, result.result);
    return result.result;
  };
  // The first size that fits `maxPages`, else the last, found by halving (a poster: 3–4 compiles of 9 sizes
  // instead of 5–8 from the largest down; issue 17). It is the size a search from the largest down finds when text
  // at a smaller size never takes more pages than at a larger one (tests/unit/material-pdf.unit.test.ts compares).
  let low = 0;
  let high = sizes.length - 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (documentAt(middle).numOfPages <= maxPages) high = middle;
    else low = middle + 1;
  }
  const chosen = { document: documentAt(low), size: sizes[low]! };
  const pdf = compiler.pdf(chosen.document);
  const pages = chosen.document.numOfPages;
  compiler.evictCache(10);
  mkdirSync(dir, { recursive: true });
  // Written under a temporary name and renamed, so a build running beside this one never reads half a file.
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, pdf);
  writeFileSync(`${meta}.${process.pid}.tmp`, JSON.stringify({ pages, size: chosen.size, source }));
  renameSync(`${meta}.${process.pid}.tmp`, meta);
  renameSync(temporary, cached);
  return { pdf, pages, size: chosen.size };
}
