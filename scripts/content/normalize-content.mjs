/**
 * Rewrites every content file in the exact form the CMS writes
 * (src/lib/content-format.ts), so that opening an entry and publishing it
 * unchanged writes nothing, and a one-word change is a one-line diff (issue 14).
 * Safe to run again at any time (for example after content was edited by hand):
 * a file already in that form is left untouched.
 *
 * Bodies are stored as Decap's rich-text editor writes them
 * (./decap-markdown.mjs), where that changes only the spelling (list
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
 * The command line is scripts/cli/normalize-content.mjs (`npm run normalize-content`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectionFolder, collectionNames, collections, dataCollections, entryFile } from '../../src/collections.ts';
import { defaultLocale, localeCodes } from '../../src/i18n/locales.ts';
import { fieldOrderOf } from '../../src/lib/content-rules/entries.ts';
import { markdownFile, parseMarkdownFile, uiStringsFile, yamlFile } from '../../src/lib/content-format.ts';
import { readYaml } from '../../src/lib/content-files.ts';
import { sourceHashOf } from '../../src/lib/translation-status.ts';
import { translatableFieldNames } from '../../src/schemas/meta.ts';
import { settingsFields } from '../../src/schemas/settings.ts';
import { projectRoot } from '../lib/project-copy.mjs';
import { loadDecapMarkdown } from './decap-markdown.mjs';

/** The hash the translation report wrote before issue 14. */
function previousHash(collection, data, body) {
  const fields = translatableFieldNames(collections[collection].fields);
  const picked = Object.fromEntries(fields.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));
  return createHash('sha256').update(JSON.stringify([picked, body.trim()])).digest('hex').slice(0, 12);
}

/**
 * Normalises the content of a project in place.
 * @param {string} [root] the project folder (its content/ is rewritten)
 * @param {{ log?: (line: string) => void }} [options] each changed file is logged
 * @returns {Promise<{ changed: string[], keptBodies: string[] }>} project-relative paths of the files
 *   rewritten, and of the bodies kept as written (Decap's form would render differently)
 */
export async function normalizeContent(root = projectRoot, { log = () => {} } = {}) {
  const { decapForm, sameDocument } = await loadDecapMarkdown();
  const changed = [];
  const keptBodies = [];
  const write = (path, text) => {
    if (readFileSync(path, 'utf8') === text) return;
    writeFileSync(path, text);
    changed.push(relative(root, path));
    log(`  ${relative(root, path)}`);
  };

  for (const collection of collectionNames) {
    const order = fieldOrderOf(collection);
    for (const locale of localeCodes) {
      const dir = join(root, collectionFolder(collection), locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const path = join(dir, file);
        const data = parseMarkdownFile(readFileSync(path, 'utf8'));
        const sourcePath = join(root, entryFile(collection, defaultLocale, file.slice(0, -3)));
        if (locale !== defaultLocale && typeof data.sourceHash === 'string' && existsSync(sourcePath)) {
          const { body = '', ...source } = parseMarkdownFile(readFileSync(sourcePath, 'utf8'));
          if (data.sourceHash === previousHash(collection, source, String(body))) data.sourceHash = await sourceHashOf(collection, source, String(body));
        }
        if (typeof data.body === 'string' && data.body.trim()) {
          const form = decapForm(data.body);
          if (form !== data.body.trim()) {
            if (sameDocument(data.body, form)) data.body = form;
            else keptBodies.push(relative(root, path));
          }
        }
        write(path, markdownFile(data, order));
      }
    }
  }

  const settingsOrder = Object.keys(settingsFields);
  for (const locale of localeCodes) {
    const path = join(root, dataCollections.settings.file(locale));
    if (!existsSync(path)) continue;
    const data = readYaml(path);
    if (locale !== defaultLocale) delete data.quickExitUrl;
    write(path, yamlFile(data, settingsOrder));
  }

  const english = JSON.parse(readFileSync(join(root, dataCollections.i18n.file('en')), 'utf8'));
  for (const locale of localeCodes) {
    const path = join(root, dataCollections.i18n.file(locale));
    if (existsSync(path)) write(path, uiStringsFile(JSON.parse(readFileSync(path, 'utf8')), english));
  }
  return { changed, keptBodies };
}
