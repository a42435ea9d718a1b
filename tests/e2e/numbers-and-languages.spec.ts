/**
 * Issue 10, points 2 and 3, in Chromium against the built site, in Turkish
 * and Arabic (and Pashto where the case is there):
 * - helpline numbers in text are tel: links to the number, isolated left-to-right;
 * - numbers read apart in copied text and in accessible names;
 * - source titles carry their own language and direction;
 * - lists in sentences use the locale's own separators (Intl.ListFormat);
 * - menu paths read in order in right-to-left text, arrows the reading way.
 * The numbers are read from the helplines collection, the expected list
 * formats from Intl in the test, never written here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readMarkdown } from '../../src/lib/content-files.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { collectionFolder, entryFile } from '../../src/collections.ts';
import type { LocaleCode } from '../../src/i18n/locales.ts';
import { browseSafelyPath, entryPath, listPath, localePath, routeAt } from '../../src/routes.ts';
import { fixture, fixtureSlugs, sitemapPaths } from './site-map.ts';

/** Every helpline in the content, per locale: number, languages (as the site reads them). */
function helplines(locale: LocaleCode): { number: string; languages: string[] }[] {
  const folder = join(projectRoot, collectionFolder('helplines'), locale);
  return readdirSync(folder).map((file) => readMarkdown(join(folder, file)).data as { number: string; languages: string[] });
}
const NUMBERS = [...new Set(helplines('tr').map((h) => h.number))];
/** "١٥٧" and "۱۵۷" as "157"; other characters as they are. */
const asciiDigits = (text: string) =>
  [...text]
    .map((c) => {
      const i = Math.max('٠١٢٣٤٥٦٧٨٩'.indexOf(c), '۰۱۲۳۴۵۶۷۸۹'.indexOf(c));
      return i >= 0 ? String(i) : c;
    })
    .join('');

/**
 * Text nodes in <main> that show a helpline number (any digit script) outside a link or code, and not as a
 * group of a longer number; and every tel: link with its text, direction and accessible-name text.
 */
function numbersOnPage(page: Page, numbers: string[]) {
  return page.evaluate((numbers) => {
    const digitValue = (ch: string) => {
      let cp = ch.codePointAt(0)!;
      const start = cp;
      while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) cp--;
      return String((start - cp) % 10);
    };
    const unlinked: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      // Text on screen only: print-only blocks (the poster's numbers on paper) are not links by design.
      if (el.closest('a, code, pre, [hidden], [aria-hidden="true"]') || !el.checkVisibility()) continue;
      const value = node.nodeValue!;
      for (const m of value.matchAll(/\p{Nd}+/gu)) {
        const ascii = [...m[0]].map(digitValue).join('');
        const before = value.slice(0, m.index);
        const after = value.slice(m.index + m[0].length);
        if (!numbers.includes(ascii) || /[\p{Nd}\p{Script=Latin}][ \-./]?$/u.test(before) || /^[ \-./]?\p{Nd}/u.test(after)) continue;
        unlinked.push(`${value.slice(Math.max(0, m.index - 25), m.index + 10)} (in <${el.tagName.toLowerCase()}>)`);
      }
    }
    const links = [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="tel:"]')].map((a) => ({
      href: a.getAttribute('href')!,
      text: a.innerText,
      direction: getComputedStyle(a.querySelector('bdi') ?? a).direction,
      inCallButton: a.matches('.call-button, .call-strip__call'),
    }));
    return { unlinked, links };
  }, numbers);
}

for (const locale of ['tr', 'ar'] as const) {
  test(`${locale}: on every page, helpline numbers in the text are tel: links to that number, left-to-right`, async ({ page }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    let textLinks = 0;
    for (const path of sitemapPaths().filter((p) => p.startsWith(localePath(locale)))) {
      await page.goto(path);
      const { unlinked, links } = await numbersOnPage(page, NUMBERS);
      for (const u of unlinked) problems.push(`${path}: not a link: ${u}`);
      for (const l of links) {
        if (!NUMBERS.includes(l.href.slice(4))) problems.push(`${path}: ${l.href} is not a helpline number`);
        if (l.direction !== 'ltr') problems.push(`${path}: ${l.href} shown ${l.direction}`);
        if (!l.inCallButton) {
          textLinks++;
          // Link text is the number it dials (any digit script).
          if (asciiDigits(l.text.trim()) !== l.href.slice(4)) problems.push(`${path}: ${l.href} reads "${l.text}"`);
        }
      }
    }
    expect(textLinks, 'numbers in text were linked at all').toBeGreaterThan(20);
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('ar (fixture): Arabic-Indic and Persian digits dial the number; other numbers, phone groups and code are not links', async ({ page }) => {
  await page.goto(`${fixture}${localePath('ar', entryPath('pages', fixtureSlugs.numbersAndPaths))}`);
  const prose = page.locator('main .prose');
  const links = await prose.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent, getComputedStyle(a).direction]));
  const indic = (n: string, zero: number) => [...n].map((d) => String.fromCodePoint(zero + Number(d))).join('');
  expect(links).toContainEqual([`tel:${NUMBERS.find((n) => n === '157') ?? NUMBERS[0]}`, indic('157', 0x660), 'ltr']);
  expect(links).toContainEqual(['tel:112', indic('112', 0x6f0), 'ltr']);
  expect(links).toContainEqual(['tel:183', '183', 'ltr']);
  // The editor's own link, once, not a link inside a link.
  expect(await prose.locator('a a').count()).toBe(0);
  await expect(prose.locator('code')).toHaveText('157');
  await expect(prose.locator('a[href="tel:144"]')).toHaveCount(0);
  expect(await prose.locator('p').nth(1).locator('a').count(), '157 as a group of 1 157 000, and 144, are not helpline numbers').toBe(0);
});

for (const locale of ['tr', 'ar'] as const) {
  test(`${locale}: numbers read apart in copied text and in the names screen readers announce`, async ({ page }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    // A helpline number glued to another digit, or followed on the same line by spaces and a digit.
    const runTogether = (s: string) =>
      NUMBERS.flatMap((n) => [...s.matchAll(new RegExp(`(?<!\\p{Nd})${n}(?:\\p{Nd}|[ \\t\\u00A0]+\\p{Nd})`, 'gu'))].map((m) => s.slice(Math.max(0, m.index - 15), m.index + 12)));
    for (const path of sitemapPaths().filter((p) => p.startsWith(localePath(locale)))) {
      await page.goto(path);
      const text = await page.evaluate(() => document.body.innerText);
      for (const hit of runTogether(text)) problems.push(`${path} text: “${hit}”`);
      // The accessible name of every tel: link, as Playwright computes it (accname spec).
      const together = new RegExp(`(?<!\\p{Nd})(?:${NUMBERS.join('|')})(?:\\p{Nd}|[ \\t\\u00A0]+\\p{Nd})`, 'u');
      const links = page.locator('a[href^="tel:"]');
      for (let i = 0; i < (await links.count()); i++) await expect(links.nth(i), `${path} tel: link ${i}`).not.toHaveAccessibleName(together);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('tr and ar: the call buttons say "112, 112 Acil…" to screen readers, with the script\'s own comma', async ({ page }) => {
  for (const [locale, comma] of [
    ['tr', ','],
    ['ar', '،'],
  ] as const) {
    await page.goto(localePath(locale, listPath('helplines')));
    const button = page.locator('.helpline a.call-button[href="tel:112"]');
    const { title } = readMarkdown(join(projectRoot, entryFile('helplines', locale, '112'))).data as { title: string };
    // The comma is visually hidden, a box of its own: browsers may put a space before it ("112 , 112 …").
    await expect(button).toHaveAccessibleName(new RegExp(`^112 ?${comma} ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }
});

for (const locale of ['tr', 'ar'] as const) {
  test(`${locale}: every source title has its own lang and the direction of that language`, async ({ page }) => {
    test.setTimeout(90_000);
    const problems: string[] = [];
    let seen = 0;
    // Every entry page of the collections that list sources for their facts (the `pages` collection's are optional).
    const entryPages = sitemapPaths().filter((p) => {
      const route = routeAt(p);
      return route?.locale === locale && route.kind === 'entry' && route.collection !== 'pages';
    });
    for (const path of entryPages) {
      await page.goto(path);
      for (const s of await page
        .locator('.sources li > :is(a, span)')
        .evaluateAll((els) =>
          els.map((e) => ({ lang: e.getAttribute('lang'), dir: e.getAttribute('dir'), computed: getComputedStyle(e).direction, text: e.textContent!.slice(0, 40) })),
        )) {
        seen++;
        const rtl = /^(ar|fa|ps)\b/.test(s.lang ?? '');
        if (!s.lang) problems.push(`${path}: no lang on “${s.text}”`);
        else if (s.computed !== (rtl ? 'rtl' : 'ltr') || s.dir !== s.computed) problems.push(`${path}: “${s.text}” lang=${s.lang} dir=${s.dir} (${s.computed})`);
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test("lists in sentences use the locale's own separators: helplines' languages in tr, ar and fa", async ({ page }) => {
  for (const locale of ['tr', 'ar', 'fa'] as const) {
    await page.goto(localePath(locale, listPath('helplines')));
    const label = JSON.parse(readFileSync(new URL(`../../content/i18n/${locale}.json`, import.meta.url), 'utf8')).help.languages as string;
    // The <dd> after the "Languages" <dt>: its first text is the list (a note in brackets may follow).
    const lists = await page
      .locator('.helpline__facts dt')
      .evaluateAll((dts, label) => dts.filter((dt) => dt.textContent === label).map((dt) => dt.nextElementSibling!.childNodes[0]!.textContent!), label);
    const expected = helplines(locale).map((h) => {
      const names = h.languages.map((code) => new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(code)!);
      return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
    });
    expect(lists.sort()).toEqual(expected.sort());
    if (locale !== 'tr') for (const list of lists) expect(list, 'no Latin comma in Arabic script').not.toContain(',');
  }
});

// Latin steps in Arabic text must say their language where they are labels in English (the fixture); "Safari" is a name.
for (const [where, path, dir, latinStepsSayLang] of [
  ['ar (the real browse-safely page: "Safari" between Arabic steps)', localePath('ar', browseSafelyPath), 'rtl', false],
  ['ar (fixture: English labels typed with →)', `${fixture}${localePath('ar', entryPath('pages', fixtureSlugs.numbersAndPaths))}`, 'rtl', true],
  ['tr (browse-safely)', localePath('tr', browseSafelyPath), 'ltr', false],
] as const) {
  test(`menu paths read in order, arrows the reading way: ${where}`, async ({ page }) => {
    await page.goto(path);
    const paths = await page.locator('main .menu-path').evaluateAll((spans) =>
      spans.map((span) => ({
        dir: getComputedStyle(span).direction,
        arrows: [...span.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()),
        // Where each step starts (its first line box): the left edge in ltr, the right edge in rtl.
        x: [...span.querySelectorAll(':scope > bdi')].map((b) => (getComputedStyle(span).direction === 'rtl' ? b.getClientRects()[0]!.right : b.getClientRects()[0]!.left)),
        latinSteps: [...span.querySelectorAll(':scope > bdi')]
          .filter((b) => /^[\p{Script=Latin}\s]+$/u.test(b.textContent!.trim()))
          .map((b) => (b.querySelector('[lang]') ?? b.closest('[lang]'))!.getAttribute('lang')),
        sameLine: new Set([...span.querySelectorAll(':scope > bdi')].map((b) => Math.round(b.getClientRects()[0]!.top))).size === 1,
      })),
    );
    expect(paths.length).toBeGreaterThan(0);
    expect(
      paths.some((p) => p.sameLine),
      'at least one path on one line, to compare positions',
    ).toBe(true);
    const pageLang = await page.evaluate(() => document.querySelector('main .prose')!.closest('[lang]')!.getAttribute('lang'));
    for (const p of paths) {
      expect(p.dir).toBe(dir);
      expect(new Set(p.arrows)).toEqual(new Set([dir === 'rtl' ? '←' : '→']));
      if (p.sameLine) {
        const ordered = p.x.every((x, i) => i === 0 || (dir === 'rtl' ? x < p.x[i - 1]! : x > p.x[i - 1]!));
        expect(ordered, `steps in ${dir} order: ${p.x}`).toBe(true);
      }
      // A step in Latin script inside right-to-left text says its language.
      if (latinStepsSayLang) for (const lang of p.latinSteps) expect(lang, 'lang of a Latin-script step').not.toBe(pageLang);
    }
  });
}

test("ar (fixture): a fallback page and its list card name the text's language with that language's lang and direction", async ({ page }) => {
  await page.goto(`${fixture}${localePath('ar', entryPath('campaigns', fixtureSlugs.untranslated))}`);
  const textLang = await page.locator('main').getAttribute('lang');
  expect(textLang, "the page shows another language's text").not.toBe('ar');
  const named = page.locator('[data-notice="fallback"] span[lang]');
  await expect(named).toHaveAttribute('lang', textLang!);
  expect(await named.evaluate((el) => [el.getAttribute('dir'), getComputedStyle(el).direction])).toEqual(['ltr', 'ltr']);
  await page.goto(`${fixture}${localePath('ar', listPath('campaigns'))}`);
  const card = page.locator(`a.card[href$="/${entryPath('campaigns', fixtureSlugs.untranslated)}"] .meta span[lang]`);
  await expect(card).toHaveAttribute('lang', textLang!);
  await expect(card).toHaveAttribute('dir', 'ltr');
});
