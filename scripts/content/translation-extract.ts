/**
 * Back-translation extracts (issue 11): for each translated locale, only that
 * locale's text of what readers act on, each item with a stable id, written to
 * docs/translation-review/extract/<locale>.md.
 *
 * What is extracted, and the id of each item:
 *   - UI strings, every key of content/i18n/<locale>.json      `i18n:help.call`
 *     (the quick-exit texts are the `quickExit.*` keys, in their own section)
 *   - call buttons as the site shows them (number + line name)  `call-button:157`
 *   - helplines: name, purpose, hours, cost, languages          `helplines/157.md#purpose`
 *   - every campaign's title, warning signs and to-do lists     `campaigns/debt-bondage.md#whatToDo[2]`
 *   - rights entries' key steps: each list item of the body,
 *     with the heading of its section                           `rights/how-to-report.md#body§2[1]`
 *   - the browse-safely page, every line of it                  `pages/browse-safely.md#body[4]`
 *
 * No Turkish source and (for non-English locales) no English text is written,
 * so a reviewer translating an extract back into English cannot lean on the
 * original. Sources (Turkish titles, copied to every locale) are left out.
 * docs/translation-review/README.md explains the method.
 *
 * TypeScript (run as is by Node 22), so the collection names it reads are
 * checked against the registry. Command line: scripts/cli/translation-extract.mjs
 * (`npm run translations:extract [-- locale…]`, default every locale but tr).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionFolder, dataCollections, type CollectionName } from '../../src/collections.ts';
import { getLocale, type LocaleCode } from '../../src/i18n/locales.ts';
import { formatList, languageName } from '../../src/lib/format.ts';
import { browseSafelySlug } from '../../src/routes.ts';
import { readMarkdown } from '../../src/lib/content-files.ts';
import { projectRoot as root } from '../lib/project-copy.mjs';

const outDir = join(root, 'docs', 'translation-review', 'extract');
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- front matter as written, checked by the schemas elsewhere

/** Markdown to the words a reader sees: no emphasis marks, link targets or list markers. */
function plain(markdown: unknown): string {
  return String(markdown)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*([^*]+)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/^\s*(?:#{1,6}|[-*]|\d+\.)\s+/, '')
    .trim();
}

/** A table cell: pipes escaped, one line. */
const cell = (text: unknown) => plain(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(value)]];
}

function entries(collection: CollectionName, locale: LocaleCode): { file: string; slug: string; data: Data; body: string }[] {
  const dir = join(root, collectionFolder(collection), locale);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ file: `${collection}/${f}`, slug: f.slice(0, -3), ...readMarkdown(join(dir, f)) }))
    .filter((e) => e.data.title !== undefined); // Decap's empty per-locale stub: nothing to review
}

/** Body lines that are not blank, with the index of the section (## heading) they are in. */
function bodyLines(body: string) {
  let section = 0;
  return body
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((line) => {
      if (/^#{2,4}\s/.test(line)) section++;
      return { line, section, heading: /^#{2,4}\s/.test(line), item: /^\s*(?:[-*]|\d+\.)\s+/.test(line) };
    });
}

/** The extract of one locale, as Markdown. */
export function extract(locale: LocaleCode): string {
  const sections: string[] = [];
  const table = (title: string, rows: [string, unknown][]) => {
    if (rows.length) sections.push(`## ${title}\n\n| id | text |\n|---|---|\n${rows.map(([id, text]) => `| \`${id}\` | ${cell(text)} |`).join('\n')}\n`);
  };
  const ui = flatten(JSON.parse(readFileSync(join(root, dataCollections.i18n.file(locale)), 'utf8')));
  table('UI strings', ui.filter(([k]) => !k.startsWith('quickExit.')).map(([k, v]) => [`i18n:${k}`, v]));
  table('Quick exit', ui.filter(([k]) => k.startsWith('quickExit.')).map(([k, v]) => [`i18n:${k}`, v]));

  const helplines = entries('helplines', locale).sort((a, b) => (a.data.order ?? 0) - (b.data.order ?? 0));
  table('Call buttons', helplines.map((h) => [`call-button:${h.data.number}`, `${h.data.number} ${h.data.title}`]));
  table(
    'Helplines',
    helplines.flatMap((h): [string, unknown][] => [
      ...['title', 'purpose', 'hours', 'cost'].filter((f) => h.data[f] !== undefined).map((f): [string, unknown] => [`${h.file}#${f}`, h.data[f]]),
      [`${h.file}#languages`, formatList((h.data.languages as string[]).map((code) => languageName(code, locale)), locale)], // as the helplines page shows it
      ...(h.data.languagesNote ? [[`${h.file}#languagesNote`, h.data.languagesNote] as [string, unknown]] : []),
    ]),
  );

  table(
    'Campaigns: warning signs and what to do',
    entries('campaigns', locale).flatMap((c) => [
      [`${c.file}#title`, c.data.title],
      ...['warningSigns', 'whatToDo', 'whatNotToDo'].flatMap((f) => ((c.data[f] ?? []) as string[]).map((item, i): [string, string] => [`${c.file}#${f}[${i}]`, item])),
    ]),
  );

  table(
    'Rights: key steps',
    entries('rights', locale).flatMap((r) => {
      const lines = bodyLines(r.body);
      const withItems = new Set(lines.filter((l) => l.item).map((l) => l.section));
      const counters = new Map<number, number>();
      return [
        [`${r.file}#title`, r.data.title],
        ...lines
          .filter((l) => withItems.has(l.section) && (l.item || l.heading))
          .map((l): [string, string] => {
            if (l.heading) return [`${r.file}#body§${l.section}.heading`, l.line];
            const i = counters.get(l.section) ?? 0;
            counters.set(l.section, i + 1);
            return [`${r.file}#body§${l.section}[${i}]`, l.line];
          }),
      ];
    }),
  );

  const browse = entries('pages', locale).find((p) => p.slug === browseSafelySlug);
  if (browse) {
    table('Browse more safely (page)', [
      [`${browse.file}#title`, browse.data.title],
      [`${browse.file}#summary`, browse.data.summary],
      ...bodyLines(browse.body).map((l, i): [string, unknown] => [`${browse.file}#body[${i}]`, l.line]),
    ]);
  }

  const { englishName, code } = getLocale(locale);
  return `# Back-translation extract: ${englishName} (${code})

Translate every item into English, without looking at any other language version of the site.
Write your English next to the id. Ids are stable: file#field[index], or the UI-string key.
Method: ../README.md. Generated by \`npm run translations:extract\` (scripts/cli/translation-extract.mjs); do not edit by hand.

${sections.join('\n')}`;
}

/**
 * Writes docs/translation-review/extract/<locale>.md for each locale.
 * @returns one line per file: its path and how many items it holds
 */
export function writeExtracts(locales: readonly LocaleCode[]): string[] {
  mkdirSync(outDir, { recursive: true });
  return locales.map((locale) => {
    const file = join(outDir, `${locale}.md`);
    const text = extract(locale);
    writeFileSync(file, text);
    return `${file.slice(root.length + 1)}: ${(text.match(/^\| `/gm) ?? []).length} items`;
  });
}
