/**
 * Readability formulas and counting (src/lib/readability.ts; issue 10 point 7), on sentences whose
 * counts are known by hand, and the page texts the report measures (scripts/content/readability.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { atesman, countBlocks, fleschKincaidGrade, meetsBudget, scoreOf, sentencesOf, syllablesOf, turkishSyllables, wordsOf } from '../../src/lib/readability.ts';
import { bodyBlocks, budgetOf, pageTexts } from '../../scripts/content/readability.mjs';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 0.01, `${actual} ≠ ${expected}`);

test('Turkish syllables are vowels, with Turkish case rules (Ateşman 1997)', () => {
  assert.equal(turkishSyllables('arayın'), 3); // a-ra-yın
  assert.equal(turkishSyllables('İstanbul'), 3); // İs-tan-bul: İ lower-cases to i
  assert.equal(turkishSyllables('KIRIKKALE'), 4); // I lower-cases to ı, not i
  assert.equal(turkishSyllables('sağlık'), 2);
  assert.equal(turkishSyllables('hâkim'), 2); // â is a vowel
  assert.equal(syllablesOf('TCK', 'tr'), 1); // an acronym is still a word
  assert.equal(syllablesOf('cat', 'en'), 1);
  assert.equal(syllablesOf('readability', 'en'), 5);
});

test('words hold a letter; numbers and symbols alone are not words; sentences end at a block or a full stop', () => {
  assert.deepEqual(wordsOf("Hemen 112'yi arayın: 7/24, e-posta → Wi-Fi."), ['Hemen', "112'yi", 'arayın', 'e-posta', 'Wi-Fi']);
  assert.deepEqual(sentencesOf('Bu bir suçtur. TCK md. 80 bunu söyler! Arayın', 'tr'), ['Bu bir suçtur.', 'TCK md. 80 bunu söyler!', 'Arayın']);
  assert.deepEqual(sentencesOf('→ ⋮ 157', 'en'), []);
  // ICU joins a sentence that starts with a digit and a lower-case suffix to the one before; it splits "No. | 6458".
  assert.deepEqual(sentencesOf("Bu bir işaret olabilir. 157'yi arayın.", 'tr'), ['Bu bir işaret olabilir.', "157'yi arayın."]);
  assert.deepEqual(sentencesOf('First for 30 days (Law No. 6458, Article 48). Then more.', 'en'), ['First for 30 days (Law No. 6458, Article 48).', 'Then more.']);
  // Two list items without full stops are two sentences: pa-sa-por-tu-nuz baş-ka-sın-da, bor-cu-nuz ar-tı-yor.
  assert.deepEqual(countBlocks(['Pasaportunuz başkasında', 'Borcunuz artıyor'], 'tr'), { sentences: 2, words: 4, syllables: 15 });
});

test('Ateşman on a known sentence: "Ali topu at." = 198.825 − 40.175 × 5/3 − 2.610 × 3', () => {
  const counts = countBlocks(['Ali topu at.'], 'tr');
  assert.deepEqual(counts, { sentences: 1, words: 3, syllables: 5 });
  close(atesman(counts), 124.037);
  close(scoreOf(counts, 'tr'), 124.037);
  // A long sentence of long words is hard: 1 sentence, 10 words, 40 syllables.
  close(atesman({ sentences: 1, words: 10, syllables: 40 }), 198.825 - 160.7 - 26.1);
  assert.ok(Number.isNaN(atesman({ sentences: 0, words: 0, syllables: 0 })));
});

test('Flesch–Kincaid grade on a known sentence: "The cat sat on the mat." = 0.39 × 6 + 11.8 × 1 − 15.59', () => {
  const counts = countBlocks(['The cat sat on the mat.'], 'en');
  assert.deepEqual(counts, { sentences: 1, words: 6, syllables: 6 });
  close(fleschKincaidGrade(counts), -1.45);
  // Kincaid et al. (1975) formula on round counts: 20 words, 30 syllables, 2 sentences.
  close(fleschKincaidGrade({ sentences: 2, words: 20, syllables: 30 }), 0.39 * 10 + 11.8 * 1.5 - 15.59);
  assert.ok(meetsBudget(5.9, 6, 'en') && !meetsBudget(6.1, 6, 'en'));
  assert.ok(meetsBudget(70, 70, 'tr') && !meetsBudget(69.9, 70, 'tr'));
});

test('a body is read as rendered: headings, paragraphs, list items and cells are blocks; markup and link targets are not words', () => {
  const blocks = bodyBlocks(
    '## Başlık\n\nBir **kalın** [bağlantı](https://example.org/uzun-adres).\n\n- bir\n  - iç madde\n- iki\n\n| a | b |\n|---|---|\n| c | d |\n\n<span lang="en">lover boy</span> yöntemi.',
  );
  assert.deepEqual(blocks, ['Başlık', 'Bir kalın bağlantı.', 'bir', 'iç madde', 'iki', 'a', 'b', 'c', 'd', 'lover boy yöntemi.']);
});

test('the report measures every page people in danger read, in tr and en, and knows their budgets', () => {
  for (const locale of ['tr', 'en'] as const) {
    const pages = pageTexts(locale);
    const ids = pages.map((p) => p.id);
    for (const id of [
      'pages/browse-safely',
      'pages/about',
      'rights/identified-as-a-victim', // one-place: page ids of the readability report (collection/slug), not URLs
      'materials/guide-for-professionals', // one-place: a page id, not a URL
      'index/rights',
      'index/helplines',
      'index/materials',
    ]) {
      assert.ok(ids.includes(id), `${locale}: ${id} measured`);
      assert.equal(
        budgetOf(
          pages.find((p) => p.id === id),
          locale,
        ),
        locale === 'tr' ? 70 : 6,
        `${locale}: ${id} budgeted`,
      );
    }
    const helplines = pages.find((p) => p.id === 'index/helplines')!;
    assert.ok(
      helplines.blocks.some((b: string) => b.includes('157') || /YİMER/.test(b)),
      'the helplines page text holds the lines',
    );
    // YAML keys and sources are not reading text.
    const victim = pages.find((p) => p.id === 'rights/identified-as-a-victim')!; // one-place: a page id of the readability report, not a URL
    assert.ok(!victim.blocks.some((b: string) => /translationStatus|lastReviewed|https?:/.test(b)));
  }
});
