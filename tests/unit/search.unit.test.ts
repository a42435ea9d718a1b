/**
 * Search (issue 12), the parts that are pure logic: folding, the forms a word
 * is searched in, ranking of sentences, "Did you mean", excerpts, and what the
 * index step adds to a page. The search as readers use it is tested in
 * Chromium against the built site (tests/e2e/search.spec.ts, search-suite.spec.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'parse5';
import { locales } from '../../src/i18n/locales.ts';
import { FOLDED_TEXT_MARK, fold } from '../../src/components/Search/folding.ts';
import { editDistance, find, nearestWords, wordForms, type PagefindApi, type PagefindResult } from '../../src/components/Search/search-engine.ts';
import { excerptParts } from '../../src/components/Search/excerpt.ts';
import { stopWords } from '../../src/components/Search/stop-words.ts';
import { minifyPagefindScripts, searchAdditions } from '../../scripts/build/search-index.mjs';
import { attr, elements } from '../../scripts/lib/dist-html.mjs';

test('folding: what each keyboard types meets what the text says', () => {
  assert.equal(fold('YARDIM HATTI', 'tr'), 'yardim hatti');
  assert.equal(fold('Yardım hattı', 'tr'), 'yardim hatti');
  assert.equal(fold('İnsan ticareti', 'tr'), 'insan ticareti');
  assert.equal(fold('çocuğu', 'tr'), 'cocugu');
  // Pashto letters as a Persian or Arabic keyboard types them.
  assert.equal(fold('مرستې کرښې', 'ps'), fold('مرستی کرشی', 'ps'));
  assert.equal(fold('پاسپورټ', 'ps'), fold('پاسپورت', 'ps'));
  assert.equal(fold('ګډوډي', 'ps'), fold('كدودی', 'ps'));
  // Persian typed on an Arabic keyboard; the ZWNJ left out.
  assert.equal(fold('كارت شناسايي', 'fa'), fold('کارت شناسایی', 'fa'));
  assert.equal(fold('حرف‌های', 'fa'), fold('حرفهای', 'fa'));
  // Arabic: tashkeel and hamza forms (Pagefind's own folding), alif maqsura and ta marbuta (ours).
  assert.equal(fold('زَواج', 'ar'), 'زواج');
  assert.equal(fold('إقامة', 'ar'), fold('اقامه', 'ar'));
  assert.equal(fold('مستشفى', 'ar'), fold('مستشفي', 'ar'));
  // Kurmanji without circumflexes, or with a Turkish keyboard's ı.
  assert.equal(fold('zorê alîkarî', 'ku'), fold('zore alıkari', 'ku'));
  // Helpline numbers in every digit script, in every locale.
  for (const { code } of locales) {
    assert.equal(fold('١٥٧', code), '157', code);
    assert.equal(fold('۱۸۳', code), '183', code);
  }
  // Russian and English need nothing beyond Pagefind's own folding (й → и, ё → е, case).
  assert.equal(fold('ПРИНУДИТЕЛЬНЫЙ', 'ru'), 'принудительныи');
});

test('a word is searched as typed, folded, and a letter at a time shorter, down to 70% of it (at least 4 letters)', () => {
  assert.deepEqual(
    wordForms('pasaportumu', 'tr').map((f) => f.form),
    ['pasaportumu', 'pasaportum', 'pasaportu', 'pasaport'],
  );
  assert.deepEqual(
    wordForms('yardım', 'tr').map((f) => f.form),
    ['yardım', 'yardim', 'yardi'],
  );
  assert.deepEqual(
    wordForms('157', 'ar').map((f) => f.form),
    ['157'],
  );
  assert.deepEqual(
    wordForms('١٥٧', 'ar').map((f) => f.form),
    ['١٥٧', '157'],
  );
  // Arabic: also without the article (the stemmer leaves "الديون" as "الد").
  assert.ok(wordForms('الديون', 'ar').some((f) => f.form === 'ديون' && f.exact));
  const weights = wordForms('принудительный', 'ru').map((f) => f.weight);
  assert.deepEqual(
    [...weights].sort((a, b) => b - a),
    weights,
    'shorter forms count less',
  );
});

test('edit distance counts a swap of two letters as one, and stops early', () => {
  assert.equal(editDistance('pasaprot', 'pasaport', 2), 1);
  assert.equal(editDistance('вебровка', 'вербовка', 2), 1);
  assert.equal(editDistance('زواح', 'زواج', 1), 1);
  assert.equal(editDistance('pasport', 'passport', 2), 1);
  assert.equal(editDistance('abc', 'xyzxyz', 2), 3);
  assert.deepEqual(nearestWords('evlilk', ['cocuk', 'evlilikte', 'evlilik', 'evli']), ['evlilik', 'evli']);
  // Short words: one letter only.
  assert.deepEqual(nearestWords('zewec', ['zewac', 'zewaca', 'zewicandin']), ['zewac']);
});

test('every locale has stop words, folded like the search folds', () => {
  for (const { code } of locales) {
    const list = stopWords(code);
    assert.ok(list.length >= 20, `${code}: ${list.length} stop words`);
    for (const word of list) assert.equal(word, fold(word, code), `${code}: "${word}" is folded`);
  }
  assert.ok(stopWords('en').includes('my') && stopWords('ru').includes('меня') && stopWords('ku').includes('min') && stopWords('ps').includes('زما'));
});

/** A stand-in for Pagefind's search(): each word form finds the listed page ids, scored in list order. */
function fakePagefind(index: Record<string, string[]>): PagefindApi & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async search(term) {
      asked.push(term ?? '');
      const ids = Object.entries(index)
        .filter(([word]) => term && word.startsWith(term))
        .flatMap(([, pages]) => pages);
      const results: PagefindResult[] = [...new Set(ids)].map((id, i) => ({ id, score: 10 - i, words: [], data: () => Promise.reject(new Error('not needed')) }));
      return { results };
    },
  };
}
const pageIds = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, ['', '', ''] as [string, string, string]]));

test('a sentence finds pages by its words: stop words left out, pages with more of the words first', async () => {
  const api = fakePagefind({ passport: ['a', 'b'], taken: ['b', 'c'], boss: ['d'] });
  const found = await find(api, 'my passport was taken', 'en', { stop: stopWords('en'), pages: pageIds(20) });
  assert.deepEqual(
    found.hits.map((h) => h.id),
    ['b', 'a', 'c'],
  );
  assert.deepEqual(
    found.hits.map((h) => h.matched),
    [2, 1, 1],
  );
  assert.ok(!api.asked.includes('my') && !api.asked.includes('was'));
});

test('a word on most pages adds to the score but does not knock pages out', async () => {
  const common = Array.from({ length: 15 }, (_, i) => `p${i}`);
  const api = fakePagefind({ evlendir: ['p1', 'p2', 'x'], istiyor: ['p1', 'p3'], zorla: common });
  const found = await find(api, 'zorla evlendirmek', 'tr', { stop: [], pages: pageIds(20) });
  assert.ok(
    found.hits
      .slice(0, 3)
      .map((h) => h.id)
      .includes('x'),
    'x has the uncommon word, and ranks with the pages that have both',
  );
});

test('did you mean: a word the site never uses is replaced by its nearest word, fetched only when almost nothing is found', async () => {
  let loaded = 0;
  const loadWords = async () => {
    loaded += 1;
    return ['pasaport', 'pasaportunuz', 'polis'];
  };
  const api = fakePagefind({ pasaport: ['a', 'b', 'c'] });
  const typo = await find(api, 'pasaprot', 'tr', { stop: [], pages: pageIds(20) }, { loadWords });
  assert.equal(typo.correction, 'pasaport');
  assert.equal(typo.corrected, true);
  assert.deepEqual(
    typo.hits.map((h) => h.id),
    ['a', 'b', 'c'],
  );
  assert.equal(loaded, 1);
  await find(api, 'pasaport', 'tr', { stop: [], pages: pageIds(20) }, { loadWords });
  assert.equal(loaded, 1, 'a search that finds enough does not load the word list');
});

test("excerpts show only the page text, with the page's own word marked for a folded match", () => {
  const content = `Yardım hatları. Bu hatlar yardım eder. ${FOLDED_TEXT_MARK} yardim hatlari`;
  const words = content.split(' ');
  const folded = words.indexOf('yardim');
  const parts = excerptParts(content, [folded], ['yardim'], 'tr', 16);
  const text = parts.map((p) => p.text).join('');
  assert.ok(!text.includes(FOLDED_TEXT_MARK) && !text.includes('yardim'), text);
  assert.deepEqual(
    parts.filter((p) => p.mark).map((p) => p.text),
    ['Yardım', 'yardım'],
  );
  const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
  const middle = excerptParts(long, [30], [], 'en', 10);
  assert.equal(middle[0]!.text.startsWith('…'), true);
  assert.equal(middle.at(-1)!.text.endsWith('…'), true);
  assert.deepEqual(
    middle.filter((p) => p.mark).map((p) => p.text),
    ['w30'],
  );
});

test('the index step adds folded words (headings as headings) and keywords at a low weight, escaped, after the mark', () => {
  const document = parse('<main data-pagefind-body><h1>Yardım hatları</h1><p>Pasaport, <b>kimliğiniz</b> ve kapısı</p><div data-pagefind-ignore>Işık</div></main>');
  const body = [...elements(document)].find((el) => attr(el, 'data-pagefind-body') !== undefined);
  const { html, pageWords } = searchAdditions(body, ['kayıt dışı', '<b>şikayet</b>'], 'tr');
  assert.ok(html.startsWith(`<div data-search-additions>${FOLDED_TEXT_MARK} `), html);
  assert.match(html, /<h1>yardim hatlari<\/h1>/);
  // Only what Pagefind does not fold itself: ı, not ğ (which NFD folds).
  assert.match(html, /<p>kapisi<\/p>/);
  assert.ok(!html.includes('kimliginiz') && !html.includes('isik'), 'what Pagefind folds, and ignored text, stay out');
  // An editor's keywords are words only: no markup reaches the index.
  assert.match(html, /<div data-pagefind-weight="0.5">kayıt dışı bşikayetb kayit disi<\/div>/);
  assert.ok(pageWords.includes('pasaport') && pageWords.includes('kimliginiz') && pageWords.includes('kayit'));
  assert.equal(searchAdditions(parse('<main data-pagefind-body><p>passport</p></main>'), [], 'en').html, '', 'nothing to add, nothing added');
});

test("Pagefind's browser scripts minified: shorter, the module's exports and the worker's behaviour kept", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagefind-scripts-'));
  try {
    // The shapes Pagefind 1.6 writes: an ES module with named exports, and a classic worker script answering messages.
    const module =
      'const pagefind_version="1.6.0";const createInstanceWithAVeryLongName=(searchTermArgument)=>({search:(termArgument)=>`${pagefind_version}:${searchTermArgument}:${termArgument}`});export{createInstanceWithAVeryLongName as createInstance};';
    const worker =
      'const pagefind_version="1.6.0";(()=>{const handleMessageWithALongName=(incomingMessage)=>({id:incomingMessage.id,version:pagefind_version});self.addEventListener("message",(event)=>{self.postMessage(handleMessageWithALongName(event.data));});})();';
    writeFileSync(join(dir, 'pagefind.js'), module);
    writeFileSync(join(dir, 'pagefind-worker.js'), worker);
    await minifyPagefindScripts(dir);
    const minifiedModule = readFileSync(join(dir, 'pagefind.js'), 'utf8');
    const minifiedWorker = readFileSync(join(dir, 'pagefind-worker.js'), 'utf8');
    assert.ok(minifiedModule.length < module.length && minifiedWorker.length < worker.length);
    assert.doesNotMatch(minifiedModule + minifiedWorker, /WithALongName|WithAVeryLongName/);
    const { createInstance } = await import(pathToFileURL(join(dir, 'pagefind.js')).href);
    assert.equal(createInstance('a').search('b'), '1.6.0:a:b');
    // The worker, run as a classic script with a `self` that records what it posts.
    const posted: unknown[] = [];
    const listeners: ((event: { data: unknown }) => void)[] = [];
    const self = {
      addEventListener: (_: string, listener: (event: { data: unknown }) => void) => listeners.push(listener),
      postMessage: (message: unknown) => posted.push(message),
    };
    runInNewContext(minifiedWorker, { self });
    for (const listener of listeners) listener({ data: { id: 7 } });
    assert.deepEqual(JSON.parse(JSON.stringify(posted)), [{ id: 7, version: '1.6.0' }]); // made in another realm
    // A folder without Pagefind's scripts (another Pagefind version) is left as it is.
    rmSync(join(dir, 'pagefind.js'));
    await minifyPagefindScripts(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
