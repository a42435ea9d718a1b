/**
 * The CMS form for a UI-string file (content/i18n/<locale>.json), generated
 * from the declaration of every key (src/i18n/ui-strings.ts), so a new key
 * appears in every language's form with its note for translators.
 */
import type { LocaleCode } from '../src/i18n/locales.ts';
import { pluralCategories } from '../src/i18n/plurals.ts';
import type { UiTree } from '../src/i18n/ui.ts';
import { isUiStringSpec, uiStrings, type UiStringSpec, type UiStringTree } from '../src/i18n/ui-strings.ts';
import { labelFor, type CmsField } from './fields.ts';

/**
 * Fields for content/i18n/<locale>.json: every key declared in
 * src/i18n/ui-strings.ts, nested as declared, each plural key expanded to the
 * forms the locale needs (Arabic has six, Turkish two). The hint is the
 * declaration's note for translators, with the English text to translate.
 */
export function uiStringFields(english: UiTree, code: LocaleCode, declared: UiStringTree = uiStrings): CmsField[] {
  const forms = pluralCategories(code);
  const out: CmsField[] = [];
  for (const [key, spec] of Object.entries(declared)) {
    if (!isUiStringSpec(spec)) {
      const group = english[key];
      out.push({ name: key, label: labelFor(key), widget: 'object', collapsed: true, fields: uiStringFields(typeof group === 'object' ? group : {}, code, spec) });
      continue;
    }
    if (spec.plural) {
      const sample = english[`${key}_other`];
      for (const form of forms) {
        out.push({
          name: `${key}_${form}`,
          label: `${labelFor(key)} (${form})`,
          widget: 'string',
          hint: hintFor(spec, typeof sample === 'string' ? `${sample} (other)` : undefined),
        });
      }
      continue;
    }
    const sample = english[key];
    out.push({
      name: key,
      label: labelFor(key),
      widget: typeof sample === 'string' && sample.length > 80 ? 'text' : 'string',
      hint: hintFor(spec, typeof sample === 'string' ? sample : undefined),
    });
  }
  return out;
}

function hintFor(spec: UiStringSpec, english: string | undefined): string {
  return `${spec.description}${english === undefined ? '' : ` English: “${english}”`}`;
}
