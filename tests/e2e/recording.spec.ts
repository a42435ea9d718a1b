/**
 * A speaker's recording of a page (issue 16 part 3; src/components/Listen/Recording.astro)
 * in Chromium, on the fixture site's page that has one in Turkish (MP3), Pashto (RTL, Opus
 * as .opus) and Kurmanji (Opus as .ogg): the player is in the HTML with preload="none",
 * its caption, type and size in the reader's language; not a byte of the recording is
 * requested before the reader presses play, and then only from this site, which the CSP
 * allows; it plays. The Listen button still depends on a local voice alone: shown in
 * Turkish with one, absent in Pashto and Kurmanji without one, the recording there either
 * way. axe finds no WCAG 2.2 AA violation in it. Without JavaScript the player is the same; a page without a recording has none;
 * the quick exit silences it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { fixture, fixtureSlugs } from './site-map.ts';
import { entryPath, localePath } from '../../src/routes.ts';
import { getLocale, type LocaleCode } from '../../src/i18n/locales.ts';
import { formatBytes } from '../../src/lib/format.ts';
import { routeDestination } from './quick-exit/helpers.ts';

const uploads = new URL('../fixtures/site/public/uploads/', import.meta.url);
const strings = (code: string) => JSON.parse(readFileSync(new URL(`../../content/i18n/${code}.json`, import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
const pageUrl = (code: LocaleCode) => `${fixture}${localePath(code, entryPath('pages', fixtureSlugs.recording))}`;

interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
}

/**
 * The device's voices, before any page script runs (headless Chromium has none): enough of
 * speechSynthesis for src/components/Listen/listen.ts to decide whether to show its button.
 * Also records CSP violations, so a blocked recording cannot pass unnoticed.
 */
async function device(page: Page, voices: FakeVoice[]) {
  await page.addInitScript((list: FakeVoice[]) => {
    const speech = Object.assign(new EventTarget(), {
      getVoices: () => list.map((v) => ({ ...v, voiceURI: v.name, default: false })),
      speak() {},
      cancel() {},
      pause() {},
      resume() {},
      speaking: false,
    });
    Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
    const violations: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  }, voices);
}

const locales = [
  // A local Turkish voice: the Listen button shows, and the recording is there too.
  {
    code: 'tr',
    file: 'fixture-recording-tr.mp3',
    format: 'MP3',
    type: 'audio/mpeg',
    dir: 'ltr',
    voices: [{ name: 'Yerel Türkçe', lang: 'tr-TR', localService: true }],
    listen: true,
  },
  // Pashto and Kurmanji: a network voice of the language and a local one of another: no Listen button, the recording alone.
  {
    code: 'ps',
    file: 'fixture-recording-ps.opus',
    format: 'Opus',
    type: 'audio/ogg; codecs=opus',
    dir: 'rtl',
    voices: [
      { name: 'Cloud Pashto', lang: 'ps-AF', localService: false },
      { name: 'Yerel Türkçe', lang: 'tr-TR', localService: true },
    ],
    listen: false,
  },
  {
    code: 'ku',
    file: 'fixture-recording-ku.ogg',
    format: 'Opus',
    type: 'audio/ogg; codecs=opus',
    dir: 'ltr',
    voices: [
      { name: 'Cloud Kurmanji', lang: 'kmr-Latn', localService: false },
      { name: 'Yerel Türkçe', lang: 'tr-TR', localService: true },
    ],
    listen: false,
  },
] as const;

for (const { code, file, format, type, dir, voices, listen } of locales) {
  test(`${code}: the recording is in the page with preload="none", its type and size in ${code}; nothing is fetched before play, then only from this site, and it plays; Listen button ${listen ? 'shown (local voice)' : 'absent (no local voice)'}`, async ({
    page,
  }) => {
    const t = strings(code);
    const bytes = statSync(new URL(file, uploads)).size;
    await device(page, [...voices]);
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const forRecording = () => requests.filter((r) => new URL(r.url()).pathname === `/uploads/${file}`);

    await page.goto(pageUrl(code));
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    // listen.ts has run (it adds its box, shown or hidden) and the page is idle: still no request for the recording.
    await expect(page.locator('[data-listen]')).toBeAttached();
    await page.waitForLoadState('networkidle');
    expect(forRecording(), 'nothing of the recording before the reader presses play').toEqual([]);

    const figure = page.locator('main figure[data-recording]');
    await expect(figure).toBeVisible();
    const audio = figure.locator('audio');
    await expect(audio).toHaveAttribute('preload', 'none');
    await expect(audio).toHaveAttribute('controls', '');
    await expect(audio.locator('source')).toHaveAttribute('src', `/uploads/${file}`);
    await expect(audio.locator('source')).toHaveAttribute('type', type);
    // The caption labels the player, in the reader's language: title, then (type, size, language) with the locale's comma.
    const size = formatBytes(bytes, code);
    const details = t.recording!.file!.replace('{{format}}', format).replace('{{size}}', size).replace('{{language}}', getLocale(code).nativeName);
    await expect(figure.locator('figcaption')).toHaveText(`${t.recording!.title} ${details}`, { useInnerText: true });
    await expect(audio).toHaveAccessibleName(`${t.recording!.title} ${details}`);
    // The size and the type are isolated, so they keep their order in right-to-left text.
    await expect(figure.locator(`bdi[data-file-size="${bytes}"]`)).toHaveText(size);
    await expect(figure.locator('bdi', { hasText: format })).toHaveCount(1);
    expect(await figure.evaluate((el) => getComputedStyle(el).direction)).toBe(dir);
    // The player fits the screen (browsers give <audio controls> 300 px; a Pixel 7 is 412 px, the site's floor 320 px).
    expect(await audio.evaluate((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth && el.getBoundingClientRect().left >= 0)).toBe(true);

    // The source resolves to this site: the player would ask no other host.
    expect(new URL(await audio.evaluate((el: HTMLAudioElement) => el.currentSrc)).origin).toBe(fixture);

    // The Listen button follows the voices alone.
    const play = page.getByRole('button', { name: t.listen!.play, exact: true });
    if (listen) await expect(play).toBeVisible();
    else {
      await expect(page.locator('[data-listen]')).toBeHidden();
      await expect(play).toHaveCount(0);
    }

    // WCAG 2.2 AA (axe): the player and its caption.
    const { violations } = await new AxeBuilder({ page }).include('main figure[data-recording]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // The reader presses play (a real key press: the site's Permissions-Policy forbids autoplay).
    const fetched = page.waitForRequest((r) => new URL(r.url()).pathname === `/uploads/${file}`);
    await audio.focus();
    await page.keyboard.press('Space');
    const request = await fetched;
    expect(new URL(request.url()).origin).toBe(fixture);
    expect([200, 206]).toContain((await request.response())?.status());
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.played.length > 0 && el.error === null)).toBe(true);
    expect(await audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeGreaterThan(1);
    expect(
      requests.filter((r) => new URL(r.url()).origin !== fixture),
      'no request to another host',
    ).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
}

test('without JavaScript the player is the same, in the HTML', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pageUrl('ps'));
  const audio = page.locator('main figure[data-recording] audio');
  await expect(audio).toBeVisible();
  await expect(audio).toHaveAttribute('preload', 'none');
  await expect(audio.locator('source')).toHaveAttribute('src', '/uploads/fixture-recording-ps.opus');
  await expect(page.locator('main figcaption')).toContainText(strings('ps').recording!.title!);
  await context.close();
});

test('a page without a recording has no player and links no recording stylesheet', async ({ page }) => {
  await page.goto(`${fixture}${localePath('ps', entryPath('campaigns', fixtureSlugs.campaign))}`);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('audio, [data-recording]')).toHaveCount(0);
  await expect(page.locator('link[href*="recording"]')).toHaveCount(0);
});

test('the quick exit silences a recording that is playing before it leaves', async ({ page }) => {
  await device(page, []);
  const destination = await routeDestination(page, { hold: true });
  await page.goto(pageUrl('tr'));
  await expect(page.locator('[data-listen]')).toBeAttached();
  const audio = page.locator('main figure[data-recording] audio');
  // Looping, so it is still playing when the exit is pressed (the fixture is 1.5 s long).
  await audio.evaluate((el: HTMLAudioElement) => (el.loop = true));
  await audio.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => !el.paused && el.currentTime > 0)).toBe(true);
  // While the destination is held back, the page reports its own state as the exit starts
  // (Playwright's evaluate would wait for the pending navigation).
  const report = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('recording-exit:') });
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      if (!document.body.classList.contains('quick-exit-active')) return;
      observer.disconnect();
      console.log(`recording-exit:${JSON.stringify({ paused: document.querySelector<HTMLAudioElement>('[data-recording] audio')!.paused })}`);
    }).observe(document.body, { attributes: true });
  });
  // A mouse click, not locator.click(): that would wait for the held navigation to commit.
  const box = (await page.locator('.quick-exit__button').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  expect(JSON.parse((await report).text().slice('recording-exit:'.length))).toEqual({ paused: true });
  await destination.firstRequest;
  destination.release();
});
