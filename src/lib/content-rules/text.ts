/**
 * Rules for every piece of text an editor writes: front-matter fields, bodies
 * and UI strings. Pure functions, so the build (content collections, the
 * pre-build content check) and the CMS save guard run the same code.
 *
 * Reasoning (issue 13):
 * - Bidi controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 *   isolates) change the order in which characters display. "YİMER ‮751‬"
 *   displays as "YİMER 157". Nothing an editor writes needs them: the site
 *   isolates numbers and foreign text itself (<bdi>, dir attributes). The
 *   marks U+200E (LRM), U+200F (RLM) and U+061C (ALM) only nudge neutral
 *   characters such as punctuation, cannot reorder a number, and translators
 *   do need them, so they stay allowed.
 * - A title made only of zero-width characters passes any length check and
 *   publishes as nothing; free-text fields must contain letters.
 * - `__proto__`, `constructor` and `prototype` keys reach JavaScript objects
 *   in ways that differ between parsers (js-yaml defines an own property,
 *   plain assignment changes the prototype); the CMS never writes them.
 */
import type { FieldPath, Problem } from './problem.ts';

const BIDI_CONTROL_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** U+202A–U+202E and U+2066–U+2069. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** Keys that must never reach a JavaScript object from content. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first bidi control in `value`, as "U+202E (RIGHT-TO-LEFT OVERRIDE)", or undefined. */
export function findBidiControl(value: string): { index: number; label: string } | undefined {
  const match = BIDI_CONTROL.exec(value);
  if (!match) return undefined;
  const cp = match[0].codePointAt(0)!;
  return { index: match.index, label: `${codePoint(cp)} (${BIDI_CONTROL_NAMES[cp]})` };
}

export function bidiProblem(path: FieldPath, label: string, line?: number): Problem {
  return {
    path,
    ...(line ? { line } : {}),
    tr: `yazının yönünü değiştiren görünmez bir karakter var: ${label}. Bir sayıyı başka türlü gösterebilir; silin (U+200E ve U+200F kullanılabilir).`,
    en: `contains the bidi control ${label}, which can make text display in another order (e.g. a different number); remove it (U+200E and U+200F are allowed)`,
  };
}

/** A string that holds a bidi control, checked as is and, for URLs, percent-decoded too. */
export function bidiProblemIn(path: FieldPath, value: string, line?: number): Problem | undefined {
  const found = findBidiControl(value) ?? findBidiControl(safeDecode(value));
  return found ? bidiProblem(path, found.label, line) : undefined;
}

/**
 * A value as it can be shown in a message: percent-escapes decoded, and
 * invisible or direction-changing characters written as <U+200B>, so the
 * message itself cannot be reordered or hide what is wrong.
 */
export function visible(value: string): string {
  return safeDecode(value).replace(/[\p{Cf}\p{Cc}\u2028\u2029]/gu, (c) => `<${codePoint(c.codePointAt(0)!)}>`);
}

function safeDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.includes(key);
}

export function forbiddenKeyProblem(path: FieldPath, key: string, line?: number): Problem {
  return {
    path,
    ...(line ? { line } : {}),
    tr: `"${key}" adlı bir alan olamaz; bu adı taşıyan satırı silin.`,
    en: `a key named "${key}" is not allowed; remove that line`,
  };
}

/**
 * Every string (values and keys) and every key of parsed data, at any depth:
 * bidi controls and forbidden keys. For data the CMS is about to save, and as
 * the last check on what a content schema accepted. A value that contains
 * itself (a YAML alias of its own parent, `a: &x {b: *x}`) is a problem at
 * the field where it refers back, not an endless walk; a string with a lone
 * surrogate is a problem too.
 */
export function rawDataProblems(data: unknown, path: FieldPath = [], parents: readonly object[] = []): Problem[] {
  if (typeof data === 'string') {
    const problem = data.isWellFormed() ? bidiProblemIn(path, data) : brokenCharacterProblem(path);
    return problem ? [problem] : [];
  }
  if (data && typeof data === 'object' && parents.includes(data)) return [selfReferenceProblem(path)];
  if (Array.isArray(data)) return data.flatMap((item, i) => rawDataProblems(item, [...path, i], [...parents, data]));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    const problems: Problem[] = [];
    // Own keys, including a "__proto__" defined as an own property (JSON.parse, js-yaml).
    for (const key of Object.getOwnPropertyNames(data)) {
      if (isForbiddenKey(key)) {
        problems.push(forbiddenKeyProblem([...path, key], key));
        continue;
      }
      const keyProblem = bidiProblemIn([...path, key], key);
      if (keyProblem) problems.push(keyProblem);
      problems.push(...rawDataProblems((data as Record<string, unknown>)[key], [...path, key], [...parents, data]));
    }
    return problems;
  }
  return [];
}

/** A lone surrogate ("\ud800" in JSON or a quoted YAML string): no letter at all, and the stored file would hold U+FFFD instead. */
function brokenCharacterProblem(path: FieldPath): Problem {
  return {
    path,
    tr: 'Bu metinde bozuk bir karakter var (tek başına bir UTF-16 yarım karakteri, örneğin "\\ud800"); o karakteri silin.',
    en: 'this text has a broken character (a lone UTF-16 surrogate, such as "\\ud800"); remove it',
  };
}

function selfReferenceProblem(path: FieldPath): Problem {
  return {
    path,
    tr: 'Bu değer kendi içinde kendisini tekrar ediyor (YAML takma adı: & ve *); değeri takma ad kullanmadan yazın.',
    en: 'this value contains itself (a YAML alias: & and *); write the value out without the alias',
  };
}

/** Whether a text has at least one letter, in any script. */
export const hasLetter = (value: string) => /\p{L}/u.test(value);

/**
 * What a free-text field must contain besides its length: 'letters' (default)
 * or 'letters-or-digits' for fields such as an age group ("13–17").
 * Declared on a schema with `.meta({ textRule })`.
 */
export type TextRule = 'letters' | 'letters-or-digits';

export function textRuleProblem(path: FieldPath, value: string, rule: TextRule = 'letters'): Problem | undefined {
  if (rule === 'letters' && !hasLetter(value)) {
    return {
      path,
      tr: 'en az bir harf içermeli; yalnızca boşluk, görünmez karakter, sayı veya işaret olamaz.',
      en: 'must contain at least one letter, not only spaces, invisible characters, digits or symbols',
    };
  }
  if (rule === 'letters-or-digits' && !/[\p{L}\p{N}]/u.test(value)) {
    return {
      path,
      tr: 'en az bir harf veya rakam içermeli; yalnızca boşluk veya görünmez karakter olamaz.',
      en: 'must contain at least one letter or digit, not only spaces or invisible characters',
    };
  }
  return undefined;
}

/**
 * A text as a reader sees its characters: compatibility forms as their plain ones (NFKC: "¹⁵⁷", "𝟏𝟓𝟕",
 * "１５７" as 157; odd spaces as spaces) and every character that shows nothing taken out (Unicode's
 * Default_Ignorable_Code_Point and format characters: zero-width joiners and spaces, the soft hyphen,
 * direction marks). What the link and phone-number rules read (attacker's reviews, 2026-12-02).
 */
export function asReadable(text: string): string {
  return text.normalize('NFKC').replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '');
}

/**
 * What a number may carry between its digits and still read as that number: spaces, and every
 * character that shows nothing (Unicode's Default_Ignorable_Code_Point and format characters: the
 * direction marks, zero-width joiners and spaces, the soft hyphen, variation selectors, word joiner).
 * "1<U+200D>57" reads as 157 on screen, so it must count as 157 (attacker's review, 2026-12-02: a link
 * reading 157 went to another number's WhatsApp because a zero-width joiner hid it from this rule).
 */
const DIGIT_SEPARATOR = /[\s\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** The value 0–9 of a decimal digit in any script: Unicode encodes each script's digits as a run 0…9. */
function digitValue(char: string): number {
  const cp = char.codePointAt(0)!;
  let start = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * The ASCII digits a text spells, whatever script its digits are in
 * ("١٥٧" → "157", "۱۵۷" → "157", "1<U+200B>57" → "157"); undefined when it holds anything but
 * digits, spaces and invisible characters (DIGIT_SEPARATOR): a letter or a "+".
 */
export function spelledDigits(text: string): string | undefined {
  let digits = '';
  for (const char of text) {
    if (DIGIT_SEPARATOR.test(char)) continue;
    if (!DECIMAL_DIGIT.test(char)) return undefined;
    digits += String(digitValue(char));
  }
  return digits || undefined;
}

/** The part of a JSON Schema (from `z.toJSONSchema`) that says which strings are free text. */
export interface TextSchemaNode {
  type?: string | string[];
  properties?: Record<string, TextSchemaNode>;
  items?: TextSchemaNode;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  textRule?: TextRule;
}

/** A string field editors write in their own words: no pattern, format or fixed set of values. */
function isFreeText(schema: TextSchemaNode): boolean {
  return schema.type === 'string' && !schema.pattern && !schema.format && !schema.enum && schema.const === undefined;
}

/**
 * Free-text fields (found through the schema, so a new field is covered the
 * day it is added) that hold no letter: a title of zero-width spaces.
 */
export function freeTextProblems(schema: TextSchemaNode, data: unknown, path: FieldPath = []): Problem[] {
  if (typeof data === 'string') {
    const problem = isFreeText(schema) ? textRuleProblem(path, data, schema.textRule) : undefined;
    return problem ? [problem] : [];
  }
  if (Array.isArray(data)) return schema.items ? data.flatMap((item, i) => freeTextProblems(schema.items!, item, [...path, i])) : [];
  if (data && typeof data === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, property]) =>
      Object.hasOwn(data, key) ? freeTextProblems(property, (data as Record<string, unknown>)[key], [...path, key]) : [],
    );
  }
  return [];
}
