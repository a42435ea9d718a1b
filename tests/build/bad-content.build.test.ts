/**
 * Bad content must stop the build with an error an editor can act on: the
 * file, and the field. Each case in tests/fixtures/bad-content/<case>/ is
 * copied over a copy of the project and built with `npm run build`'s own
 * buildSite() (scripts/build/build-site.mjs), so these are the messages a real
 * build prints.
 *
 * The builds run a few at a time (BAD_CONTENT_CONCURRENCY): each takes several seconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildSite } from '../../scripts/build/build-site.mjs';
import { copyBuildPort, defaults, intFrom } from '../../scripts/lib/config.mjs';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { entryFile } from '../../src/collections.ts';

interface Case {
  /** Folder under tests/fixtures/bad-content/. */
  name: string;
  what: string;
  /** The file the message must name, relative to the project. */
  file: string;
  /** Text naming the field (or, for links, the target) that the message must contain. */
  field: RegExp;
  /** For problems found in the built site: the Markdown file the message must name too, so an editor knows what to fix. */
  source?: string;
}

const cases: Case[] = [
  { name: 'yaml-syntax', what: 'front matter that does not parse', file: entryFile('campaigns', 'tr', 'fixture-bad-yaml'), field: /:3: the front matter is not valid YAML, in field "title"/ },
  { name: 'wrong-enum', what: 'a value outside an enum', file: entryFile('campaigns', 'tr', 'fixture-wrong-enum'), field: /\btactic\b/ },
  { name: 'wrong-type', what: 'a value of the wrong type', file: entryFile('helplines', 'tr', 'fixture-wrong-type'), field: /\border\b/ },
  { name: 'missing-field', what: 'a missing required field', file: entryFile('campaigns', 'tr', 'fixture-missing-field'), field: /\bsummary\b/ },
  { name: 'bad-phone', what: 'a phone number that is not one', file: entryFile('helplines', 'tr', 'fixture-bad-phone'), field: /\bnumber\b/ },
  { name: 'unknown-helpline', what: 'a helpline reference that points nowhere', file: entryFile('campaigns', 'tr', 'fixture-unknown-helpline'), field: /helplines\[1\].*no-such-line/ },
  { name: 'slug-mismatch', what: 'a slug that does not match its file name', file: entryFile('pages', 'tr', 'fixture-slug-mismatch'), field: /"slug".*another-name/ },
  { name: 'unsafe-upload', what: 'an upload that could carry script', file: 'public/uploads/fixture-logo.svg', field: /only PDF/ },
  {
    name: 'root-source-url',
    what: "a source that links only a site's home page",
    file: entryFile('rights', 'tr', 'fixture-root-source-url'),
    field: /"sources\[1\]\.url" is https:\/\/www\.mevzuat\.gov\.tr\/, a site's home page/,
  },
  {
    name: 'broken-link',
    what: 'a broken internal link',
    file: 'tr/fixture-broken-link/index.html',
    field: /\/tr\/fixture-broken-link\/[\s\S]*→ \/tr\/does-not-exist\//,
    source: entryFile('pages', 'tr', 'fixture-broken-link'),
  },
];

/** Builds the project with one case applied, for this machine (`npm run build -- --local`); resolves with the exit status and all output. */
async function buildWith(name: string): Promise<{ status: number; output: string }> {
  const { ok, output } = await buildSite({ overlay: join(projectRoot, 'tests', 'fixtures', 'bad-content', name), localPort: copyBuildPort(process.env), output: 'capture' });
  return { status: ok ? 0 : 1, output };
}

/** Runs `tasks` with at most `limit` at once (each build is a few seconds of two busy cores). */
function limited<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T>[] {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return tasks.map(
    (task) =>
      new Promise<T>((resolve, reject) => {
        const start = () => {
          running++;
          task().then(resolve, reject).finally(next);
        };
        if (running < limit) start();
        else queue.push(start);
      }),
  );
}

const builds = limited(
  cases.map((c) => () => buildWith(c.name)),
  intFrom(process.env, 'BAD_CONTENT_CONCURRENCY', defaults.badContentConcurrency, { min: 1, max: 16, what: 'a number of builds' }),
);
// Strip colour codes in case a tool ignores NO_COLOR.
// eslint-disable-next-line no-control-regex -- the escape character is what is being removed
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

cases.forEach((c, i) => {
  test(`build fails on ${c.what}, naming ${c.file} and the field (${c.name})`, { timeout: 180_000 }, async () => {
    const { status, output } = await builds[i]!;
    const text = plain(output);
    assert.notEqual(status, 0, `the build should have failed; output:\n${text.slice(-3000)}`);
    assert.ok(text.includes(c.file), `the output should name ${c.file}; output:\n${text.slice(-3000)}`);
    assert.match(text, c.field, `the output should name the field; output:\n${text.slice(-3000)}`);
    if (c.source) assert.ok(text.includes(c.source), `the output should name the Markdown file ${c.source}; output:\n${text.slice(-3000)}`);
  });
});
