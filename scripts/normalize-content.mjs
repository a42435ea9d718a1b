/**
 * Rewrites every content file in the exact form the CMS writes
 * (src/lib/content-format.ts), so that opening an entry and publishing it
 * unchanged writes nothing, and a one-word change is a one-line diff (issue 14).
 * Safe to run again at any time (for example after content was edited by hand):
 * a file already in that form is left untouched.
 *
 * Bodies are stored as Decap's rich-text editor writes them
 * (scripts/decap-markdown.mjs), where that changes only the spelling (list
 * markers, table padding); a body whose rendering Decap's form would change
 * (a tight list inside a numbered item becoming loose) is kept and listed.
 *
 * Also, once per file:
 * - a `sourceHash` written by the previous hash (JSON of the raw fields and the
 *   trimmed body, before src/lib/translation-status.ts) that matches the
 *   source's current text is replaced by the new hash of the same text, so no
 *   translation turns "outdated" by the change of algorithm;
 * - site-wide settings (quickExitUrl) are kept only in the default language's
 *   settings file, the one the site reads (src/lib/settings.ts).
 *
 * Usage: npx node scripts/normalize-content.mjs [content-dir]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { defaultLocale, localeCodes } from '../src/i18n/locales.ts';
import { collectionShapes, fieldOrderOf } from '../src/lib/content-rules/entries.ts';
import { markdownFile, parseMarkdownFile, uiStringsFile, yamlFile } from '../src/lib/content-format.ts';
import { sourceHashOf } from '../src/lib/translation-status.ts';
import { translatableFieldNames } from '../src/schemas/meta.ts';
import { settingsSchema } from '../src/schemas/settings.ts';
import { loadDecapMarkdown } from './decap-markdown.mjs';

const contentDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'content'));
let changed = 0;
const { decapForm, sameDocument } = await loadDecapMarkdown();
const keptBodies = [];

function write(path, text) {
  if (readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
  changed++;
  console.log(`  ${relative(process.cwd(), path)}`);
}

/** The hash scripts/translations.mjs wrote before issue 14. */
function previousHash(collection, data, body) {
  const fields = translatableFieldNames(collectionShapes[collection]);
  const picked = Object.fromEntries(fields.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));
  return createHash('sha256').update(JSON.stringify([picked, body.trim()])).digest('hex').slice(0, 12);
}

for (const collection of Object.keys(collectionShapes)) {
  const order = fieldOrderOf(collection);
  const sourceDir = join(contentDir, collection, defaultLocale);
  for (const locale of localeCodes) {
    const dir = join(contentDir, collection, locale);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const path = join(dir, file);
      const data = parseMarkdownFile(readFileSync(path, 'utf8'));
      const sourcePath = join(sourceDir, file);
      if (locale !== defaultLocale && typeof data.sourceHash === 'string' && existsSync(sourcePath)) {
        const { body = '', ...source } = parseMarkdownFile(readFileSync(sourcePath, 'utf8'));
        if (data.sourceHash === previousHash(collection, source, String(body))) data.sourceHash = await sourceHashOf(collection, source, String(body));
      }
      if (typeof data.body === 'string' && data.body.trim()) {
        const form = decapForm(data.body);
        if (form !== data.body.trim()) {
          if (sameDocument(data.body, form)) data.body = form;
          else keptBodies.push(relative(process.cwd(), path));
        }
      }
      write(path, markdownFile(data, order));
    }
  }
}

const settingsOrder = Object.keys(settingsSchema.shape);
for (const locale of localeCodes) {
  const path = join(contentDir, 'settings', locale, 'site.yml');
  if (!existsSync(path)) continue;
  const data = parseYaml(readFileSync(path, 'utf8')) ?? {};
  if (locale !== defaultLocale) delete data.quickExitUrl;
  write(path, yamlFile(data, settingsOrder));
}

const english = JSON.parse(readFileSync(join(contentDir, 'i18n', 'en.json'), 'utf8'));
for (const locale of localeCodes) {
  const path = join(contentDir, 'i18n', `${locale}.json`);
  if (existsSync(path)) write(path, uiStringsFile(JSON.parse(readFileSync(path, 'utf8')), english));
}
if (keptBodies.length) {
  console.log(`Bodies kept as written (Decap's rich-text editor would change how they render, e.g. make a list loose; edit them in its Markdown mode):\n  ${keptBodies.join('\n  ')}`);
}
console.log(changed ? `Normalised ${changed} file(s).` : 'Every content file is already in the form the CMS writes.');
