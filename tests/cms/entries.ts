/**
 * The entries the CMS suite edits, chosen at run time from the project's
 * content by what each test needs (a page with an Arabic translation, a
 * helpline that campaigns list, …), never by name: staff can rename, add or
 * delete entries without breaking CI (CONTRIBUTING.md rule 4). The copy the
 * suite edits (tests/cms/servers.ts) starts as this content; each role gets
 * its own entry, so one test's save does not change what another expects.
 * tests/content/test-slugs.content.test.ts fails if a spec names a real entry.
 */
import { defaultLocale, type LocaleCode } from '../../src/i18n/locales.ts';
import { readContentFiles } from '../../scripts/content/translations.mjs';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { referrersOf, type ContentFile } from '../../src/lib/content-rules/entries.ts';
import { fileKind } from '../../src/schemas/common.ts';
import type { CollectionName } from '../../src/collections.ts';

const files: ContentFile[] = readContentFiles(projectRoot);

const file = (collection: CollectionName, name: string, locale: string) => files.find((f) => f.collection === collection && f.name === name && f.locale === locale);
/** A published translation (machine or reviewed), not a stub or a draft. */
const translated = (collection: CollectionName, name: string, locale: string) => {
  const f = file(collection, name, locale);
  return Boolean(f && fileKind(f.data) === 'entry' && ['machine', 'reviewed'].includes(String(f.data.translationStatus)));
};
/** The collection's entries in the default language, sorted by slug. */
const slugs = (collection: CollectionName) =>
  [...new Set(files.filter((f) => f.collection === collection && f.locale === defaultLocale && fileKind(f.data) === 'entry').map((f) => f.name))].sort();

const taken = new Set<string>();
/** The first entry of `collection` that `fits` and no other role took. */
function pick(collection: CollectionName, role: string, fits: (name: string) => boolean): string {
  const name = slugs(collection).find((n) => !taken.has(`${collection}/${n}`) && fits(n));
  if (!name) throw new Error(`The CMS tests need ${role} in content/${collection}/ and found none: add one, or change tests/cms/entries.ts.`);
  taken.add(`${collection}/${name}`);
  return name;
}

const withArabic = (collection: CollectionName) => (name: string) => translated(collection, name, 'ar');

/** The source file's front matter of an entry. */
export const sourceData = (collection: CollectionName, name: string) => file(collection, name, defaultLocale)!.data;

export const cmsEntries = {
  /** A page translated into Arabic, duplicated by test 1 (as `<page>-2`). */
  page: pick('pages', 'a page with an Arabic translation', withArabic('pages')),
  /** Another page: its slug is the taken one of test 1. */
  otherPage: pick('pages', 'a second page', () => true),
  /** A helpline that campaigns list, in Arabic too: its deletion is refused (test 2). */
  listedHelpline: pick(
    'helplines',
    'a helpline that a campaign lists',
    (n) => translated('helplines', n, 'ar') && referrersOf('helplines', n, files).some((r) => r.collection === 'campaigns'),
  ),
  /** A campaign opened and left unchanged (test 2, the pasted link), and read in test 7 (its tactic and date). */
  keptCampaign: pick('campaigns', 'a campaign with an Arabic translation', withArabic('campaigns')),
  /** A campaign whose Arabic title the pasted-link test edits. */
  editedCampaign: pick('campaigns', 'a second campaign with an Arabic translation', withArabic('campaigns')),
  /** A campaign with a Persian translation, saved as a draft (test 2), whose Persian page then shows the fallback. */
  draftCampaign: pick('campaigns', 'a campaign with a Persian translation', (n) => translated('campaigns', n, 'fa')),
  /** A right whose Arabic body has a bulleted list: the one-word edit of test 5. */
  listedRight: pick('rights', 'a right with a bulleted list in Arabic', (n) => withArabic('rights')(n) && /^- /m.test(file('rights', n, 'ar')?.body ?? '')),
  /** A right whose Arabic pane is filled from Turkish, then saved as a draft (test 2). */
  filledRight: pick('rights', 'a second right with an Arabic translation', withArabic('rights')),
  /** A right whose Turkish summary changes, so its Arabic translation is outdated (test 6). */
  outdatedRight: pick('rights', 'a third right with an Arabic translation', withArabic('rights')),
};

/** The locales an entry has a file in. */
export const localesOf = (collection: CollectionName, name: string) => files.filter((f) => f.collection === collection && f.name === name).map((f) => f.locale as LocaleCode);

/** A helpline a new campaign lists (cms.spec.ts): its slug, and its number, by which the CMS finds it. */
export const anyHelpline = (() => {
  const slug = slugs('helplines')[0]!;
  return { slug, number: String(sourceData('helplines', slug).number) };
})();
