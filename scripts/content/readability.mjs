/**
 * Readability report (issue 10, point 7): for each public page, in Turkish (Ateşman reading ease)
 * and English (Flesch–Kincaid grade), the score of the text a reader reads on that page, and the
 * page's budget where it has one. Formulas and counting: src/lib/readability.ts.
 *
 *   npm run readability             table of every page, tr and en, with budget and pass/fail
 *   npm run readability -- --json   the same as JSON
 *   npm run readability -- --check  exit 1 if a budgeted page is over its budget
 *   npm run readability -- --content DIR   measure another copy of content/ (say, an older commit's)
 *
 * What is measured is the page's reading text, read from the content (no build, so the budget test
 * in tests/content/readability.content.test.ts is cheap), as the templates in src/templates/ show it:
 *   - an entry page: its title, the front-matter text the template prints (a campaign's and a right's
 *     summary, warning signs and to-do lists; a material's description and age group) and the body,
 *     rendered to HTML as the site renders it (src/lib/content-rules/markdown.ts), one block per
 *     heading, paragraph, list item and table cell;
 *   - an index page: its title and intro (UI strings, content/i18n/<locale>.json) and each card's
 *     title and text;
 *   - the helplines page: its title, intro and card link, the group headings, and each line's name,
 *     purpose, hours, cost and language note.
 * Not measured: YAML keys, slugs, keywords (search words), sources and legal bases (titles of laws
 * and articles, names the site cannot shorten), the header, footer, help box and quick exit (the
 * same on every page, and short).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readContentFiles } from './translations.mjs';
import { collectionNames } from '../../src/collections.ts';
import { entryPath, listPath, localePath } from '../../src/routes.ts';
import { markdownToTree } from '../../src/lib/content-rules/markdown.ts';
import { countBlocks, meetsBudget, scoreOf } from '../../src/lib/readability.ts';

const root = join(import.meta.dirname, '..', '..');
/** Collection names, read from the registry (src/collections.ts): a renamed collection fails here at once. */
const { campaigns, rights, materials, pages: pageCollection, helplines } = Object.fromEntries(collectionNames.map((name) => [name, name]));

/** Languages with a formula, and the budget of every budgeted page in them. */
export const LANGUAGES = /** @type {const} */ (['tr', 'en']);

/**
 * Budgets per page type (issue 10 point 7): Ateşman ≥ 70 ("easy") in Turkish, Flesch–Kincaid grade
 * ≤ 6 in English, on the pages people in danger read. `pages` lists which pages of each type are
 * budgeted ('*' = every page of that type).
 * @type {Record<string, { pages: string[] | '*', budget: { tr: number, en: number }, why: string }>}
 */
export const BUDGETS = {
  campaign: { pages: '*', budget: { tr: 70, en: 6 }, why: 'a reader who may be in danger: the warning signs and what to do' },
  right: { pages: '*', budget: { tr: 70, en: 6 }, why: 'a reader who may be in danger: what the law gives them' },
  index: { pages: ['index/rights', 'index/helplines', 'index/materials', 'index/campaigns'], budget: { tr: 70, en: 6 }, why: 'the way in to help and rights' },
  // Not budgeted yet: pages/privacy (Ateşman 63: short sentences, but long words such as "gönderilmez", "kaydedebilir"); left for the next round.
  page: { pages: ['pages/browse-safely', 'pages/about', 'pages/accessibility'], budget: { tr: 70, en: 6 }, why: 'read before or while in danger' },
  material: { pages: '*', budget: { tr: 70, en: 6 }, why: 'a teacher, parent or pupil reads it, sometimes with a child at risk waiting' },
};

const BLOCK_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'blockquote', 'caption', 'figcaption', 'pre']);

/**
 * The text blocks of a Markdown body, as the site renders it: each heading, paragraph, list item
 * and table cell is a block; a nested list is its own blocks, not part of its parent item's text.
 * @param {string} markdown
 * @returns {string[]}
 */
export function bodyBlocks(markdown) {
  const { hast } = markdownToTree(markdown);
  /** @type {string[]} */
  const blocks = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
    current = '';
  };
  /** @param {any} node */
  const visit = (node) => {
    if (node.type === 'text') {
      current += node.value;
      return;
    }
    if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) return;
    const isBlock = node.type === 'root' || (node.type === 'element' && BLOCK_TAGS.has(node.tagName));
    if (isBlock) flush();
    for (const child of node.children ?? []) visit(child);
    if (isBlock) flush();
  };
  visit(hast);
  return blocks;
}

/** A field's text as blocks: a string is one block, a list one block per item. */
function fieldBlocks(value) {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(fieldBlocks);
  return [String(value)];
}

/** UI strings of a locale, as a function from a dotted key to its text. */
function uiStrings(locale, contentDir) {
  const json = JSON.parse(readFileSync(join(contentDir, 'i18n', `${locale}.json`), 'utf8'));
  return (key) => {
    const value = key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), json);
    if (typeof value !== 'string') throw new Error(`content/i18n/${locale}.json: no UI string ${key}`);
    return value;
  };
}

/** Front-matter fields each entry template prints (src/templates/*Entry.astro), in page order. */
const SHOWN_FIELDS = {
  [campaigns]: ['title', 'summary', 'warningSigns', 'whatToDo', 'whatNotToDo'],
  [rights]: ['title', 'summary'],
  [materials]: ['title', 'description', 'ageGroup'],
  [pageCollection]: ['title'],
};
const TYPE_OF = { [campaigns]: 'campaign', [rights]: 'right', [materials]: 'material', [pageCollection]: 'page' };

/**
 * Every measured page in `locale`: `{ id, type, path, blocks }`. Entry pages are measured only
 * where the locale has its own translation (a fallback page shows another language's text).
 * @param {'tr' | 'en'} locale
 * @param {string} [contentDir]
 */
export function pageTexts(locale, contentDir = join(root, 'content')) {
  // readContentFiles() reads a project folder (src/collections.ts names content/<collection>/): the content folder's parent.
  if (basename(contentDir) !== 'content') throw new Error(`${contentDir}: give the path of a folder named "content" (a project's content/).`);
  const files = readContentFiles(dirname(contentDir)).filter((f) => f.locale === locale && typeof f.data.title === 'string' && f.data.translationStatus !== 'draft');
  const t = uiStrings(locale, contentDir);
  const of = (collection) => files.filter((f) => f.collection === collection).sort((a, b) => (Number(a.data.order ?? 0) - Number(b.data.order ?? 0)) || a.name.localeCompare(b.name));
  const pages = [];
  for (const collection of Object.keys(SHOWN_FIELDS)) {
    for (const f of of(collection)) {
      const blocks = [...SHOWN_FIELDS[collection].flatMap((field) => fieldBlocks(f.data[field])), ...bodyBlocks(f.body)];
      pages.push({ id: `${collection}/${f.name}`, type: TYPE_OF[collection], path: localePath(locale, entryPath(collection, f.name)), blocks });
    }
  }
  const cards = (collection, text) => of(collection).flatMap((f) => [String(f.data.title), ...fieldBlocks(text(f))]);
  pages.push(
    { id: 'index/campaigns', type: 'index', path: localePath(locale, listPath(campaigns)), blocks: [t('campaigns.title'), t('campaigns.intro'), ...cards(campaigns, (f) => f.data.summary)] },
    { id: 'index/rights', type: 'index', path: localePath(locale, listPath(rights)), blocks: [t('rights.title'), t('rights.intro'), ...cards(rights, (f) => f.data.summary)] },
    { id: 'index/materials', type: 'index', path: localePath(locale, listPath(materials)), blocks: [t('materials.title'), t('materials.intro'), ...cards(materials, (f) => `${t(`materials.formats.${f.data.format}`)} · ${f.data.description}`)] },
  );
  // The helplines page (src/templates/HelplineList.astro): lines answering in the reader's language first.
  const lines = of(helplines);
  const inLanguage = lines.filter((h) => Array.isArray(h.data.languages) && h.data.languages.includes(locale));
  const others = lines.filter((h) => !inLanguage.includes(h));
  const lineBlocks = (h) => [String(h.data.title), ...['purpose', 'hours', 'cost', 'languagesNote'].flatMap((field) => fieldBlocks(h.data[field]))];
  pages.push({
    id: 'index/helplines',
    type: 'index',
    path: localePath(locale, listPath(helplines)),
    blocks: [
      t('helplines.title'),
      t('helplines.intro'),
      t('card.link'),
      ...(inLanguage.length ? [t('help.inYourLanguage'), ...inLanguage.flatMap(lineBlocks)] : []),
      ...(others.length ? [inLanguage.length ? t('help.otherLines') : t('help.noneInYourLanguage'), ...others.flatMap(lineBlocks)] : []),
    ],
  });
  return pages;
}

/** The budget of a page in a language, or undefined if it has none. */
export function budgetOf(page, locale) {
  const rule = BUDGETS[page.type];
  if (!rule || (rule.pages !== '*' && !rule.pages.includes(page.id))) return undefined;
  return rule.budget[locale];
}

/**
 * Every page × language: `{ id, type, path, locale, sentences, words, syllables, wordsPerSentence,
 * syllablesPerWord, score, budget, ok }` (`ok` undefined for a page without a budget).
 * @param {string} [contentDir]
 */
export function readabilityReport(contentDir) {
  const rows = [];
  for (const locale of LANGUAGES) {
    for (const page of pageTexts(locale, contentDir)) {
      const counts = countBlocks(page.blocks, locale);
      const score = scoreOf(counts, locale);
      const budget = budgetOf(page, locale);
      rows.push({
        id: page.id,
        type: page.type,
        path: page.path,
        locale,
        ...counts,
        wordsPerSentence: counts.words / counts.sentences,
        syllablesPerWord: counts.syllables / counts.words,
        score,
        budget,
        ok: budget === undefined ? undefined : meetsBudget(score, budget, locale),
      });
    }
  }
  return rows;
}
