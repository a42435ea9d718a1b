/**
 * Phone numbers written as text are refused wherever an editor writes text (src/lib/content-rules/phone-numbers.ts,
 * attacker's review 2026-12-02): in bodies, front matter at any depth and UI strings; and what is not a phone
 * number (dates, years, amounts, law numbers, the helplines' short codes, addresses) is left alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyNeedsTree } from '../../src/lib/content-rules/body-scan.ts';
import { markdownBodyProblems } from '../../src/lib/content-rules/markdown.ts';
import { mayHoldPhoneNumber, phoneNumberProblemsIn, phoneNumbersIn } from '../../src/lib/content-rules/phone-numbers.ts';
import { fieldName } from '../../src/lib/content-rules/problem.ts';
import { uiStringProblems } from '../../src/lib/content-rules/ui-strings.ts';

test('phone numbers in text, as a reader sees them: Turkish, international, any digit script, hidden by invisible characters, odd spaces or a line break', () => {
  const found: [string, string][] = [
    ['Yardım için artık 0 850 555 12 34 numarasını arayın.', '0 850 555 12 34'],
    ['YİMER – yeni numara 0850 555 12 34', '0850 555 12 34'],
    ['Call +90 555 123 45 67 now', '+90 555 123 45 67'],
    ['اتصل على ٠٥٥٥ ١٢٣ ٤٥ ٦٧', '0555 123 45 67'],
    ['تماس ۰۵۵۵ ۱۲۳ ۴۵ ۶۷', '0555 123 45 67'],
    ['(0312) 555 12 34', '(0312) 555 12 34'],
    ['05551234567', '05551234567'],
    ['0\u200B850\u200D555 12 34', '0850555 12 34'],
    ['Hat 𝟎𝟖𝟓𝟎 𝟓𝟓𝟓 𝟏𝟐 𝟑𝟒', '0850 555 12 34'],
    ['Hat ०८५० ५५५ १२ ३४', '0850 555 12 34'],
    ['Hat 0\u2009850\u2009555\u200912\u200934', '0 850 555 12 34'],
    ['Yeni hat: 0 850 555\n12 34', '0 850 555 12 34'],
    ['Tel0850 555 12 34', '0850 555 12 34'],
    ['0850 555 12 34ü', '0850 555 12 34'],
    ['0850/555/12/34', '0850 555 12 34'],
    ['0⃣8⃣5⃣0⃣ 5⃣5⃣5⃣ 1⃣2⃣ 3⃣4⃣', '0850 555 12 34'],
    ['https://wa.me/905551234567', '905551234567'],
  ];
  for (const [text, number] of found) assert.deepEqual(phoneNumbersIn(text), [number], text);
  const notNumbers = [
    '30/11/2026',
    '2015/2020',
    'Kanun 6458/80',
    'ISBN 978-975-08-1234-5',
    'madde 80/1-a',
    '157, 7 gün 24 saat',
    '112 Acil',
    'Alo 183',
    'Kanun No. 6458, madde 80',
    '30.11.2026 tarihinde',
    '1 000 000 kişi',
    '1 157 000 kişi',
    '2015-2020 yılları',
    '25.000 TL borç',
    '',
  ];
  for (const text of notNumbers) assert.deepEqual(phoneNumbersIn(text), [], text);
  assert.equal(mayHoldPhoneNumber('Sahte iş teklifleri, pasaportunuzu isteyen işverenler.'), false);
});

test('front matter and settings: every string at any depth, but not addresses, keywords or the vetted number field', () => {
  const data = {
    title: 'YİMER – yeni numara 0850 555 12 34',
    sources: [{ title: 'Rapor', url: 'https://wa.me/905551234567' }],
    keywords: ['0 850 555 12 34'],
    number: '157',
    nested: { deep: ['ara: +90 555 123 45 67'] },
  };
  assert.deepEqual(
    phoneNumberProblemsIn(data).map((p) => fieldName(p.path)),
    ['title', 'nested.deep[0]'],
  );
  const loop: Record<string, unknown> = { title: 'x' };
  loop.self = loop;
  assert.deepEqual(phoneNumberProblemsIn(loop), [], 'a value that contains itself is walked once');
});

test('bodies: what the body shows, a number split by emphasis too; link addresses are not read', () => {
  const problems = markdownBodyProblems('Metin.\n\nYardım için artık 0 850 ***555*** 12 34 numarasını arayın.\n', { lineOffset: 6 });
  assert.equal(problems.length, 1);
  assert.equal(fieldName(problems[0]!.path), 'body');
  assert.equal(problems[0]!.line, 9);
  assert.match(problems[0]!.en, /"0 850 555 12 34"/);
  assert.deepEqual(markdownBodyProblems('[Yardım](https://wa.me/905551234567) ve 30.11.2026.\n'), []);
  // What the sanitiser drops with its contents is not shown, so it does not break a number; an image's alt text is shown.
  for (const body of [
    '0 850 555<script>x</script> 12 34',
    '0850<noscript>yok</noscript>5551234',
    '![Yeni hat 0 850 555 12 34](https://example.org/a.png)',
    '<div>Yeni hattımız: 0850 <b>555</b> 12 34</div>',
    'Yeni hattımız: 0850 555 ![12 34](https://example.org/a.png)',
    '0850 555<rp>x</rp> 12 34',
    // hast-util-raw drops text after an unclosed <table> that the site\'s renderer keeps: the source is read too.
    'Giriş.\n\n<div><table>Yeni WhatsApp yardım hattımız: 0850 555 12 34',
    'Giriş.\n\n<table>Ara 0850 555 12 34</table>',
    '[Bilgi](https://example.org/ "0850 555 12 34")',
    'Yeni hat: 0 850 555\n12 34',
  ]) {
    assert.equal(markdownBodyProblems(body).length, 1, body);
  }
  // The pre-build check parses such a body (it skips bodies no rule can apply to).
  assert.equal(bodyNeedsTree('Yardım için artık 0 850 ***555*** 12 34 numarasını arayın.'), true);
});

test('UI strings', () => {
  const problems = uiStringProblems('en', { help: { emergency: 'In an emergency, call 112, or WhatsApp +90 555 123 45 67.' } });
  assert.ok(
    problems.some((p) => fieldName(p.path) === 'help.emergency' && /\+90 555 123 45 67/.test(p.en)),
    JSON.stringify(problems),
  );
});
