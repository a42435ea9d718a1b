/**
 * Rules for the UI strings in content/i18n/<locale>.json, against the
 * declaration in src/i18n/ui-strings.ts. Run by the pre-build content check,
 * the CMS save guard and the tests.
 *
 * Reasoning (issue 13): the strings are edited in the CMS, and i18next does
 * what they say. `"$t(quickExit.label) $t(quickExit.label)"` nests lookups and
 * rendered the quick-exit button with no text and no accessible name; an
 * object where a string belongs renders the key itself; a loading text such
 * as "You are leaving the anti-trafficking site" tells whoever looks at the
 * screen what the reader was doing. So every value is a non-empty string with
 * letters, no `$t(`, only its declared placeholders, the plural forms CLDR
 * gives the language, and the two texts the quick exit leaves on screen
 * (loading text, tab title) never name the subject.
 */
import { localeCodes, type LocaleCode } from '../../i18n/locales.ts';
import { isUiStringSpec, uiStrings, type UiStringSpec, type UiStringTree } from '../../i18n/ui-strings.ts';
import type { FieldPath, Problem } from './problem.ts';
import { phoneNumberProblemsIn } from './phone-numbers.ts';
import { hasLetter, rawDataProblems } from './text.ts';

/**
 * Words (lower-case stems, matched anywhere in the text) that would tell an
 * onlooker what the site is about or that someone just left it. Checked on
 * the strings declared `neutral` (quickExit.loading, quickExit.neutralTitle).
 * A list per locale, since each language names the subject in its own words.
 */
export const SUBJECT_WORDS: Record<LocaleCode, readonly string[]> = {
  en: [
    'traffick',
    'marri',
    'marry',
    'child',
    'abuse',
    'exploit',
    'violen',
    'forced',
    'smuggl',
    'victim',
    'help',
    'exit',
    'escape',
    'leav',
    'flee',
    'safe',
    'police',
    'report',
    'site',
  ],
  tr: ['ticaret', 'evlil', 'evlen', 'çocuk', 'istismar', 'sömürü', 'şiddet', 'zorla', 'kaçakçı', 'mağdur', 'yardım', 'çık', 'kaç', 'güven', 'polis', 'ihbar', 'site'],
  ar: [
    'اتجار',
    'الإتجار',
    'زواج',
    'طفل',
    'أطفال',
    'قاصر',
    'استغلال',
    'عنف',
    'قسري',
    'تهريب',
    'ضحية',
    'مساعدة',
    'خروج',
    'اخرج',
    'مغادرة',
    'هروب',
    'أمان',
    'آمن',
    'شرطة',
    'إبلاغ',
    'موقع',
  ],
  fa: ['قاچاق', 'ازدواج', 'کودک', 'سوءاستفاده', 'سوء استفاده', 'بهره‌کشی', 'خشونت', 'اجبار', 'قربانی', 'کمک', 'خروج', 'فرار', 'امن', 'پلیس', 'گزارش', 'سایت'],
  ps: ['قاچاق', 'واده', 'ماشوم', 'تاوتریخوالی', 'جبري', 'قرباني', 'مرسته', 'وتل', 'ووځ', 'تېښته', 'خوندي', 'پولیس', 'راپور', 'سایټ'],
  ku: ['bazirgan', 'qaçax', 'zewac', 'zewic', 'zarok', 'îstismar', 'tundî', 'şîdet', 'bi zorê', 'qurban', 'alîkarî', 'derkev', 'derket', 'revîn', 'ewle', 'polîs', 'malper'],
  ru: [
    'торгов',
    'брак',
    'замуж',
    'ребён',
    'дети',
    'детск',
    'насили',
    'эксплуат',
    'принуд',
    'контрабанд',
    'жертв',
    'помощ',
    'помог',
    'выход',
    'покин',
    'побег',
    'безопас',
    'полици',
    'сайт',
  ],
};

/** The first subject word in `value`, or undefined. */
export function subjectWordIn(locale: string, value: string): string | undefined {
  const words = SUBJECT_WORDS[locale as LocaleCode] ?? SUBJECT_WORDS.en;
  const lower = value.toLocaleLowerCase(locale);
  return words.find((word) => lower.includes(word));
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Plural forms that may spell the number out ("one campaign", Arabic "حملتان") instead of {{count}}. */
const FORMS_WITHOUT_COUNT = new Set(['zero', 'one', 'two']);

export function pluralForms(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

function stringProblems(locale: string, path: FieldPath, value: unknown, spec: UiStringSpec, form?: string): Problem[] {
  const at = (tr: string, en: string): Problem => ({ path, tr, en });
  if (typeof value !== 'string') {
    return [
      at(
        'bir metin olmalı (grup, sayı veya liste değil).',
        `must be a string (not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a group' : typeof value})`,
      ),
    ];
  }
  const problems: Problem[] = [];
  if (!hasLetter(value)) problems.push(at('boş olamaz: en az bir harf içermeli.', 'must not be empty: it needs at least one letter'));
  if (value.includes('$t(')) {
    problems.push(
      at('"$t(" kullanılamaz: başka bir metni içeri almak, düğmeyi boş bırakabilir. Metni kendisi yazın.', 'must not nest other strings with "$t(": write the text itself'),
    );
  }
  const used = new Set<string>();
  for (const match of value.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (spec.placeholders.includes(name)) used.add(name);
    else {
      problems.push(
        at(
          `bilinmeyen yer tutucu ${match[0]}; ${spec.placeholders.length ? `bu metin yalnızca ${spec.placeholders.map((p) => `{{${p}}}`).join(', ')} kullanabilir` : 'bu metinde yer tutucu kullanılmaz'}.`,
          `unknown placeholder ${match[0]}; this string may use ${spec.placeholders.length ? spec.placeholders.map((p) => `{{${p}}}`).join(', ') : 'no placeholders'}`,
        ),
      );
    }
  }
  if (/\{\{|\}\}/.test(value.replace(PLACEHOLDER, ''))) problems.push(at('kapanmamış {{ }} var.', 'has an unbalanced {{ or }}'));
  for (const name of spec.placeholders) {
    if (!used.has(name) && !(name === 'count' && form && FORMS_WITHOUT_COUNT.has(form))) {
      problems.push(at(`{{${name}}} eksik: bu yer tutucu metinde kalmalı.`, `is missing {{${name}}}, which this string must show`));
    }
  }
  if (spec.neutral) {
    const word = subjectWordIn(locale, value);
    if (word) {
      problems.push(
        at(
          `"${word}" geçiyor: bu metin hızlı çıkışta ekranda kalır ve sitenin konusunu ya da siteden çıkıldığını söylememeli (örneğin "Yükleniyor.", "Yeni sekme").`,
          `contains "${word}": this text stays on screen during the quick exit and must not name the site's subject or that someone is leaving (e.g. "Loading.", "New tab")`,
        ),
      );
    }
  }
  return problems;
}

function treeProblems(locale: string, declared: UiStringTree, data: unknown, path: string[]): Problem[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return [{ path, tr: 'bir grup olmalı ({ … }).', en: 'must be a group of strings ({ … })' }];
  }
  const record = data as Record<string, unknown>;
  const problems: Problem[] = [];
  const known = new Set<string>();
  for (const [key, spec] of Object.entries(declared)) {
    if (!isUiStringSpec(spec)) {
      known.add(key);
      problems.push(...(Object.hasOwn(record, key) ? treeProblems(locale, spec, record[key], [...path, key]) : [missing([...path, key])]));
    } else if (spec.plural) {
      for (const form of pluralForms(locale)) {
        const name = `${key}_${form}`;
        known.add(name);
        problems.push(...(Object.hasOwn(record, name) ? stringProblems(locale, [...path, name], record[name], spec, form) : [missing([...path, name])]));
      }
    } else {
      known.add(key);
      problems.push(...(Object.hasOwn(record, key) ? stringProblems(locale, [...path, key], record[key], spec) : [missing([...path, key])]));
    }
  }
  for (const key of Object.keys(record)) {
    if (known.has(key)) continue;
    const base = key.replace(PLURAL_SUFFIX, '');
    const plural = base !== key && Object.hasOwn(declared, base);
    problems.push({
      path: [...path, key],
      tr: plural
        ? `bu dilde "${key.slice(base.length + 1)}" çoğul biçimi yok (${pluralForms(locale).join(', ')}); silin.`
        : 'tanımlı olmayan bir anahtar; src/i18n/ui-strings.ts içinde tanımlanmalı ya da silinmeli.',
      en: plural
        ? `the plural form "${key.slice(base.length + 1)}" does not exist in this language (CLDR: ${pluralForms(locale).join(', ')}); remove it`
        : 'is not a declared UI string (src/i18n/ui-strings.ts); remove it or declare it',
    });
  }
  return problems;
}

const missing = (path: FieldPath): Problem => ({ path, tr: 'eksik: bu dilde de yazılmalı.', en: 'is missing' });

/** Everything wrong with one locale's strings file; [] when it may be published. */
export function uiStringProblems(locale: string, data: unknown): Problem[] {
  if (!(localeCodes as readonly string[]).includes(locale)) {
    return [{ path: [], tr: `"${locale}" sitenin dillerinden biri değil.`, en: `"${locale}" is not one of the site's locales (src/i18n/locales.ts)` }];
  }
  const raw = [...rawDataProblems(data), ...phoneNumberProblemsIn(data)];
  const forbidden = new Set(raw.filter((p) => p.en.startsWith('a key named')).map((p) => p.path.join('.')));
  return [...raw, ...treeProblems(locale, uiStrings, data, []).filter((p) => !forbidden.has(p.path.join('.')))];
}
