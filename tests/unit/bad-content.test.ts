/**
 * Bad content must stop the build with an error an editor can act on: the
 * file, and the field. Each case in tests/fixtures/bad-content/<case>/ is
 * copied over a copy of the project (scripts/project-copy.mjs), which is then
 * built with `npm run build`'s own script (scripts/build.mjs), so these are the
 * messages a real build prints.
 *
 * The builds run a few at a time: each takes several seconds. Cases that share
 * an overlay share its build: the pre-build content check lists every problem
 * at once, so one build of tests/fixtures/bad-content/hostile-editor/ proves
 * each hostile input of issue 13 is refused with its file and field.
 * (A test's time includes waiting for its build's turn, hence the long timeout.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { applyOverlay, copyProject, projectRoot, removeCopy } from '../../scripts/project-copy.mjs';
import { localSiteUrl } from '../../src/lib/site-url.ts';

interface Case {
  /** Folder under tests/fixtures/bad-content/ (several cases may share one build of it). */
  name: string;
  what: string;
  /** The file the message must name, relative to the project. */
  file: string;
  /** Text naming the field (or, for links, the target) that the message must contain. */
  field: RegExp;
}

/** How one overlay is built: the project's own build (scripts/build.mjs), or `astro build` alone (no pre-build check). */
interface Build {
  command: 'build' | 'astro';
  /** Copy only these files of the overlay (default: all of it). */
  only?: string[];
}

const builds: Record<string, Build & { from?: string }> = {
  // Everything a stolen editor account tried (issue 13), refused at once by the pre-build content check.
  'hostile-editor': { command: 'build' },
  // Bodies that cannot be rendered, built without the pre-build check: the render step itself must fail, naming the file.
  'render-errors': {
    command: 'astro',
    from: 'hostile-editor',
    only: ['content/pages/tr/fixture-deep-list.md', 'content/pages/tr/fixture-deep-divs.md', 'content/pages/tr/fixture-image-outside.md', 'content/pages/tr/fixture-tel-fake-number.md', 'content/pages/tr/fixture-bdo.md'],
  },
};

/** A field in the content check's form: `content/x.md:LINE: field "title"`. */
const at = (line: number | null, field: string) => new RegExp(`${line === null ? '' : `:${line}`}: field "${field.replace(/[[\]().]/g, '\\$&')}"`);

const cases: Case[] = [
  { name: 'yaml-syntax', what: 'front matter that does not parse', file: 'content/campaigns/tr/fixture-bad-yaml.md', field: /:3: the front matter is not valid YAML, in field "title"/ },
  { name: 'wrong-enum', what: 'a value outside an enum', file: 'content/campaigns/tr/fixture-wrong-enum.md', field: /\btactic\b/ },
  { name: 'wrong-type', what: 'a value of the wrong type', file: 'content/helplines/tr/fixture-wrong-type.md', field: /\border\b/ },
  { name: 'missing-field', what: 'a missing required field', file: 'content/campaigns/tr/fixture-missing-field.md', field: /\bsummary\b/ },
  { name: 'bad-phone', what: 'a phone number that is not one', file: 'content/helplines/tr/fixture-bad-phone.md', field: /\bnumber\b/ },
  { name: 'unknown-helpline', what: 'a helpline reference that points nowhere', file: 'content/campaigns/tr/fixture-unknown-helpline.md', field: /helplines\[1\].*no-such-line/ },
  { name: 'slug-mismatch', what: 'a slug that does not match its file name', file: 'content/pages/tr/fixture-slug-mismatch.md', field: /"slug".*another-name/ },
  { name: 'unsafe-upload', what: 'an upload that could carry script', file: 'public/uploads/fixture-logo.svg', field: /only PDF/ },
  // Issue 14: a file is what its bytes say (src/lib/upload-rules.ts): an executable renamed .pdf is refused.
  { name: 'unsafe-upload', what: 'an executable named .pdf', file: 'public/uploads/fixture-program.pdf', field: /the name says \.pdf but the bytes are of type EXE/ },
  { name: 'root-source-url', what: 'a source that links only a site\'s home page', file: 'content/rights/tr/fixture-root-source-url.md', field: /"sources\[1\]\.url" is https:\/\/www\.mevzuat\.gov\.tr\/, a site's home page/ },
  { name: 'broken-link', what: 'a broken internal link', file: 'tr/fixture-broken-link/index.html', field: /\/tr\/fixture-broken-link\/[\s\S]*→ \/tr\/does-not-exist\// },
  // Issue 13, item 1: helplines are vetted data.
  { name: 'hostile-editor', what: 'a helpline whose number is not vetted (+905551234567, order 0, every language)', file: 'content/helplines/tr/fixture-fake-helpline.md', field: at(3, 'number') },
  // Item 2: tel: only to a vetted number, written plainly, and the link says the number it dials.
  { name: 'hostile-editor', what: 'a link that reads 157 and dials +905551234567', file: 'content/pages/tr/fixture-tel-fake-number.md', field: /:8: field "body": "tel:\+905551234567"/ },
  { name: 'hostile-editor', what: 'the call-forwarding code tel:*21*…%23', file: 'content/pages/tr/fixture-tel-call-forwarding.md', field: /:8: field "body": "tel:\*21\*905551234567#"/ },
  { name: 'hostile-editor', what: 'tel: with Arabic-Indic digits', file: 'content/pages/tr/fixture-tel-arabic-digits.md', field: /:8: field "body": "tel:١٥٧"/ },
  { name: 'hostile-editor', what: 'tel: with a zero-width space', file: 'content/pages/tr/fixture-tel-zero-width.md', field: /:8: field "body": "tel:1<U\+200B>57"/ },
  { name: 'hostile-editor', what: 'tel: with an encoded U+202E', file: 'content/pages/tr/fixture-tel-encoded-rlo.md', field: /:8: field "body": "tel:<U\+202E>751"/ },
  { name: 'hostile-editor', what: 'a link that reads 157 and dials 183', file: 'content/pages/tr/fixture-tel-text-mismatch.md', field: /:8: field "body": 183 numarasını arayan bağlantının metni "157"/ },
  { name: 'hostile-editor', what: 'a link that reads 157 and opens wa.me', file: 'content/pages/tr/fixture-number-link-elsewhere.md', field: /:8: field "body": "157" bir numara gibi görünüyor/ },
  { name: 'hostile-editor', what: 'aria-label on a content link ("call 157" on a link to 183)', file: 'content/pages/tr/fixture-aria-label.md', field: /:8: field "body": bağlantılarda aria-label kullanılamaz/ },
  { name: 'hostile-editor', what: '<bdo dir="rtl">751</bdo>', file: 'content/pages/tr/fixture-bdo.md', field: /:8: field "body": <bdo> kullanılamaz/ },
  // Item 3: no bidi controls where they can lie.
  { name: 'hostile-editor', what: 'raw U+202E in a body', file: 'content/pages/tr/fixture-bidi-body.md', field: /:8: field "body": .*U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/ },
  { name: 'hostile-editor', what: 'U+202E in a helpline title ("YİMER 157" on screen)', file: 'content/helplines/tr/fixture-bidi-title.md', field: /:4: field "title": .*U\+202E/ },
  { name: 'hostile-editor', what: 'U+202E in a UI string', file: 'content/i18n/ps.json', field: /: field "help\.title": .*U\+202E/ },
  // Item 4: the exit goes only where we chose.
  { name: 'hostile-editor', what: 'quickExitUrl on an attacker\'s server', file: 'content/settings/tr/site.yml', field: at(3, 'quickExitUrl') },
  { name: 'hostile-editor', what: 'quickExitUrl through an open redirect', file: 'content/settings/ar/site.yml', field: at(3, 'quickExitUrl') },
  { name: 'hostile-editor', what: 'quickExitUrl on a page of the site itself', file: 'content/settings/fa/site.yml', field: at(3, 'quickExitUrl') },
  // Item 5: UI strings have a schema.
  { name: 'hostile-editor', what: '"$t(quickExit.label) $t(quickExit.label)" as the exit label', file: 'content/i18n/ku.json', field: /: field "quickExit\.label": "\$t\(" kullanılamaz/ },
  { name: 'hostile-editor', what: '{"a": 1} as the exit label', file: 'content/i18n/ar.json', field: /: field "quickExit\.label": bir metin olmalı/ },
  { name: 'hostile-editor', what: 'a loading text that names the subject', file: 'content/i18n/en.json', field: /: field "quickExit\.loading": "traffick"/ },
  { name: 'hostile-editor', what: 'a neutral tab title that names the subject', file: 'content/i18n/fa.json', field: /: field "quickExit\.neutralTitle": "قاچاق"/ },
  { name: 'hostile-editor', what: 'a call button without its {{number}}', file: 'content/i18n/ru.json', field: /: field "help\.call": \{\{number\}\} eksik/ },
  { name: 'hostile-editor', what: 'a __proto__ key in UI strings', file: 'content/i18n/tr.json', field: /: field "__proto__"/ },
  // Item 7: front matter that cannot be stored is refused by name and line.
  { name: 'hostile-editor', what: 'a __proto__ key in front matter', file: 'content/pages/tr/fixture-proto-key.md', field: at(5, '__proto__') },
  { name: 'hostile-editor', what: 'a constructor key in front matter', file: 'content/pages/tr/fixture-constructor-key.md', field: at(5, 'constructor') },
  { name: 'hostile-editor', what: 'a nested prototype key in front matter', file: 'content/pages/tr/fixture-prototype-key.md', field: at(7, 'sources[0].prototype') },
  { name: 'hostile-editor', what: 'an unknown YAML tag (!!js/function)', file: 'content/pages/tr/fixture-yaml-tag.md', field: /:6: field "sources\[0\]\.title": YAML etiketi !!js\/function/ },
  { name: 'hostile-editor', what: 'an http: source URL', file: 'content/campaigns/tr/fixture-http-source.md', field: at(17, 'sources[0].url') },
  { name: 'hostile-editor', what: 'a title of zero-width spaces only', file: 'content/pages/tr/fixture-invisible-title.md', field: /:3: field "title": en az bir harf/ },
  // Item 8: nothing ships broken or from outside (caught by the content check, and by the render step alone below).
  { name: 'hostile-editor', what: 'a list nested 64 deep', file: 'content/pages/tr/fixture-deep-list.md', field: /: field "body": metin çok derin/ },
  { name: 'hostile-editor', what: '127 nested <div>s', file: 'content/pages/tr/fixture-deep-divs.md', field: /: field "body": metin çok derin/ },
  { name: 'hostile-editor', what: 'a body image from outside the project', file: 'content/pages/tr/fixture-image-outside.md', field: /:8: field "body": "\.\.\/\.\.\/\.\.\/\.\.\/usr\/share\/gitweb\/static\/git-logo\.png" resmi kullanılamaz/ },
  { name: 'render-errors', what: 'rendering a list nested 64 deep (Astro alone)', file: 'content/pages/tr/fixture-deep-list.md', field: /the body cannot be published[\s\S]*?nests 65\+? levels deep/ },
  { name: 'render-errors', what: 'rendering 127 nested <div>s (Astro alone)', file: 'content/pages/tr/fixture-deep-divs.md', field: /nests 65\+? levels deep/ },
  { name: 'render-errors', what: 'a body image from outside the project (Astro alone)', file: 'content/pages/tr/fixture-image-outside.md', field: /git-logo\.png" is not allowed/ },
  { name: 'render-errors', what: 'a fake tel: link (Astro alone: the sanitiser refuses it)', file: 'content/pages/tr/fixture-tel-fake-number.md', field: /field "body", line 8: .*tel:\+905551234567/ },
  { name: 'render-errors', what: 'a <bdo> (Astro alone: the sanitiser refuses it)', file: 'content/pages/tr/fixture-bdo.md', field: /<bdo> is not allowed/ },
];

/** Builds the project with one overlay applied; resolves with the exit code and all output. */
function buildWith(name: string): Promise<{ status: number; output: string }> {
  const build = builds[name] ?? { command: 'build' };
  const dir = copyProject(`bad-content-${name}-`);
  const overlay = join(projectRoot, 'tests', 'fixtures', 'bad-content', build.from ?? name);
  if (build.only) for (const file of build.only) cpSync(join(overlay, file), join(dir, file));
  else applyOverlay(dir, overlay);
  const [command, args] =
    build.command === 'astro'
      ? [join(projectRoot, 'node_modules', '.bin', 'astro'), ['build', '--outDir', join(dir, 'dist')]]
      : [process.execPath, ['scripts/build.mjs', '--local']];
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: dir,
      // `astro build` alone gets the loopback site address that `--local` gives scripts/build.mjs.
      // The material PDFs' cache is keyed by content hash: the copies share the project's (src/lib/material-pdf/typst-compile.ts).
      env: { SITE_URL: localSiteUrl(), MATERIAL_PDF_CACHE_DIR: join(projectRoot, '.cache', 'material-pdf'), ...process.env, DIST_DIR: join(dir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
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

const names = [...new Set(cases.map((c) => c.name))];
const results = new Map(
  limited(
    names.map((name) => () => buildWith(name)),
    Number(process.env.BAD_CONTENT_CONCURRENCY ?? 3),
  ).map((promise, i) => [names[i]!, promise]),
);
// Strip colour codes in case a tool ignores NO_COLOR.
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

for (const c of cases) {
  test(`build fails on ${c.what}, naming ${c.file} and the field (${c.name})`, { timeout: 900_000 }, async () => {
    const { status, output } = await results.get(c.name)!;
    const text = plain(output);
    assert.notEqual(status, 0, `the build should have failed; output:\n${text.slice(-3000)}`);
    // The file and the field on one line (several files fail in one build).
    const lines = text.split('\n').filter((line) => line.includes(c.file));
    assert.ok(lines.length > 0, `the output should name ${c.file}; output:\n${text.slice(-3000)}`);
    // …or in the block a mention opens (a build may list a file's problems on the lines under its name), up to the next file.
    const mentions = [...text.matchAll(new RegExp(c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => {
      const start = text.lastIndexOf('\n', m.index) + 1;
      const next = text.slice(m.index).search(/\n {2}(?:- |page )|\n\S/);
      return text.slice(start, next < 0 ? undefined : m.index + next);
    });
    assert.ok(lines.some((line) => c.field.test(line)) || mentions.some((near) => c.field.test(near)), `the output should name the field next to ${c.file}:\n${lines.join('\n')}`);
  });
}
