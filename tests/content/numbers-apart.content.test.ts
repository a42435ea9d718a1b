/**
 * Numbers readers are told to call stand apart in the text (issue 10,
 * point 3): "157, 7 gün 24 saat açıktır", never "157 7 gün 24 saat", which
 * reads (and is read out, copied, printed) as 1577. A helpline number may not
 * be followed or preceded by another number with only spaces between; write
 * a comma or a word between them ("157, 24 hours", "157 hattı 7 gün…").
 * Phone numbers of which a helpline number is only one group ("0 312 157 00
 * 00") are not helpline numbers and are left alone, as the linking step
 * leaves them (src/lib/helpline-links.ts).
 *
 * Every text field (front matter, at any depth) and body of every entry in
 * every locale, and every UI string, except sources (titles quote other texts)
 * and keywords (never shown).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEntry } from '../../scripts/content/translations.mjs';
import { spelledDigits } from '../../src/lib/content-rules/text.ts';
import { helplineNumbersIn } from '../../src/lib/helpline-links.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { COLLECTIONS } from './consistency.ts';

const content = join(projectRoot, 'content');
const numbers: readonly string[] = helplineNumbersIn(content);
const SKIPPED_FIELDS = new Set(['sources', 'keywords', 'sourceHash', 'slug', 'number', 'helplines']);

/** Each helpline number in `text` that touches another number across spaces only, with a little context. */
export function numbersRunTogether(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\p{Nd}+/gu)) {
    if (!numbers.includes(spelledDigits(match[0]) ?? '')) continue;
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    // Part of a longer phone number ("0 312 157 00 00"): a group right before it, joined by a space, hyphen or dot.
    if (/\p{Nd}[ \-.]?$/u.test(before)) continue;
    if (/^[ \t\u00A0]+\p{Nd}/u.test(after)) found.push(text.slice(Math.max(0, match.index - 20), match.index + match[0].length + 12));
  }
  return found;
}

function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (SKIPPED_FIELDS.has(k) ? [] : strings(v, path ? `${path}.${k}` : k)));
  }
  return [];
}

test('the rule itself: what runs numbers together and what does not', () => {
  const n = numbers[0]!;
  assert.deepEqual(numbersRunTogether(`${n} 7 gün 24 saat`).length, 1);
  assert.deepEqual(numbersRunTogether(`saat 24 ${n}`).length, 0); // preceded: "24 157" is caught as part of a longer number, left to the linking step
  assert.deepEqual(numbersRunTogether(`${n}, 7 gün 24 saat`), []);
  assert.deepEqual(numbersRunTogether(`0 312 ${n} 00 00`), []);
  assert.deepEqual(numbersRunTogether(`${n}'yi arayın. 7 gün`), []);
});

test('no helpline number runs into another number in any entry or UI string', () => {
  const problems: string[] = [];
  for (const collection of COLLECTIONS) {
    for (const entry of readdirSync(join(content, collection), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
      const file = join(entry.parentPath, entry.name);
      const { data, body = '' } = readEntry(file) as unknown as { data: Record<string, unknown>; body?: string };
      for (const [field, value] of [...strings(data, ''), ['body', body] as [string, string]]) {
        for (const hit of numbersRunTogether(value)) problems.push(`${file.slice(projectRoot.length + 1)} ${field}: “${hit}”`);
      }
    }
  }
  for (const file of readdirSync(join(content, 'i18n'))) {
    for (const [key, value] of strings(JSON.parse(readFileSync(join(content, 'i18n', file), 'utf8')), '')) {
      for (const hit of numbersRunTogether(value)) problems.push(`content/i18n/${file} ${key}: “${hit}”`);
    }
  }
  assert.deepEqual(problems, [], `write a comma or a word between a helpline number and the next number:\n${problems.join('\n')}`);
});
