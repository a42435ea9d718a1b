/**
 * Help first (issue 10, point 1; DESIGN.md): on every page of the sitemap, a
 * reader on a small phone can call from the first screen, and the page's
 * title is still on it. Measured in the browser at 320×568 and 390×844, in
 * Turkish and Arabic (right-to-left) for every page, and for Pashto and
 * Kurmanji (no line is confirmed to answer in them) the helplines link.
 *
 * The numbers each locale's call strip must offer are read from the helplines
 * collection (`number`, `languages` of each language file), not written here. Per-template offsets, before and after: scripts/measure/first-call.mjs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readMarkdown } from '../../src/lib/content-files.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { collectionFolder } from '../../src/collections.ts';
import { entryPath, listPath, localePath } from '../../src/routes.ts';
import { fixture, fixtureSlugs, isTemplate, sitemapPaths } from './site-map.ts';

const VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
];

/** The helplines that answer in `locale`, as their dialled numbers (from the content, as the site reads it). */
function numbersAnsweringIn(locale: string): string[] {
  const folder = join(projectRoot, collectionFolder('helplines'), locale);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .map((file) => readMarkdown(join(folder, file)).data as { number: string; languages: string[] })
    .filter((h) => h.languages.includes(locale))
    .map((h) => h.number);
}

/** Where the first tel: link and the title are, in CSS px from the top of the first screen. */
function firstScreen(page: Page) {
  return page.evaluate((helplinesList) => {
    const box = (el: Element | null) => (el ? el.getBoundingClientRect() : null);
    const tel = document.querySelector<HTMLAnchorElement>('a[href^="tel:"]');
    const title = box(document.querySelector('h1'));
    const t = box(tel);
    return {
      scrollY: window.scrollY,
      height: window.innerHeight,
      tel: t && { top: t.top, bottom: t.bottom, height: t.height, visible: tel!.checkVisibility({ visibilityProperty: true }), href: tel!.getAttribute('href') },
      titleTop: title?.top ?? null,
      stripNumbers: [...document.querySelectorAll<HTMLAnchorElement>('.call-strip a[href^="tel:"]')].map((a) => a.getAttribute('href')!.slice('tel:'.length)),
      helplinesLink: box(document.querySelector(`.call-strip a[href$="/${helplinesList}"]`))?.top ?? null,
    };
  }, listPath('helplines'));
}

for (const locale of ['tr', 'ar'] as const) {
  const answering = numbersAnsweringIn(locale);
  for (const viewport of VIEWPORTS) {
    test(`${locale}, ${viewport.width}×${viewport.height}: on every page of the sitemap the first tel: link and the title start on the first screen`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      expect(answering.length, `lines answering in ${locale}`).toBeGreaterThan(0);
      const context = await browser.newContext({ baseURL, viewport, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const paths = sitemapPaths().filter((p) => p.startsWith(localePath(locale)));
      expect(paths.length).toBeGreaterThan(20);
      const problems: string[] = [];
      for (const path of [...paths, localePath(locale, 'no-such-page/')]) {
        await page.goto(path);
        const s = await firstScreen(page);
        expect(s.scrollY, path).toBe(0);
        if (!s.tel) {
          problems.push(`${path}: no tel: link`);
          continue;
        }
        if (!(s.tel.top >= 0 && s.tel.top < s.height)) problems.push(`${path}: first tel: link at ${Math.round(s.tel.top)} px, the first screen is ${s.height} px`);
        if (!s.tel.visible || s.tel.height < 44) problems.push(`${path}: first tel: link not visible or under 44 px high (${s.tel.height})`);
        if (s.titleTop === null || s.titleTop >= s.height) problems.push(`${path}: the title starts at ${s.titleTop} px, off the first screen`);
        // The strip offers only lines that answer in the reader's language (the helplines page's own list follows it).
        for (const number of s.stripNumbers) if (!answering.includes(number)) problems.push(`${path}: the call strip offers ${number}, which does not answer in ${locale}`);
      }
      expect(problems, problems.join('\n')).toEqual([]);
      await context.close();
    });
  }
}

// The language chooser (the first page of every shared root link) and the root 404 are in every language:
// their call strip offers the lines that answer in Turkish, said in Turkish like their quick exit.
for (const path of ['/', '/no-such-page']) {
  test(`${path}: the page in every language offers the Turkish-speaking lines on the first screen, marked as Turkish`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: VIEWPORTS[0], isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(path);
    const s = await firstScreen(page);
    expect(s.tel, 'a tel: link').not.toBeNull();
    expect(s.tel!.top).toBeGreaterThanOrEqual(0);
    expect(s.tel!.bottom).toBeLessThanOrEqual(s.height);
    expect(s.tel!.visible).toBe(true);
    expect([...s.stripNumbers].sort()).toEqual([...numbersAnsweringIn('tr')].sort());
    await expect(page.locator('.call-strip')).toHaveAttribute('lang', 'tr');
    // The reader's language is unknown here: the list is named "helplines", not "these lines answer in your language".
    const tr = JSON.parse(readFileSync(new URL('../../content/i18n/tr.json', import.meta.url), 'utf8'));
    await expect(page.locator('.call-strip ul')).toHaveAccessibleName(tr.nav.helplines);
    await context.close();
  });
}

// No line is confirmed to answer in Pashto or Kurmanji (facts sheet): their first screen links to the helplines page instead.
for (const locale of ['ps', 'ku'] as const) {
  test(`${locale}, 320×568: every page leads to the helplines from the first screen, and offers no line as answering in ${locale}`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    expect(numbersAnsweringIn(locale), `a line now answers in ${locale}: this test should then be the one above`).toEqual([]);
    const context = await browser.newContext({ baseURL, viewport: VIEWPORTS[0], isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of sitemapPaths().filter((p) => p.startsWith(localePath(locale)))) {
      await page.goto(path);
      const s = await firstScreen(page);
      const first = Math.min(s.tel?.top ?? Infinity, s.helplinesLink ?? Infinity);
      if (!(first < s.height)) problems.push(`${path}: neither a tel: link nor the helplines link on the first screen`);
      if (isTemplate(path, { kind: 'list', id: 'helplines' })) {
        if (s.stripNumbers.length === 0) problems.push(`${path}: the helplines page itself offers no call at the top`);
        if ((await page.locator('.call-strip--other').count()) !== 1) problems.push(`${path}: lines at the top are not marked as "other" lines`);
      } else if (s.stripNumbers.length > 0) problems.push(`${path}: the call strip offers ${s.stripNumbers.join(', ')} as answering in ${locale}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    await context.close();
  });
}

test('the call strip reads apart and in order: "Call 157 YİMER 157 …", the number left-to-right in Arabic', async ({ page }) => {
  await page.goto(`${fixture}${localePath('ar', entryPath('campaigns', fixtureSlugs.campaign))}`);
  const call = page.locator('.call-strip a[href="tel:157"]');
  const strings = JSON.parse(readFileSync(new URL('../../content/i18n/ar.json', import.meta.url), 'utf8'));
  const label = strings.help.call.replace('{{number}}', '157');
  // Copy-paste and text browsers: the label, then a break or space, then the line's name; never "157YİMER".
  const text = await call.evaluate((el) => (el as HTMLElement).innerText);
  expect(text).toMatch(new RegExp(`^${label}\\s+\\S`));
  expect(text).not.toMatch(/157[\p{L}\p{N}]/u);
  await expect(call).toHaveAccessibleName(new RegExp(`^${label} `));
  expect(await call.locator('bdi.tel').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
});

test('the main menu: folded on a phone, open without a toggle from 40rem, works without JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: VIEWPORTS[0] });
  const page = await context.newPage();
  await page.goto(localePath('ar', listPath('materials')));
  const menu = page.getByRole('navigation', { name: JSON.parse(readFileSync(new URL('../../content/i18n/ar.json', import.meta.url), 'utf8')).nav.mainMenu });
  await expect(menu.getByRole('link').first()).toBeHidden();
  await menu.locator('summary').click();
  await expect(menu.getByRole('link')).toHaveCount(4);
  for (const link of await menu.getByRole('link').all()) await expect(link).toBeVisible();
  await expect(menu.locator('[aria-current="page"]')).toHaveAttribute('href', localePath('ar', listPath('materials')));
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(localePath('ar', listPath('materials')));
  await expect(menu.locator('summary')).toBeHidden();
  for (const link of await menu.getByRole('link').all()) await expect(link).toBeVisible();
  await context.close();
});
