/**
 * Hostile content from a stolen CMS account, on the fixture site
 * (tests/fixtures/site/content/pages/tr/hostile-html.md: script tags, event
 * handlers, javascript:/data:/vbscript: URLs in plain, mixed-case, tab- and
 * entity-obfuscated forms, iframes, objects, SVG and MathML, forms, meta
 * refresh, <base>, style, remote images, clobbering ids, a fake quick exit).
 *
 * Every payload tries to set window.__pwned, open a dialog or reach another
 * host. Two layers keep them out: the sanitiser (src/lib/sanitize-html.ts) and
 * the CSP. The tests run once as served and once with CSP bypassed, so the
 * sanitiser is proven on its own rather than hidden behind the CSP.
 * The Arabic page is the same text as a fallback inside an RTL page.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FIXTURE_PORT } from '../playwright.config.ts';

const fixture = `http://127.0.0.1:${FIXTURE_PORT}`;

/** Records what the page did that it must not: dialogs, requests to other hosts, CSP violations. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], offHost: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') seen.offHost.push(request.url());
  });
  return seen;
}

/** Tries everything a reader might do: hover, click and focus every element of the content. */
async function provoke(page: Page) {
  const content = page.locator('main .prose');
  await content.locator('[data-hostile-hover], div').first().hover().catch(() => {});
  // Same-page and javascript: targets only: following a real link would leave the page under test.
  for (const link of await content.locator('a:not([href]), a[href="#"], a[href^="javascript" i]').all()) {
    await link.click({ timeout: 2000 }).catch(() => {});
  }
  for (const toggle of await content.locator('details summary').all()) await toggle.click().catch(() => {});
  await page.keyboard.press('Tab');
  await page.waitForTimeout(300);
}

for (const bypassCSP of [false, true]) {
  test.describe(bypassCSP ? 'sanitiser alone (CSP bypassed)' : 'as served (sanitiser and CSP)', () => {
    test.use({ bypassCSP });

    for (const locale of ['tr', 'ar']) {
      test(`${locale}: no payload runs script, opens a dialog or reaches another host`, async ({ page }) => {
        const seen = watch(page);
        const response = await page.goto(`${fixture}/${locale}/hostile-html/`);
        expect(response?.status()).toBe(200);
        await expect(page.locator('h1')).toHaveText('Test sayfası, zararlı HTML');
        await page.waitForLoadState('load');
        await provoke(page);

        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(seen.dialogs).toEqual([]);
        expect(seen.offHost).toEqual([]);
        // Still on the page: no meta refresh or script navigated away.
        expect(new URL(page.url()).pathname).toBe(`/${locale}/hostile-html/`);
      });
    }
  });
}

test('ar: the sanitised content keeps no active or remote markup', async ({ page }) => {
  await page.goto(`${fixture}/ar/hostile-html/`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const content = page.locator('main .prose');
  // Elements that run, embed, load or take input.
  await expect(content.locator('script, style, iframe, object, embed, svg, math, form, input, button, textarea, meta, base, link, video, audio, template, noscript')).toHaveCount(0);
  const report = await content.evaluate((root) => {
    const problems: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      for (const { name, value } of el.attributes) {
        if (/^on/i.test(name) || name === 'style' || name === 'srcdoc' || name === 'formaction' || name === 'srcset' || name.includes(':')) problems.push(`${el.tagName} ${name}`);
        if ((name === 'href' || name === 'src') && !/^(https?:|mailto:|tel:|\/(?!\/)|#|[\w.-]+$)/i.test(value)) problems.push(`${el.tagName} ${name}=${value}`);
      }
      if (el.tagName === 'IMG' && new URL((el as HTMLImageElement).src).host !== location.host) problems.push(`remote image ${(el as HTMLImageElement).src}`);
      if (el.className) problems.push(`class ${el.className}`);
    }
    return problems;
  });
  expect(report).toEqual([]);
  // The site's own controls cannot be imitated or clobbered.
  await expect(page.locator('.quick-exit__button')).toHaveCount(1);
  await expect(page.locator('#main')).toHaveCount(1);
  await expect(page.locator('main .prose [id="__pwned"]')).toHaveCount(0);
  // Removed remote images leave their alt text; links to other hosts stay links.
  await expect(content).toContainText('13. Remote image');
  await expect(content.getByRole('link', { name: '22. External link, target blank' })).toHaveAttribute('href', 'https://other.example/');
  await expect(content.getByRole('link', { name: '22. External link, target blank' })).not.toHaveAttribute('target', /.*/);
});

for (const locale of ['tr', 'ar']) {
  test(`${locale}: plain formatting still renders (emphasis, lists, table, links, local image with alt)`, async ({ page }) => {
    const seen = watch(page);
    await page.goto(`${fixture}/${locale}/plain-formatting/`);
    const content = page.locator('main .prose');
    await expect(content.locator('h2')).toHaveText('Bir ara başlık');
    await expect(content.locator('em')).toHaveText('vurgulu');
    await expect(content.locator('strong')).toHaveText('kalın');
    await expect(content.locator('code')).toHaveText('kod');
    await expect(content.locator('ul > li')).toHaveText(['Birinci madde', 'İkinci madde']);
    await expect(content.locator('ol > li')).toHaveText(['Birinci adım', 'İkinci adım']);
    await expect(content.locator('table th')).toHaveText(['Hat', 'Numara']);
    await expect(content.locator('table tbody tr')).toHaveCount(2);
    // GFM column alignment survives as the align attribute (style attributes are removed).
    await expect(content.locator('table td').nth(1)).toHaveAttribute('align', 'right');
    await expect(content.getByRole('link', { name: 'hakkımızda sayfası' })).toHaveAttribute('href', '/tr/about/');
    await expect(content.getByRole('link', { name: 'dış bir site' })).toHaveAttribute('href', 'https://example.com/');
    await expect(content.locator('blockquote')).toHaveText('Bir alıntı.');
    const image = content.getByRole('img', { name: 'Sitenin simgesi' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(content.locator('p[lang="ar"][dir="rtl"]')).toHaveText('نص عربي داخل صفحة تركية');
    await expect(content.locator('abbr')).toHaveAttribute('title', 'Yabancılar İletişim Merkezi');
    await expect(content.locator('mark')).toHaveText('işaretli');
    expect(seen.offHost).toEqual([]);
  });
}

/**
 * Issue 13: a body heading cannot take the page's ids. The fixture campaign
 * (tests/fixtures/site/content/campaigns/tr/fixture-heading-ids.md) has
 * "## help-now-title" and "## main", raw HTML ids "signs" and "share-title",
 * and in-page links to #main and #help-now-title. Before the fix the first
 * heading took id="help-now-title", so the help box's accessible name became
 * that heading's text, and #main pointed into the body.
 */
for (const locale of ['tr', 'ar']) {
  test(`${locale}: body headings cannot take the page's ids; in-page links in the body follow the prefix`, async ({ page }) => {
    const strings = JSON.parse(readFileSync(new URL(`../../content/i18n/${locale}.json`, import.meta.url), 'utf8'));
    await page.goto(`${fixture}/${locale}/campaigns/fixture-heading-ids/`);
    // The help box is still named by its own heading.
    for (const id of ['help-now-title', 'main', 'signs', 'share-title']) await expect(page.locator(`[id="${id}"]`), id).toHaveCount(1);
    await expect(page.locator('#help-now-title')).toHaveText(strings.campaigns.whoToCall);
    await expect(page.getByRole('region', { name: strings.campaigns.whoToCall, exact: true })).toHaveClass(/help-now/);
    await expect(page.locator('#main')).toHaveJSProperty('tagName', 'MAIN');
    // The body's own ids carry the prefix, and its links follow them.
    const content = page.locator('main .prose');
    await expect(content.locator('h2#user-content-help-now-title')).toHaveText('help-now-title');
    await expect(content.locator('h2#user-content-main')).toHaveText('main');
    const ids = await content.locator('[id]').evaluateAll((els) => els.map((el) => el.id));
    expect(ids.filter((id) => !id.startsWith('user-content-'))).toEqual([]);
    const toMain = content.getByRole('link', { name: 'Aşağıdaki bölüme git' });
    await expect(toMain).toHaveAttribute('href', '#user-content-main');
    await toMain.click();
    await expect(page).toHaveURL(/#user-content-main$/);
    await expect(content.locator('h2#user-content-main')).toBeInViewport();
  });
}
