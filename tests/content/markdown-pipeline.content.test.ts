/**
 * Issue 10, points 2 and 3, in the Markdown pipeline the build runs
 * (src/lib/markdown-pipeline.ts, through Astro's Sätteri processor):
 * helpline numbers become tel: links that pass the sanitiser's content rules,
 * and menu paths read in order with arrows that point the reading way.
 * The browser-level proof on the built site: tests/e2e/numbers-and-languages.spec.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { HELPLINE_NUMBERS } from '../../src/lib/content-rules/allowlists.ts';
import { bodyTreeProblems } from '../../src/lib/content-rules/body.ts';
import { markdownToTree } from '../../src/lib/content-rules/markdown.ts';
import type { Root } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { helplineLinker, helplineNumbersIn, linkHelplineNumbers, segmentHelplineNumbers } from '../../src/lib/helpline-links.ts';
import { markdownFeatures, markdownPlugins } from '../../src/lib/markdown-pipeline.ts';
import { markdownWorkerCount, satteriInWorkers } from '../../src/lib/markdown-workers.ts';
import { directionOfFile, isolateMenuPaths, menuPathsPlugin } from '../../src/lib/menu-paths.ts';
import { sanitizeHtmlPlugin } from '../../src/lib/sanitize-html.ts';
import { tableReflowPlugin } from '../../src/lib/table-reflow.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

const renderer = await createSatteriMarkdownProcessor({ syntaxHighlight: false, features: markdownFeatures, ...markdownPlugins({ projectRoot }) });
/** Renders `markdown` as the build renders content/pages/<locale>/test.md, parsed back as the browser would. */
async function render(markdown: string, locale = 'tr'): Promise<Element[]> {
  const result = await renderer.render(markdown, { fileURL: pathToFileURL(join(projectRoot, 'content', 'pages', locale, 'test.md')) } as Parameters<typeof renderer.render>[1]);
  const all: Element[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if ('tagName' in n) {
        all.push(n);
        walk(n.childNodes);
      }
    }
  };
  walk(parseFragment(result.code).childNodes);
  return all;
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (el: Element): string => el.childNodes.map((n) => ('value' in n ? n.value : 'tagName' in n ? text(n) : '')).join('');
const telLinks = (els: Element[]) => els.filter((e) => e.tagName === 'a' && attr(e, 'href')?.startsWith('tel:')).map((a) => ({ href: attr(a, 'href'), text: text(a), dir: attr(a, 'dir') }));

const numbers = helplineNumbersIn(join(projectRoot, 'content'));

test('the helplines collection gives the numbers to link, and they are the vetted ones', () => {
  assert.ok(numbers.length > 0);
  for (const n of numbers) assert.ok((HELPLINE_NUMBERS as readonly string[]).includes(n), n);
  const dir = mkdtempSync(join(tmpdir(), 'helplines-'));
  try {
    mkdirSync(join(dir, 'helplines', 'tr'), { recursive: true });
    writeFileSync(join(dir, 'helplines', 'tr', 'a.md'), '---\nnumber: "157"\n---\n');
    writeFileSync(join(dir, 'helplines', 'tr', 'b.md'), '---\nnumber: "5551234"\n---\n'); // not vetted: never linked
    writeFileSync(join(dir, 'helplines', 'tr', 'c.md'), '---\nnumber: [broken\n---\n'); // the front-matter check reports it
    assert.deepEqual(helplineNumbersIn(dir), ['157']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('numbers in Latin, Arabic-Indic and Persian digits become tel: links to the ASCII number, isolated left-to-right', async () => {
  const [latin, arabic, persian] = [0, 1, 2].map((i) => numbers[i % numbers.length]!) as [string, string, string];
  const indic = (n: string, zero: number) => [...n].map((d) => String.fromCodePoint(zero + Number(d))).join('');
  const els = await render(`اتصل بالرقم ${latin} أو ${indic(arabic, 0x660)} أو ${indic(persian, 0x6f0)}، و${latin} أيضًا.`, 'ar');
  assert.deepEqual(telLinks(els), [
    { href: `tel:${latin}`, text: latin, dir: 'ltr' },
    { href: `tel:${arabic}`, text: indic(arabic, 0x660), dir: 'ltr' },
    { href: `tel:${persian}`, text: indic(persian, 0x6f0), dir: 'ltr' },
    // An Arabic particle written onto the number ("و157", "and 157") does not hide it.
    { href: `tel:${latin}`, text: latin, dir: 'ltr' },
  ]);
});

test('a suffix stays outside the link; parts of longer numbers, other numbers, code and existing links are left alone', async () => {
  const n = numbers[0]!;
  const els = await render(`${n}'yi arayın. Tel: 0 312 ${n} 00 00, A${n}, ${n}0, 1${n}, 144, \`${n}\`, [${n}](tel:${n}) ve ${n} 7 gün.`);
  const links = telLinks(els);
  // The suffix ("'yi") and the editor's own link (given dir="ltr"); "157 7 gün" reads as one number and is left for the content check.
  assert.deepEqual(links, [
    { href: `tel:${n}`, text: n, dir: 'ltr' },
    { href: `tel:${n}`, text: n, dir: 'ltr' },
  ]);
  assert.ok(els.some((e) => e.tagName === 'code' && text(e) === n));
});

test('the links it makes pass the content rules, and a hostile tel: link is still refused after it', async () => {
  const { hast } = markdownToTree(`Arayın: ${numbers.join(', ')}.`);
  const linked = linkHelplineNumbers(hast, numbers);
  assert.deepEqual(bodyTreeProblems(linked), []);
  await assert.rejects(render(`Arayın [${numbers[0]}](tel:5551234).`), /tel:|5551234/);
  await assert.rejects(render(`[١٥٨](tel:${numbers[0]})`), /157|158|number|numara/);
});

test('segmenting any content text gives the text back unchanged', () => {
  const files = readdirSync(join(projectRoot, 'content'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md'));
  assert.ok(files.length > 100);
  for (const file of files) {
    const source = readFileSync(join(file.parentPath, file.name), 'utf8');
    assert.equal(segmentHelplineNumbers(source, numbers).map((s) => s.text).join(''), source, file.name);
  }
});

test('menu paths: each step isolated, arrows in the reading direction (→ in Turkish, ← in Arabic, whatever was typed)', async () => {
  const tr = await render('- **Chrome:** ⋮ menüsü ← **Geçmiş** → **Tarama verilerini sil**.');
  const trPath = tr.find((e) => attr(e, 'class') === 'menu-path')!;
  assert.equal(attr(trPath, 'dir'), 'ltr');
  assert.deepEqual(trPath.childNodes.filter((n): n is Element => 'tagName' in n).map((b) => [b.tagName, text(b)]), [['bdi', '⋮ menüsü'], ['bdi', 'Geçmiş'], ['bdi', 'Tarama verilerini sil']]);
  assert.equal(text(trPath), '⋮ menüsü → Geçmiş → Tarama verilerini sil');
  // The label "Chrome:" and the full stop stay outside the path.
  assert.equal(text(tr.find((e) => e.tagName === 'li')!), 'Chrome: ⋮ menüsü → Geçmiş → Tarama verilerini sil.');

  const ar = await render('لحذف السجل اضغط: <span lang="en">History</span> → <span lang="en">Delete browsing data</span> ثم أغلق. بعدها Settings ← Privacy.', 'ar');
  const paths = ar.filter((e) => attr(e, 'class') === 'menu-path');
  assert.equal(paths.length, 2, 'two paths in one paragraph');
  assert.deepEqual(paths.map((p) => [attr(p, 'dir'), text(p)]), [['rtl', 'History ← Delete browsing data ثم أغلق'], ['rtl', 'بعدها Settings ← Privacy']]);
  // Each step's direction: the path's if it has letters of that direction, else its own.
  assert.deepEqual(paths.flatMap((p) => p.childNodes.filter((n): n is Element => 'tagName' in n).map((b) => attr(b, 'dir'))), ['ltr', 'rtl', 'rtl', 'ltr']);
  // The editor's lang spans survive inside the steps.
  assert.equal(ar.filter((e) => attr(e, 'lang') === 'en').length, 2);
});

test('menu paths: code, a lone arrow and text without arrows are left as they are', async () => {
  const els = await render('`a → b`\n\nx →\n\nDüz metin.');
  assert.equal(els.filter((e) => attr(e, 'class') === 'menu-path').length, 0);
  assert.equal(text(els.find((e) => e.tagName === 'code')!), 'a → b');
  assert.equal(isolateMenuPaths({ type: 'root', children: [] }, 'rtl').children.length, 0);
});

test('the direction of a body comes from its file: content/<collection>/<locale>/…', () => {
  assert.equal(directionOfFile(pathToFileURL(join(projectRoot, 'content', 'pages', 'ps', 'browse-safely.md'))), 'rtl');
  assert.equal(directionOfFile(pathToFileURL(join(projectRoot, 'content', 'pages', 'ku', 'browse-safely.md'))), 'ltr');
  assert.equal(directionOfFile(undefined), undefined);
});

test('tables: a header row makes a table reflow: class, ARIA roles, each body cell labelled with its header, hidden from screen readers', async () => {
  const els = await render('| Süre | **Etkinlik** |\n|---|---:|\n| 0–5 | Giriş |\n| 5–12 | Kavramlar |');
  const table = els.find((e) => e.tagName === 'table')!;
  assert.equal(attr(table, 'class'), 'reflow');
  assert.deepEqual(els.filter((e) => ['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(e.tagName)).map((e) => `${e.tagName}:${attr(e, 'role')}`), [
    'table:table', 'thead:rowgroup', 'tr:row', 'th:columnheader', 'th:columnheader',
    'tbody:rowgroup', 'tr:row', 'td:cell', 'td:cell', 'tr:row', 'td:cell', 'td:cell',
  ]);
  const labels = els.filter((e) => attr(e, 'class') === 'cell-label');
  assert.deepEqual(labels.map(text), ['Süre', 'Etkinlik', 'Süre', 'Etkinlik']);
  assert.ok(labels.every((l) => attr(l, 'aria-hidden') === 'true'));
  // The header's own markup comes along; GFM alignment survives as the align attribute.
  assert.ok(els.some((e) => e.tagName === 'strong' && e !== els.find((x) => x.tagName === 'th')?.childNodes[0] && text(e) === 'Etkinlik'));
  assert.equal(attr(els.filter((e) => e.tagName === 'td')[1]!, 'align'), 'right');
});

test('tables: a one-column table needs no pipe, and reflows too (found by a review)', async () => {
  const els = await render('Saat\n:--\n09:00\n10:30');
  assert.equal(attr(els.find((e) => e.tagName === 'table')!, 'class'), 'reflow');
  assert.deepEqual(els.filter((e) => e.tagName === 'td').map((e) => `${attr(e, 'role')}:${attr(e, 'align')}:${attr(e, 'style')}`), ['cell:left:undefined', 'cell:left:undefined']);
});

test('tables: an editor\'s class or role on a table is still removed; a table without a header row gets roles but no labels', async () => {
  const els = await render('<table class="x" role="presentation"><tbody><tr><td>a</td><td>b</td></tr></tbody></table>');
  const table = els.find((e) => e.tagName === 'table')!;
  assert.equal(attr(table, 'class'), undefined);
  assert.equal(attr(table, 'role'), 'table');
  assert.equal(els.filter((e) => attr(e, 'class') === 'cell-label').length, 0);
});

test('one hook for the helpline links and the sanitiser gives what two hooks in a row gave: every content body, the fixtures, generated bodies', async () => {
  // The pipeline as it was before issue 17's session 8: the helpline links as a hook of their own, its tree encoded
  // back into Sätteri's arena and read again by the sanitiser's hook (src/lib/sanitize-html.ts, sanitizeHtmlPluginAfter).
  const pipeline = markdownPlugins({ projectRoot });
  const linker = helplineLinker({ contentDir: join(projectRoot, 'content') });
  const twoHooks: HastPluginEntry[] = [() => ({ name: 'helpline-links', before: (root, ctx) => ctx.replaceNode(root, linker(root as Root)) }), sanitizeHtmlPlugin, menuPathsPlugin, tableReflowPlugin];
  const separate = await createSatteriMarkdownProcessor({ syntaxHighlight: false, features: markdownFeatures, ...pipeline, hastPlugins: twoHooks });
  const outcome = async (processor: typeof renderer, markdown: string, fileURL: URL) => {
    try {
      const result = await processor.render(markdown, { fileURL, frontmatter: {} } as Parameters<typeof renderer.render>[1]);
      return JSON.stringify([result.code, result.metadata]);
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    }
  };
  const bodies = comparisonBodies();
  let refused = 0;
  for (const [markdown, fileURL] of bodies) {
    const expected = await outcome(separate, markdown, fileURL);
    if (expected.startsWith('refused')) refused++;
    assert.equal(await outcome(renderer, markdown, fileURL), expected, `${fileURL.pathname}: ${JSON.stringify(markdown.slice(0, 200))}`);
  }
  // Both sides reached, or the comparison proves little.
  assert.ok(refused > 50 && bodies.length - refused > 500, `${refused} of ${bodies.length} refused`);
});

/**
 * Bodies to render two ways and compare: every content body, the fixtures, and 600 bodies mixed by a
 * fixed generator (mulberry32) from pieces the rules, the links, the sanitiser, menu paths and tables act on.
 */
function comparisonBodies(): [string, URL][] {
  const bodies: [string, URL][] = [];
  for (const dir of [join(projectRoot, 'content'), join(projectRoot, 'tests', 'fixtures')]) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
      const path = join(entry.parentPath, entry.name);
      const body = /^---\r?\n[\s\S]*?\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
      bodies.push([body.trim(), pathToFileURL(path)]);
    }
  }
  const quiet = ['Yardım ', '157', '١٥٧', '۱۵۷', ' 183 ', '0 312 157', '\n\n', '- ', '> ', '## Başlık\n', '**', '_', '`', '[a](/tr/)', '[157](tel:157)', 'Ayarlar → Gizlilik', '| a | b |\n|---|---|\n| 1 | 157 |\n', '[^1]\n\n[^1]: not\n', '<b>157</b>', '<h2 id="main">m</h2>'];
  const hostile = ['[157](https://wa.me/1)', '<a href="tel:183">112</a>', '<bdo>751</bdo>', '\u202E', '&#x202E;', '<script>x()</script>', '<img src=x onerror=y()>', '<a href="javascript:x()">a</a>', '<a aria-label="x" href="/">y</a>'];
  let seed = 8;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
  for (let i = 0; i < 600; i++) {
    const markdown = Array.from({ length: 1 + Math.floor(next() * 25) }, () => (next() < 0.04 ? pick(hostile) : pick(quiet))).join('');
    bodies.push([markdown, pathToFileURL(join(projectRoot, 'content', 'pages', next() < 0.5 ? 'tr' : 'ar', 'test.md'))]);
  }
  return bodies;
}

test("rendered in worker threads (the build's processor): the same HTML, headings, image paths, front matter and refusals as in the main thread", async () => {
  const options = { projectRoot, features: markdownFeatures };
  const inThread = await satteriInWorkers({ ...options, workers: 0 }).createRenderer({ syntaxHighlight: false });
  const inWorkers = await satteriInWorkers({ ...options, workers: 2 }).createRenderer({ syntaxHighlight: false });
  const frontmatter = { title: 'Başlık', published: new Date('2026-11-30T00:00:00Z'), tags: ['a', 'b'] };
  const outcome = (result: Promise<Awaited<ReturnType<typeof inThread.render>>>) =>
    result.then(
      ({ code, metadata }) => JSON.stringify([code, metadata, metadata.frontmatter.published instanceof Date]),
      (error: Error) => `refused: ${error.message}`,
    );
  const bodies = comparisonBodies();
  // All at once, as Astro's loader asks for ten at a time: the replies must come back to the right body.
  const expected = await Promise.all(bodies.map(([markdown, fileURL]) => outcome(inThread.render(markdown, { fileURL, frontmatter }))));
  const actual = await Promise.all(bodies.map(([markdown, fileURL]) => outcome(inWorkers.render(markdown, { fileURL, frontmatter }))));
  let refused = 0;
  for (const [i, [markdown, fileURL]] of bodies.entries()) {
    if (expected[i]!.startsWith('refused')) refused++;
    assert.equal(actual[i], expected[i], `${fileURL.pathname}: ${JSON.stringify(markdown.slice(0, 200))}`);
  }
  assert.ok(refused > 50 && bodies.length - refused > 500, `${refused} of ${bodies.length} refused`);
  // Without a file, as for a body with no path.
  assert.equal(await outcome(inWorkers.render('# Yardım\n\n157')), await outcome(inThread.render('# Yardım\n\n157')));
});

test('Markdown worker threads: MARKDOWN_WORKERS sets how many, 0 renders in the main thread, a bad value is named', () => {
  assert.equal(markdownWorkerCount({ MARKDOWN_WORKERS: '0' }), 0);
  assert.equal(markdownWorkerCount({ MARKDOWN_WORKERS: '3' }), 3);
  assert.throws(() => markdownWorkerCount({ MARKDOWN_WORKERS: 'many' }), /MARKDOWN_WORKERS must be a whole number/);
  // By default one thread per core but one (Astro's main thread reads the next files meanwhile), at most 4.
  assert.deepEqual([1, 2, 4, 16].map((cores) => markdownWorkerCount({}, cores)), [0, 1, 3, 4]);
  assert.equal(markdownWorkerCount({ MARKDOWN_WORKERS: '2' }, 2), 2);
  const processor = satteriInWorkers({ projectRoot, features: markdownFeatures, workers: 0 });
  assert.equal(processor.name, 'satteri');
  assert.equal(processor.options.hastPlugins.length, markdownPlugins({ projectRoot }).hastPlugins.length);
});

test('Markdown threads: a pipeline an integration changed after it was made renders in the main thread, with the change', async () => {
  const results = [];
  for (const workers of [0, 2]) {
    const processor = satteriInWorkers({ projectRoot, features: markdownFeatures, workers });
    // What Astro's MarkdownProcessor lets an integration do: change `options` in place.
    processor.options.hastPlugins.push({ name: 'mark', element: { filter: ['p'], visit: (node, ctx) => ctx.setProperty(node, 'data-x', 'y') } } as HastPluginEntry);
    processor.options.features.gfm = false;
    const renderer = await processor.createRenderer({ syntaxHighlight: false });
    results.push((await renderer.render('a ~~b~~')).code);
  }
  assert.match(results[0]!, /<p data-x="y">a ~~b~~<\/p>/);
  assert.equal(results[1], results[0]);
});

test('a body that starts with a `---` line keeps every word: a horizontal rule, not front matter (Astro has taken that off)', async () => {
  // Decap writes a horizontal rule as `---`; with Sätteri's front matter on, everything up to the next `---` vanished
  // while the CMS's check (micromark) and its preview showed it (attacker's review, 2026-12-02).
  const body = '---\n\n**Acil durumda hemen 112 numarasını arayın.**\n\n---\n\nSahte iş teklifleri.';
  const els = await render(body);
  assert.deepEqual(
    els.filter((e) => e.tagName === 'hr' || e.tagName === 'p').map((e) => e.tagName),
    ['hr', 'p', 'hr', 'p'],
  );
  assert.match(text(els.find((e) => e.tagName === 'p')!), /Acil durumda hemen 112 numarasını arayın/);
  assert.deepEqual(
    markdownToTree(body)
      .hast.children.filter((n) => n.type === 'element')
      .map((n) => (n.type === 'element' ? n.tagName : '')),
    ['hr', 'p', 'hr', 'p'],
    'the CMS check reads it the same way',
  );
  // TOML front matter (`+++`) is no front matter either.
  assert.ok((await render('+++\n\nMetin.\n\n+++')).some((e) => e.tagName === 'p' && text(e) === 'Metin.'));
});
