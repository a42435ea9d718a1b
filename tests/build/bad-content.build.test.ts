/**
 * Bad content must stop the build with an error an editor can act on: the
 * file, and the field. Each case in tests/fixtures/bad-content/<case>/ is
 * copied over a copy of the project and built with `npm run build`'s own
 * buildSite() (scripts/build/build-site.mjs), so these are the messages a real
 * build prints.
 *
 * The builds run a few at a time (BAD_CONTENT_CONCURRENCY): each takes several seconds.
 * Cases that share an overlay share its build: the pre-build content check lists
 * every problem at once, so one build of tests/fixtures/bad-content/hostile-editor/
 * proves each hostile input of issue 13 is refused with its file and field.
 * (A test's time includes waiting for its build's turn, hence the long timeout.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSite } from '../../scripts/build/build-site.mjs';
import { copyBuildPort, defaults, intFrom } from '../../scripts/lib/config.mjs';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { dataCollections, entryFile } from '../../src/collections.ts';

interface Case {
  /** Folder under tests/fixtures/bad-content/ (several cases may share one build of it). */
  name: string;
  what: string;
  /** The file the message must name, relative to the project. */
  file: string;
  /** Text naming the field (or, for links, the target) that the message must contain. */
  field: RegExp;
  /** For problems found in the built site: the Markdown file the message must name too, so an editor knows what to fix. */
  source?: string;
}

/** How one overlay is built: the project's own build, or without its pre-build content check (the render step alone). */
interface Build {
  contentCheck: boolean;
  /** The overlay folder, if not the case's own name. */
  from?: string;
  /** Copy only these files of the overlay (default: all of it). */
  only?: string[];
}

const builds: Record<string, Build> = {
  // Everything a stolen editor account tried (issue 13), refused at once by the pre-build content check.
  'hostile-editor': { contentCheck: true },
  // Bodies that cannot be rendered, built without the pre-build check: the render step itself must fail, naming the file.
  'render-errors': {
    contentCheck: false,
    from: 'hostile-editor',
    only: ['fixture-deep-list', 'fixture-deep-divs', 'fixture-image-outside', 'fixture-tel-fake-number', 'fixture-bdo'].map((slug) => entryFile('pages', 'tr', slug)),
  },
};

/** A field in the content check's form: `content/x.md:LINE: field "title"`. */
const at = (line: number | null, field: string) => new RegExp(`${line === null ? '' : `:${line}`}: field "${field.replace(/[[\]().]/g, '\\$&')}"`);

const cases: Case[] = [
  {
    name: 'yaml-syntax',
    what: 'front matter that does not parse',
    file: entryFile('campaigns', 'tr', 'fixture-bad-yaml'),
    field: /:3: the front matter is not valid YAML, in field "title"/,
  },
  { name: 'wrong-enum', what: 'a value outside an enum', file: entryFile('campaigns', 'tr', 'fixture-wrong-enum'), field: /\btactic\b/ },
  { name: 'wrong-type', what: 'a value of the wrong type', file: entryFile('helplines', 'tr', 'fixture-wrong-type'), field: /\border\b/ },
  { name: 'missing-field', what: 'a missing required field', file: entryFile('campaigns', 'tr', 'fixture-missing-field'), field: /\bsummary\b/ },
  { name: 'bad-phone', what: 'a phone number that is not one', file: entryFile('helplines', 'tr', 'fixture-bad-phone'), field: /\bnumber\b/ },
  {
    name: 'unknown-helpline',
    what: 'a helpline reference that points nowhere',
    file: entryFile('campaigns', 'tr', 'fixture-unknown-helpline'),
    field: /helplines\[1\].*no-such-line/,
  },
  { name: 'slug-mismatch', what: 'a slug that does not match its file name', file: entryFile('pages', 'tr', 'fixture-slug-mismatch'), field: /"slug".*another-name/ },
  // Attacker's review, 2026-12-02: a page at /<locale>/helplines/ replaced the list of helplines in every language.
  {
    name: 'slug-mismatch',
    what: "a page that takes the helplines list's address",
    file: entryFile('pages', 'tr', 'helplines'),
    field: /field "slug" is "helplines", the address of one of the site's own pages/,
  },
  { name: 'unsafe-upload', what: 'an upload that could carry script', file: 'public/uploads/fixture-logo.svg', field: /only PDF/ },
  // Issue 14: a file is what its bytes say (src/lib/upload-rules.ts): an executable renamed .pdf is refused.
  { name: 'unsafe-upload', what: 'an executable named .pdf', file: 'public/uploads/fixture-program.pdf', field: /the name says \.pdf but the bytes are of type EXE/ },
  // Issue 16: a speaker's recording (`audio`) is an MP3 or Opus upload, named so, with the bytes to match and the size the page shows.
  {
    name: 'bad-recording-field',
    what: 'a recording that is a WAV file',
    file: entryFile('pages', 'tr', 'fixture-recording-wav'),
    field: /:6: field "audio\.path": an MP3 or Opus recording uploaded to \/uploads\//,
  },
  {
    name: 'bad-recording-file',
    what: 'a recording whose bytes are a PDF (Pashto)',
    file: entryFile('pages', 'ps', 'fixture-recording-not-audio'),
    field: /field "audio\.path" points to \/uploads\/fixture-recording-pdf\.mp3, which is not a recording the site publishes: the name says \.mp3 but the bytes are of type PDF/,
  },
  { name: 'bad-recording-file', what: 'that upload itself', file: 'public/uploads/fixture-recording-pdf.mp3', field: /the name says \.mp3 but the bytes are of type PDF/ },
  {
    name: 'bad-recording-file',
    what: 'a recording whose stated size is not the file’s',
    file: entryFile('pages', 'tr', 'fixture-recording-wrong-size'),
    field: /field "audio\.sizeBytes" is 999, but \/uploads\/fixture-recording-real\.mp3 is 1584 bytes/,
  },
  {
    name: 'bad-recording-file',
    what: 'a recording that was never uploaded',
    file: entryFile('pages', 'tr', 'fixture-recording-missing'),
    field: /field "audio\.path" points to \/uploads\/fixture-recording-missing\.opus, which is not in public\//,
  },
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
  // Issue 13, item 1: helplines are vetted data.
  {
    name: 'hostile-editor',
    what: 'a helpline whose number is not vetted (+905551234567, order 0, every language)',
    file: entryFile('helplines', 'tr', 'fixture-fake-helpline'),
    field: at(3, 'number'),
  },
  // Item 2: tel: only to a vetted number, written plainly, and the link says the number it dials.
  {
    name: 'hostile-editor',
    what: 'a link that reads 157 and dials +905551234567',
    file: entryFile('pages', 'tr', 'fixture-tel-fake-number'),
    field: /:8: field "body": "tel:\+905551234567"/,
  },
  {
    name: 'hostile-editor',
    what: 'the call-forwarding code tel:*21*…%23',
    file: entryFile('pages', 'tr', 'fixture-tel-call-forwarding'),
    field: /:8: field "body": "tel:\*21\*905551234567#"/,
  },
  { name: 'hostile-editor', what: 'tel: with Arabic-Indic digits', file: entryFile('pages', 'tr', 'fixture-tel-arabic-digits'), field: /:8: field "body": "tel:١٥٧"/ },
  { name: 'hostile-editor', what: 'tel: with a zero-width space', file: entryFile('pages', 'tr', 'fixture-tel-zero-width'), field: /:8: field "body": "tel:1<U\+200B>57"/ },
  { name: 'hostile-editor', what: 'tel: with an encoded U+202E', file: entryFile('pages', 'tr', 'fixture-tel-encoded-rlo'), field: /:8: field "body": "tel:<U\+202E>751"/ },
  {
    name: 'hostile-editor',
    what: 'a link that reads 157 and dials 183',
    file: entryFile('pages', 'tr', 'fixture-tel-text-mismatch'),
    field: /:8: field "body": 183 numarasını arayan bağlantının metni "157"/,
  },
  {
    name: 'hostile-editor',
    what: 'a link that reads 157 and opens wa.me',
    file: entryFile('pages', 'tr', 'fixture-number-link-elsewhere'),
    field: /:8: field "body": "157" bir numara gibi görünüyor/,
  },
  {
    name: 'hostile-editor',
    what: 'aria-label on a content link ("call 157" on a link to 183)',
    file: entryFile('pages', 'tr', 'fixture-aria-label'),
    field: /:8: field "body": bağlantılarda aria-label kullanılamaz/,
  },
  { name: 'hostile-editor', what: '<bdo dir="rtl">751</bdo>', file: entryFile('pages', 'tr', 'fixture-bdo'), field: /:8: field "body": <bdo> kullanılamaz/ },
  // Attacker's review, 2026-12-02: an invisible character in the number, a label posing as a footnote's, numbers written as text.
  {
    name: 'hostile-editor',
    what: 'a link that reads 1<U+200D>57 (157 on screen) and opens wa.me',
    file: entryFile('pages', 'tr', 'fixture-number-link-zwj'),
    field: /:8: field "body": "1<U\+200D>57" bir numara gibi görünüyor/,
  },
  {
    name: 'hostile-editor',
    what: 'a link whose text reads 157 once the sanitiser has dropped a <script> inside it',
    file: entryFile('pages', 'tr', 'fixture-number-link-script'),
    field: /:8: field "body": "157" bir numara gibi görünüyor/,
  },
  {
    name: 'hostile-editor',
    what: 'a link to WhatsApp that names 157 among words',
    file: entryFile('pages', 'tr', 'fixture-number-link-words'),
    field: /:8: field "body": "157 hattına WhatsApp ile yazın" bir numara gibi görünüyor/,
  },
  {
    name: 'hostile-editor',
    what: 'a <textarea> never closed, which would hide every paragraph after it',
    file: entryFile('pages', 'tr', 'fixture-unclosed-textarea'),
    field: /: field "body": <textarea> açılmış ama kapatılmamış/,
  },
  {
    name: 'hostile-editor',
    what: 'aria-label on raw HTML posing as a footnote back-link',
    file: entryFile('pages', 'tr', 'fixture-aria-label-footnote'),
    field: /:8: field "body": bağlantılarda aria-label kullanılamaz/,
  },
  {
    name: 'hostile-editor',
    what: 'a phone number written in a body, a group in emphasis',
    file: entryFile('pages', 'tr', 'fixture-phone-number-text'),
    field: /:8: field "body": bir telefon numarası var: "0 850 555 12 34"/,
  },
  {
    name: 'hostile-editor',
    what: "a phone number in a helpline's title",
    file: entryFile('helplines', 'tr', 'fixture-number-in-title'),
    field: /:4: field "title": bir telefon numarası var: "0850 555 12 34"/,
  },
  {
    name: 'hostile-editor',
    what: 'a phone number in a UI string',
    file: dataCollections.i18n.file('en'),
    field: /: field "help\.emergency": bir telefon numarası var: "\+90 555 123 45 67"/,
  },
  // Item 3: no bidi controls where they can lie.
  { name: 'hostile-editor', what: 'raw U+202E in a body', file: entryFile('pages', 'tr', 'fixture-bidi-body'), field: /:8: field "body": .*U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/ },
  {
    name: 'hostile-editor',
    what: 'U+202E in a helpline title ("YİMER 157" on screen)',
    file: entryFile('helplines', 'tr', 'fixture-bidi-title'),
    field: /:4: field "title": .*U\+202E/,
  },
  { name: 'hostile-editor', what: 'U+202E in a UI string', file: dataCollections.i18n.file('ps'), field: /: field "help\.title": .*U\+202E/ },
  // Item 4: the exit goes only where we chose.
  { name: 'hostile-editor', what: "quickExitUrl on an attacker's server", file: dataCollections.settings.file('tr'), field: at(3, 'quickExitUrl') },
  { name: 'hostile-editor', what: 'quickExitUrl through an open redirect', file: dataCollections.settings.file('ar'), field: at(3, 'quickExitUrl') },
  { name: 'hostile-editor', what: 'quickExitUrl on a page of the site itself', file: dataCollections.settings.file('fa'), field: at(3, 'quickExitUrl') },
  // Item 5: UI strings have a schema.
  {
    name: 'hostile-editor',
    what: '"$t(quickExit.label) $t(quickExit.label)" as the exit label',
    file: dataCollections.i18n.file('ku'),
    field: /: field "quickExit\.label": "\$t\(" kullanılamaz/,
  },
  { name: 'hostile-editor', what: '{"a": 1} as the exit label', file: dataCollections.i18n.file('ar'), field: /: field "quickExit\.label": bir metin olmalı/ },
  { name: 'hostile-editor', what: 'a loading text that names the subject', file: dataCollections.i18n.file('en'), field: /: field "quickExit\.loading": "traffick"/ },
  { name: 'hostile-editor', what: 'a neutral tab title that names the subject', file: dataCollections.i18n.file('fa'), field: /: field "quickExit\.neutralTitle": "قاچاق"/ },
  { name: 'hostile-editor', what: 'a call button without its {{number}}', file: dataCollections.i18n.file('ru'), field: /: field "help\.call": \{\{number\}\} eksik/ },
  { name: 'hostile-editor', what: 'a __proto__ key in UI strings', file: dataCollections.i18n.file('tr'), field: /: field "__proto__"/ },
  // Item 7: front matter that cannot be stored is refused by name and line.
  { name: 'hostile-editor', what: 'a __proto__ key in front matter', file: entryFile('pages', 'tr', 'fixture-proto-key'), field: at(5, '__proto__') },
  { name: 'hostile-editor', what: 'a constructor key in front matter', file: entryFile('pages', 'tr', 'fixture-constructor-key'), field: at(5, 'constructor') },
  { name: 'hostile-editor', what: 'a nested prototype key in front matter', file: entryFile('pages', 'tr', 'fixture-prototype-key'), field: at(7, 'sources[0].prototype') },
  // A YAML alias of its own parent: named by file and field, where the walk over every string once overflowed the stack.
  { name: 'hostile-editor', what: 'a value that contains itself (YAML alias loop)', file: entryFile('pages', 'tr', 'fixture-alias-loop'), field: at(7, 'sources[0].also') },
  {
    name: 'hostile-editor',
    what: 'an unknown YAML tag (!!js/function)',
    file: entryFile('pages', 'tr', 'fixture-yaml-tag'),
    field: /:6: field "sources\[0\]\.title": YAML etiketi !!js\/function/,
  },
  { name: 'hostile-editor', what: 'an http: source URL', file: entryFile('campaigns', 'tr', 'fixture-http-source'), field: at(17, 'sources[0].url') },
  { name: 'hostile-editor', what: 'a title of zero-width spaces only', file: entryFile('pages', 'tr', 'fixture-invisible-title'), field: /:3: field "title": en az bir harf/ },
  // Item 8: nothing ships broken or from outside (caught by the content check, and by the render step alone below).
  { name: 'hostile-editor', what: 'a list nested 64 deep', file: entryFile('pages', 'tr', 'fixture-deep-list'), field: /: field "body": metin çok derin/ },
  { name: 'hostile-editor', what: '127 nested <div>s', file: entryFile('pages', 'tr', 'fixture-deep-divs'), field: /: field "body": metin çok derin/ },
  {
    name: 'hostile-editor',
    what: 'a body image from outside the project',
    file: entryFile('pages', 'tr', 'fixture-image-outside'),
    field: /:8: field "body": "\.\.\/\.\.\/\.\.\/\.\.\/usr\/share\/gitweb\/static\/git-logo\.png" resmi kullanılamaz/,
  },
  {
    name: 'render-errors',
    what: 'rendering a list nested 64 deep (Astro alone)',
    file: entryFile('pages', 'tr', 'fixture-deep-list'),
    field: /the body cannot be published[\s\S]*?nests 65\+? levels deep/,
  },
  { name: 'render-errors', what: 'rendering 127 nested <div>s (Astro alone)', file: entryFile('pages', 'tr', 'fixture-deep-divs'), field: /nests 65\+? levels deep/ },
  {
    name: 'render-errors',
    what: 'a body image from outside the project (Astro alone)',
    file: entryFile('pages', 'tr', 'fixture-image-outside'),
    field: /git-logo\.png" is not allowed/,
  },
  {
    name: 'render-errors',
    what: 'a fake tel: link (Astro alone: the sanitiser refuses it)',
    file: entryFile('pages', 'tr', 'fixture-tel-fake-number'),
    field: /field "body", line 8: .*tel:\+905551234567/,
  },
  { name: 'render-errors', what: 'a <bdo> (Astro alone: the sanitiser refuses it)', file: entryFile('pages', 'tr', 'fixture-bdo'), field: /<bdo> is not allowed/ },
];

/** Builds the project with one overlay applied, for this machine (`npm run build -- --local`); resolves with the exit status and all output. */
async function buildWith(name: string): Promise<{ status: number; output: string }> {
  const build = builds[name] ?? { contentCheck: true };
  let overlay = join(projectRoot, 'tests', 'fixtures', 'bad-content', build.from ?? name);
  let partial: string | undefined;
  if (build.only) {
    partial = mkdtempSync(join(tmpdir(), `bad-content-${name}-`));
    for (const file of build.only) {
      mkdirSync(dirname(join(partial, file)), { recursive: true });
      cpSync(join(overlay, file), join(partial, file));
    }
    overlay = partial;
  }
  try {
    const { ok, output } = await buildSite({ overlay, localPort: copyBuildPort(process.env), output: 'capture', contentCheck: build.contentCheck });
    return { status: ok ? 0 : 1, output };
  } finally {
    if (partial) rmSync(partial, { recursive: true, force: true });
  }
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
    intFrom(process.env, 'BAD_CONTENT_CONCURRENCY', defaults.badContentConcurrency, { min: 1, max: 16, what: 'a number of builds' }),
  ).map((promise, i) => [names[i]!, promise]),
);
// Strip colour codes in case a tool ignores NO_COLOR.
// eslint-disable-next-line no-control-regex -- the escape character is what is being removed
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
    if (c.source) assert.ok(text.includes(c.source), `the output should name the Markdown file ${c.source}; output:\n${text.slice(-3000)}`);
  });
}
