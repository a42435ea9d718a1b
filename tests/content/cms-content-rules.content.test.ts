/**
 * The CMS save guard (admin/guard.ts) against the real content: the UI strings
 * and site settings of every language pass the content rules of issue 13, so
 * editors are never locked out of what is published. What the guard refuses:
 * tests/unit/cms-content-rules.unit.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contentRuleProblems } from '../../admin/content-rules.ts';
import { checkSave } from '../../admin/guard.ts';
import { readContentFiles } from '../../scripts/content/translations.mjs';
import { readYaml } from '../../src/lib/content-files.ts';
import { dataCollections } from '../../src/collections.ts';
import { localeCodes } from '../../src/i18n/locales.ts';

const root = new URL('../../', import.meta.url);

/** The two methods the guard uses of Decap's Immutable entry. */
function entry(fields: { collection: string; slug: string; data: object }) {
  const plain: Record<string, unknown> = { ...fields, newRecord: true, i18n: {} };
  return {
    get: (key: string) => plain[key],
    getIn: (path: string[]) => path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], plain),
  };
}

/** The real repository, as admin/repository.ts loads it through the backend. */
const io = { repository: async () => readContentFiles(), sizeOf: async () => () => undefined, newUploads: new Map<string, File>() };

test('the real UI strings and site settings of every language pass the CMS rules', async () => {
  for (const code of localeCodes) {
    const strings = JSON.parse(readFileSync(new URL(dataCollections.i18n.file(code), root), 'utf8'));
    const uiStrings = dataCollections.i18n.cms.name;
    assert.deepEqual(contentRuleProblems(uiStrings, entry({ collection: uiStrings, slug: code, data: strings })), [], code);
    const settings = readYaml(new URL(dataCollections.settings.file(code), root));
    const collection = dataCollections.settings.cms.name;
    assert.deepEqual(await checkSave(collection, entry({ collection, slug: code, data: settings }), io), [], code);
  }
});
