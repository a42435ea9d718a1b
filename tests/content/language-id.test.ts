/**
 * Every paragraph of every entry, and every long UI string, is identified as
 * its locale's language (tests/content/language-id.ts; issue 11). The other
 * tests prove the check catches a Persian paragraph on a Pashto page and
 * Turkish left on a Kurmanji page, alone and planted in a copy of the content.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLanguages, formatVerdicts, identify, judge, plain } from './language-id.ts';

const content = join(import.meta.dirname, '..', '..', 'content');

test('every paragraph and long UI string is in its locale\'s language', () => {
  const wrong = checkLanguages(content);
  assert.equal(wrong.length, 0, `text identified as another language:\n${formatVerdicts(wrong)}`);
});

/** The first body paragraph of `file` with at least 200 characters (a real paragraph of the site, not a made-up one). */
function paragraph(file: string): string {
  const body = readFileSync(join(content, file), 'utf8').split(/\n---\n/).slice(1).join('\n---\n');
  const found = body.split(/\n\s*\n/).find((p) => p.length >= 200 && !p.startsWith('#') && !p.startsWith('-'));
  assert.ok(found, `no long paragraph in ${file}`);
  return found.trim();
}

test('the site\'s Persian, Pashto, Turkish and Kurmanji paragraphs are told apart', () => {
  const fa = paragraph('campaigns/fa/debt-bondage.md');
  const ps = paragraph('campaigns/ps/debt-bondage.md');
  const tr = paragraph('campaigns/tr/debt-bondage.md');
  const ku = paragraph('campaigns/ku/debt-bondage.md');
  assert.match(identify(fa).best, /^(pes|prs)$/);
  assert.equal(identify(ps).best, 'pbu');
  assert.equal(identify(tr).best, 'tur');
  assert.equal(identify(ku).best, 'ckb');
  // The wrong language under a locale is a verdict; the right one is none.
  assert.equal(judge('planted', 'ps', fa)?.guess.replace('prs', 'pes'), 'pes');
  assert.equal(judge('planted', 'ku', tr)?.guess, 'tur');
  assert.equal(judge('real', 'ps', ps), undefined);
  assert.equal(judge('real', 'ku', ku), undefined);
});

test('a Persian paragraph planted on a Pashto page and Turkish left on a Kurmanji page fail the check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'langid-'));
  try {
    cpSync(content, dir, { recursive: true });
    const swap = (target: string, from: string) => {
      const path = join(dir, target);
      const text = readFileSync(path, 'utf8');
      const replaced = text.replace(paragraph(target), paragraph(from));
      assert.notEqual(replaced, text);
      writeFileSync(path, replaced);
    };
    swap('campaigns/ps/false-romance.md', 'campaigns/fa/false-romance.md');
    swap('campaigns/ku/fake-job-offers.md', 'campaigns/tr/fake-job-offers.md');
    const wrong = checkLanguages(dir);
    const report = formatVerdicts(wrong);
    assert.ok(wrong.some((v) => v.where.startsWith('campaigns/ps/false-romance.md#body') && /^(pes|prs)$/.test(v.guess)), `Persian on the Pashto page not caught:\n${report}`);
    assert.ok(wrong.some((v) => v.where.startsWith('campaigns/ku/fake-job-offers.md#body') && v.guess === 'tur'), `Turkish on the Kurmanji page not caught:\n${report}`);
    assert.equal(wrong.length, 2, `only the two planted paragraphs should fail:\n${report}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('text marked with its own lang and other inline HTML are not judged as the page\'s words', () => {
  assert.equal(plain('بیا **<span lang="en">Delete browsing data</span>** وټاکئ، <b>بیا</b>').replace(/\s+/g, ' ').trim(), 'بیا وټاکئ، بیا');
});
