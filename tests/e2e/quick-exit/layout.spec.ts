/**
 * Quick exit (src/components/QuickExit/): where it sits and how it looks, in
 * tr, ar (RTL) and ru: the translated label as the whole accessible name, tap
 * target and contrast (axe), the inline end of the text column, sticky after
 * scrolling at 320 px and 400% zoom without covering the focused element,
 * hidden in print, and its colour used by nothing else. What it does:
 * ./behaviour.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { browseSafelyPath, entryPath, listPath, localePath } from '../../../src/routes.ts';
import { fixture, fixtureSlugs } from '../site-map.ts';
import { focusedElementIsOnTop, locales, strings, withBackForwardCache } from './helpers.ts';

withBackForwardCache();

/** A long page, to scroll: the fixture campaign, in every language. */
const longPage = (code: string) => `${fixture}${localePath(code as 'tr', entryPath('campaigns', fixtureSlugs.campaign))}`;

for (const { code, dir } of locales) {
  test.describe(`${code}`, () => {
    test('label is translated and is the whole accessible name; tap target and contrast', async ({ page }) => {
      const t = strings(code);
      await page.goto(localePath(code));
      const button = page.locator('.quick-exit__button');
      await expect(button).toHaveText(t.label);
      await expect(button).toHaveAccessibleName(t.label);
      await expect(page.getByRole('link', { name: t.label, exact: true })).toHaveCount(2);
      await expect(page.locator('.quick-exit__help')).toHaveAttribute('href', localePath(code, browseSafelyPath));
      await expect(page.locator('.quick-exit__help')).toHaveText(t.browseSafelyLink);
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      // WCAG 1.4.3 contrast (4.5:1), as axe computes it.
      const contrast = await new AxeBuilder({ page }).include('.quick-exit__button').withRules(['color-contrast']).analyze();
      expect(contrast.violations).toEqual([]);
      expect(
        contrast.passes.map((rule) => rule.id),
        'the contrast was measured, not left incomplete',
      ).toContain('color-contrast');
    });

    test(`the button sits at the inline end (${dir === 'rtl' ? 'left' : 'right'}) of the page`, async ({ page }) => {
      for (const width of [412, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(localePath(code));
        const button = (await page.locator('.quick-exit__button').boundingBox())!;
        // The header's content box: the column the page's text is set in.
        const column = await page.locator('.site-header').evaluate((el) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return { left: r.left + parseFloat(style.paddingLeft), right: r.right - parseFloat(style.paddingRight) };
        });
        // Its inline-end edge lines up with the column's.
        if (dir === 'rtl') {
          expect(button.x + button.width / 2, `width ${width}`).toBeLessThan(width / 2);
          expect(Math.abs(button.x - column.left), `width ${width}`).toBeLessThanOrEqual(8);
        } else {
          expect(button.x + button.width / 2, `width ${width}`).toBeGreaterThan(width / 2);
          expect(Math.abs(button.x + button.width - column.right), `width ${width}`).toBeLessThanOrEqual(8);
        }
      }
    });

    test('stays on screen after scrolling at 320 px and at 400% zoom, never covers the focused element, hidden in print', async ({ page }) => {
      // 1280×1024 at 400% zoom is a 320×256 CSS-pixel viewport.
      for (const viewport of [
        { width: 320, height: 640 },
        { width: 320, height: 256 },
      ]) {
        await page.setViewportSize(viewport);
        await page.goto(longPage(code));
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await expect.poll(() => page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight)).toBe(true);
        const button = page.locator('.quick-exit__button');
        await expect(button).toBeInViewport({ ratio: 1 });
        expect(await button.evaluate((el) => el.contains(document.elementFromPoint(el.getBoundingClientRect().x + 5, el.getBoundingClientRect().y + 5)))).toBe(true);

        // Tab through the page and back (Shift+Tab scrolls elements in at the top, where the button
        // sticks), then follow the skip link: each focused element's centre is itself, not the button.
        await page.evaluate(() => window.scrollTo(0, 0));
        const covered: string[] = [];
        for (const key of [...Array(40).fill('Tab'), ...Array(40).fill('Shift+Tab')]) {
          await page.keyboard.press(key);
          const where = await focusedElementIsOnTop(page);
          if (where !== 'ok') covered.push(`${key}: ${where}`);
        }
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.locator('.skip-link').focus();
        await page.keyboard.press('Enter');
        await expect(page.locator('main')).toBeFocused();
        const where = await focusedElementIsOnTop(page);
        if (where !== 'ok') covered.push(`skip link target: ${where}`);
        expect(covered, `${viewport.width}×${viewport.height}`).toEqual([]);
      }
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.quick-exit__button')).toBeHidden();
      await expect(page.locator('.quick-exit__help')).toBeHidden();
      await expect(page.locator('.quick-exit-skip')).toBeHidden();
    });
  });
}

test('the exit colour is used by the quick exit only (tr home, campaign, helplines)', async ({ page }) => {
  for (const path of [localePath('tr'), `${fixture}${localePath('tr', entryPath('campaigns', fixtureSlugs.campaign))}`, localePath('tr', listPath('helplines'))]) {
    await page.goto(path);
    const users = await page.evaluate(() => {
      const exit = getComputedStyle(document.querySelector('.quick-exit__button')!).backgroundColor;
      const props = ['color', 'backgroundColor', 'borderTopColor', 'borderBottomColor', 'borderLeftColor', 'borderRightColor', 'outlineColor'] as const;
      return [...document.querySelectorAll('body *')]
        .filter((el) => !el.closest('.quick-exit__button, .quick-exit-skip'))
        .filter((el) => props.some((p) => getComputedStyle(el)[p] === exit))
        .map((el) => `${el.tagName}.${el.className}`);
    });
    expect(users, path).toEqual([]);
  }
});
