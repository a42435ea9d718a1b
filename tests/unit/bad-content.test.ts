/**
 * Bad content must stop the build with an error an editor can act on: the
 * file, and the field. Each case in tests/fixtures/bad-content/<case>/ is
 * copied over a copy of the project (scripts/project-copy.mjs), which is then
 * built with `npm run build`'s own script (scripts/build.mjs), so these are the
 * messages a real build prints.
 *
 * The builds run a few at a time: each takes several seconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { applyOverlay, copyProject, projectRoot, removeCopy } from '../../scripts/project-copy.mjs';

interface Case {
  /** Folder under tests/fixtures/bad-content/. */
  name: string;
  what: string;
  /** The file the message must name, relative to the project. */
  file: string;
  /** Text naming the field (or, for links, the target) that the message must contain. */
  field: RegExp;
}

const cases: Case[] = [
  { name: 'yaml-syntax', what: 'front matter that does not parse', file: 'content/campaigns/tr/fixture-bad-yaml.md', field: /:3: the front matter is not valid YAML, in field "title"/ },
  { name: 'wrong-enum', what: 'a value outside an enum', file: 'content/campaigns/tr/fixture-wrong-enum.md', field: /\btactic\b/ },
  { name: 'wrong-type', what: 'a value of the wrong type', file: 'content/helplines/tr/fixture-wrong-type.md', field: /\border\b/ },
  { name: 'missing-field', what: 'a missing required field', file: 'content/campaigns/tr/fixture-missing-field.md', field: /\bsummary\b/ },
  { name: 'bad-phone', what: 'a phone number that is not one', file: 'content/helplines/tr/fixture-bad-phone.md', field: /\bnumber\b/ },
  { name: 'unknown-helpline', what: 'a helpline reference that points nowhere', file: 'content/campaigns/tr/fixture-unknown-helpline.md', field: /helplines\[1\].*no-such-line/ },
  { name: 'slug-mismatch', what: 'a slug that does not match its file name', file: 'content/pages/tr/fixture-slug-mismatch.md', field: /"slug".*another-name/ },
  { name: 'unsafe-upload', what: 'an upload that could carry script', file: 'public/uploads/fixture-logo.svg', field: /only PDF/ },
  { name: 'root-source-url', what: 'a source that links only a site\'s home page', file: 'content/rights/tr/fixture-root-source-url.md', field: /"sources\[1\]\.url" is https:\/\/www\.mevzuat\.gov\.tr\/, a site's home page/ },
  { name: 'broken-link', what: 'a broken internal link', file: 'tr/fixture-broken-link/index.html', field: /\/tr\/fixture-broken-link\/[\s\S]*→ \/tr\/does-not-exist\// },
];

/** Builds the project with one case applied; resolves with the exit code and all output. */
function buildWith(name: string): Promise<{ status: number; output: string }> {
  const dir = copyProject(`bad-content-${name}-`);
  applyOverlay(dir, join(projectRoot, 'tests', 'fixtures', 'bad-content', name));
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, ['scripts/build.mjs', '--local'], {
      cwd: dir,
      env: { ...process.env, DIST_DIR: join(dir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      removeCopy(dir);
      resolve({ status: status ?? 1, output });
    });
  });
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
  Number(process.env.BAD_CONTENT_CONCURRENCY ?? 3),
);
// Strip colour codes in case a tool ignores NO_COLOR.
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

cases.forEach((c, i) => {
  test(`build fails on ${c.what}, naming ${c.file} and the field (${c.name})`, { timeout: 180_000 }, async () => {
    const { status, output } = await builds[i]!;
    const text = plain(output);
    assert.notEqual(status, 0, `the build should have failed; output:\n${text.slice(-3000)}`);
    assert.ok(text.includes(c.file), `the output should name ${c.file}; output:\n${text.slice(-3000)}`);
    assert.match(text, c.field, `the output should name the field; output:\n${text.slice(-3000)}`);
  });
});
