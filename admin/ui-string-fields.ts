/**
 * The CMS form for a UI-string file (content/i18n/<locale>.json), generated
 * from the English master so a new key appears in every language's form.
 */
import { PLURAL_SUFFIX, pluralBase, pluralCategories } from '../src/i18n/plurals.ts';
import type { LocaleCode } from '../src/i18n/locales.ts';
import type { UiTree } from '../src/i18n/ui.ts';
import { labelFor, type CmsField } from './fields.ts';

/**
 * Fields for content/i18n/<locale>.json: the keys of the English file, nested
 * as it is, with each plural key expanded to the forms the locale needs
 * (Arabic has six, Turkish two); the hint shows the English text to translate.
 */
export function uiStringFields(english: UiTree, code: LocaleCode): CmsField[] {
  const forms = pluralCategories(code);
  const out: CmsField[] = [];
  const seenPlurals = new Set<string>();
  for (const [key, value] of Object.entries(english)) {
    if (typeof value !== 'string') {
      out.push({ name: key, label: labelFor(key), widget: 'object', collapsed: true, fields: uiStringFields(value, code) });
      continue;
    }
    const base = pluralBase(key);
    if (PLURAL_SUFFIX.test(key)) {
      if (seenPlurals.has(base)) continue;
      seenPlurals.add(base);
      const sample = (english[`${base}_other`] as string | undefined) ?? value;
      for (const form of forms) {
        out.push({ name: `${base}_${form}`, label: `${labelFor(base)} (${form})`, widget: sample.length > 80 ? 'text' : 'string', hint: `English (other): ${sample}` });
      }
      continue;
    }
    out.push({ name: key, label: labelFor(key), widget: value.length > 80 ? 'text' : 'string', hint: `English: ${value}` });
  }
  return out;
}
