/**
 * Readability budgets (issue 10, point 7): the pages people in danger read stay plain.
 * Turkish: Ateşman reading ease ≥ 70 ("easy"); English: Flesch–Kincaid grade ≤ 6. The budgets per
 * page type, the text measured and the formulas: scripts/content/readability.mjs and
 * src/lib/readability.ts. Read from content/, no build. `npm run readability` prints the table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS, readabilityReport } from '../../scripts/content/readability.mjs';

const rows = readabilityReport();

for (const [type, rule] of Object.entries(BUDGETS)) {
  test(`${type} pages (${rule.why}): Ateşman ≥ ${rule.budget.tr} in Turkish, Flesch–Kincaid grade ≤ ${rule.budget.en} in English`, () => {
    const budgeted = rows.filter((r) => r.type === type && r.ok !== undefined);
    if (rule.pages !== '*') for (const id of rule.pages) for (const locale of ['tr', 'en']) assert.ok(budgeted.some((r) => r.id === id && r.locale === locale), `${locale} ${id} is measured`);
    assert.ok(budgeted.length > 0, `some ${type} page is budgeted`);
    const over = budgeted.filter((r) => !r.ok).map((r) => `${r.locale} ${r.id}: ${r.score.toFixed(1)} (budget ${r.locale === 'tr' ? '≥' : '≤'} ${r.budget}; ${r.wordsPerSentence.toFixed(1)} words a sentence, ${r.syllablesPerWord.toFixed(2)} syllables a word)`);
    assert.deepEqual(over, [], `over budget — shorter sentences and commoner words (npm run readability):\n${over.join('\n')}`);
  });
}
