/**
 * The writer every content file goes through (src/lib/content-format.ts: the
 * CMS, normalize-content, --stamp) writes what the build reads back as the
 * same values. Astro parses front matter with js-yaml, which reads a plain
 * "2026-11-30" as a Date: a reviewer's save once wrote `reviewedAt` so, and
 * the next build failed on it (issue 14). The oracle is Astro's own reader
 * (`parseFrontmatter` from astro/markdown, what the content layer calls), so
 * the project lists no second YAML library; a YAML data file is read by it
 * the same way (Astro's file() loader calls the same js-yaml `load`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontmatter } from 'astro/markdown';
import { fieldOrderOf } from '../../src/lib/content-rules/entries.ts';
import { markdownFile, yamlFile } from '../../src/lib/content-format.ts';
import { campaignSchema } from '../../src/schemas/campaigns.ts';

const frontMatter = (text: string) => parseFrontmatter(text).frontmatter;
/** A YAML data file as Astro reads it: the same js-yaml `load`, on the text alone. */
const astroYaml = (text: string) => parseFrontmatter(`---\n${text}---\n`).frontmatter;

const tricky = [
  '2026-11-30',
  '2026-1-5 10:00:00',
  '2026-11-30T10:00:00Z',
  'yes',
  'no',
  'on',
  'null',
  '~',
  'true',
  '1e3',
  '0x1F',
  '.inf',
  '012',
  '<<',
  '@at',
  '- dash',
  ': colon',
  '#hash',
  '"quoted"',
  "'single'",
  'a: b',
  '  spaced  ',
  'İ ı Ç',
];

test('every string comes back from the build’s YAML parser as the same string, in fields and in lists', () => {
  for (const value of tricky) {
    const read = frontMatter(markdownFile({ title: value, reviewedAt: value, warningSigns: [value] }, fieldOrderOf('campaigns')));
    assert.deepEqual(read, { title: value, warningSigns: [value], reviewedAt: value }, JSON.stringify(value));
  }
  for (const value of tricky) assert.deepEqual(astroYaml(yamlFile({ siteName: value }, ['siteName'])), { siteName: value });
});

test('date fields stay plain YAML dates, read as dates; a reviewed translation passes the schema after the round trip', () => {
  const text = markdownFile(
    {
      slug: 'x',
      title: 'Başlık',
      summary: 'Bir iki cümlelik özet.',
      published: '2026-12-01',
      translationStatus: 'reviewed',
      reviewedBy: 'ayse',
      reviewedAt: '2026-11-30',
      sourceHash: 'abcdef123456',
    },
    fieldOrderOf('campaigns'),
  );
  assert.match(text, /^published: 2026-12-01$/m);
  assert.match(text, /^reviewedAt: "2026-11-30"$/m);
  const read = frontMatter(text);
  assert.ok(read.published instanceof Date);
  // The schema's verdict on the fields read back (the rest of a campaign is left out here).
  const issues = campaignSchema.safeParse(read).error?.issues ?? [];
  assert.deepEqual(
    issues.filter((issue) => ['reviewedAt', 'reviewedBy', 'published', 'sourceHash'].includes(String(issue.path[0]))),
    [],
  );
});
