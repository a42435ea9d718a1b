/**
 * Typesetting the material PDFs (issue 10, point 5; src/lib/material-pdf/), on
 * made-up data: an editor's text is data, never Typst markup; the same input
 * gives the same bytes; a poster is set in the largest size that fits one
 * sheet; the Markdown becomes the blocks the template lays out.
 * The PDFs of the built site: tests/dist/material-pdf.dist.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qrCodeSvg } from '../../src/lib/qr-code.ts';
import { entryPath, listPath, localePath } from '../../src/routes.ts';
import { typeset } from '../../src/lib/material-pdf/typst-compile.ts';
import { markdownToTypstData } from '../../src/lib/material-pdf/typst-data.ts';
import { pdfPages, plain } from '../helpers/pdf-text.ts';

const template = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'lib', 'material-pdf', 'material.typ'), 'utf8');
const site = new URL('https://example.org/');
/** A link a body may have: the helplines page, "/tr/helplines/". */
const helplinesPage = localePath('tr', listPath('helplines'));

async function documentData(body: string, title: string) {
  const pageUrl = new URL(localePath('tr', entryPath('materials', 'x')), site).href;
  return {
    kind: 'document',
    paper: 'a4',
    lang: 'tr',
    dir: 'ltr',
    script: 'latin',
    site: { name: 'Site' },
    pageUrl,
    qr: await qrCodeSvg(pageUrl),
    qrAlt: pageUrl,
    qrHint: 'Scan',
    title,
    description: 'A description of ten words or so.',
    facts: [{ label: 'For', value: 'Teachers' }],
    date: 'Published 20 November 2026',
    notice: null,
    helplines: { heading: 'Help', groups: [{ heading: null, lines: [{ number: '157', name: 'YİMER 157' }] }] },
    body: markdownToTypstData(body, site),
    sources: { heading: 'Sources', items: [{ text: 'Türk Medeni Kanunu', dir: 'ltr', url: 'https://www.mevzuat.gov.tr/' }] },
  };
}

async function withCache<T>(run: () => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'material-pdf-cache-'));
  const before = process.env.MATERIAL_PDF_CACHE_DIR;
  process.env.MATERIAL_PDF_CACHE_DIR = dir;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.MATERIAL_PDF_CACHE_DIR;
    else process.env.MATERIAL_PDF_CACHE_DIR = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

test("an editor's text is printed as written, never run as Typst code", async () => {
  const hostile = ['#panic("ran")', '#set page(width: 1cm)', '$x^2$', '*not bold*', '#import "/etc/passwd"', '] [', '\\'];
  const data = await documentData(hostile.map((h) => `- \`${h}\` and ${h.replace(/[*`\\]/g, '')}`).join('\n'), `Title #eval("1") $y$`);
  const { pdf, pages } = await withCache(() => typeset({ template, data, sizes: [11], source: 'test' }));
  assert.ok(pages >= 1);
  const text = plain(pdfPages(pdf).join('\n'));
  assert.ok(text.includes('Title #eval("1") $y$'), text);
  for (const h of hostile) assert.ok(text.includes(h), `"${h}" is not printed as written:\n${text}`);
});

test('the same input gives the same bytes (no date, no random ids), and the cache returns them', async () => {
  const data = await documentData(`## Heading\n\nText with [a link](${helplinesPage}) and **strong** words.`, 'Same');
  const first = await withCache(() => typeset({ template, data, sizes: [11], source: 'test' }));
  const second = await withCache(() => typeset({ template, data, sizes: [11], source: 'test' }));
  assert.ok(first.pdf.equals(second.pdf), 'two typesettings of the same input differ');
  await withCache(async () => {
    const built = await typeset({ template, data, sizes: [11], source: 'test' });
    const cached = await typeset({ template, data, sizes: [11], source: 'test' });
    assert.ok(built.pdf.equals(cached.pdf));
    assert.equal(readdirSync(process.env.MATERIAL_PDF_CACHE_DIR!).filter((f) => f.endsWith('.pdf')).length, 1);
  });
});

test('a poster is set in the largest size that fits one sheet', async () => {
  const long = Array.from({ length: 14 }, (_, i) => `Sentence ${i} of a poster that has rather a lot to say to the corridor.`).join('\n\n');
  const data = { ...(await documentData(long, 'Poster')), kind: 'poster' };
  const sizes = [24, 22, 20, 18, 16, 14];
  const result = await withCache(() => typeset({ template, data, sizes, maxPages: 1, source: 'test' }));
  assert.equal(result.pages, 1);
  assert.ok(result.size < 24 && result.size >= 14, `size ${result.size}`);
  // typeset() halves the list: the size it finds is the one a search from the largest down finds.
  const pagesAt = await withCache(() => Promise.all(sizes.map(async (size) => (await typeset({ template, data, sizes: [size], source: 'test' })).pages)));
  assert.equal(result.size, sizes[pagesAt.findIndex((pages) => pages <= 1)]);
  // None fits: the last size, as before.
  const none = await withCache(() => typeset({ template, data, sizes: [24, 22], maxPages: 1, source: 'test' }));
  assert.equal(none.size, 22);
  assert.ok(none.pages > 1);
});

test('Markdown becomes the blocks the template lays out: tables, lists, links; scripts and images are dropped', () => {
  const blocks = markdownToTypstData(
    [
      '## Plan',
      '',
      '| Time | What |',
      '|---|---|',
      '| 0–5 | Call [157](tel:157) |',
      '',
      '1. one',
      `2. two with [helplines](${helplinesPage})`,
      '',
      '<script>alert(1)</script>',
      '',
      '![a picture](/uploads/x.png) text after',
    ].join('\n'),
    site,
  );
  assert.deepEqual(
    blocks.map((b) => b.t),
    ['heading', 'table', 'list', 'par'],
  );
  assert.deepEqual(blocks[0], { t: 'heading', level: 1, c: [{ t: 'text', v: 'Plan' }] });
  const table = blocks[1] as Extract<(typeof blocks)[number], { t: 'table' }>;
  assert.equal(table.columns, 2);
  assert.deepEqual(table.header, [[{ t: 'text', v: 'Time' }], [{ t: 'text', v: 'What' }]]);
  // A tel: link prints its number only; a link to the site prints its words and, as a footnote, its full address.
  assert.deepEqual(table.rows[0]![1], [
    { t: 'text', v: 'Call ' },
    { t: 'link', c: [{ t: 'text', v: '157' }] },
  ]);
  const list = blocks[2] as Extract<(typeof blocks)[number], { t: 'list' }>;
  assert.equal(list.ordered, true);
  assert.deepEqual(list.items[1]!.at(-1), {
    t: 'par',
    c: [
      { t: 'text', v: 'two with ' },
      { t: 'link', c: [{ t: 'text', v: 'helplines' }], url: new URL(helplinesPage, site).href },
    ],
  });
  assert.ok(!JSON.stringify(blocks).includes('alert'));
  assert.deepEqual(blocks[3], { t: 'par', c: [{ t: 'text', v: 'text after' }] });
});
