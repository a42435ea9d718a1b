/**
 * "Listen to this page" (issue 16 part 3; src/components/Listen/) in Chromium with a
 * fake voice list, in tr and ar (RTL), on the fixture site's campaign: the button
 * appears only for a local voice of the text's language (a network voice is never
 * used), reading goes through the main text in order with the sentence highlighted,
 * Pause and Stop work, and the quick exit silences it at once.
 *
 * Chromium's real speechSynthesis depends on the machine (headless has no voices),
 * so each test replaces it before the page's scripts run with a fake that records
 * what it was asked to say, and finishes an utterance only when the test says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, fixtureSlugs } from './site-map.ts';
import { entryPath, localePath } from '../../src/routes.ts';
import { routeDestination, DESTINATION } from './quick-exit/helpers.ts';
import { locales } from '../../src/i18n/locales.ts';

const strings = (code: string) =>
  JSON.parse(readFileSync(new URL(`../../content/i18n/${code}.json`, import.meta.url), 'utf8')).listen as Record<'play' | 'pause' | 'resume' | 'stop' | 'note', string>;

interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
}
interface SpeechLog {
  spoken: { text: string; voice: string | undefined; lang: string }[];
  cancels: number;
  pauses: number;
  resumes: number;
  speaking: boolean;
}

/** Replaces speechSynthesis and SpeechSynthesisUtterance before any page script runs. */
async function fakeSpeech(page: Page, voices: FakeVoice[]) {
  await page.addInitScript((initial: FakeVoice[]) => {
    type Handler = ((event: Event & { error?: string }) => void) | null;
    class FakeUtterance extends EventTarget {
      voice: unknown = null;
      lang = '';
      onend: Handler = null;
      onerror: Handler = null;
      constructor(public text: string) {
        super();
      }
    }
    class FakeSpeech extends EventTarget {
      voices = initial.map((v) => ({ ...v, voiceURI: v.name, default: false }));
      spoken: { text: string; voice: string | undefined; lang: string }[] = [];
      current: FakeUtterance | null = null;
      cancels = 0;
      pauses = 0;
      resumes = 0;
      /** `voiceschanged` listeners added: the module adds its own right after its first voice check. */
      voiceListeners = 0;
      override addEventListener(...args: Parameters<EventTarget['addEventListener']>) {
        if (args[0] === 'voiceschanged') this.voiceListeners++;
        super.addEventListener(...args);
      }
      get speaking() {
        return this.current !== null;
      }
      getVoices() {
        return this.voices;
      }
      speak(u: FakeUtterance) {
        this.spoken.push({ text: u.text, voice: (u.voice as { name?: string } | null)?.name, lang: u.lang });
        this.current = u;
      }
      cancel() {
        this.cancels++;
        const u = this.current;
        this.current = null;
        u?.onerror?.(Object.assign(new Event('error'), { error: 'canceled' }));
      }
      pause() {
        this.pauses++;
      }
      resume() {
        this.resumes++;
      }
      /** The test's hand: the current utterance ends. */
      finish() {
        const u = this.current;
        this.current = null;
        u?.onend?.(new Event('end'));
      }
      /** Voices arriving late, as Chrome's do. */
      setVoices(next: typeof initial) {
        this.voices = next.map((v) => ({ ...v, voiceURI: v.name, default: false }));
        this.dispatchEvent(new Event('voiceschanged'));
      }
    }
    Object.defineProperty(window, 'speechSynthesis', { value: new FakeSpeech(), configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  }, voices);
}

const log = (page: Page) =>
  page.evaluate(() => {
    const s = speechSynthesis as unknown as SpeechLog;
    return { spoken: s.spoken, cancels: s.cancels, pauses: s.pauses, resumes: s.resumes, speaking: s.speaking };
  });
/** Waits until the module has checked the voices (it does so when the main thread is idle, after load). */
const voicesChecked = (page: Page) => expect.poll(() => page.evaluate(() => (speechSynthesis as unknown as { voiceListeners: number }).voiceListeners)).toBeGreaterThan(0);
const finishUtterance = (page: Page) => page.evaluate(() => (speechSynthesis as unknown as { finish(): void }).finish());
const highlighted = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('listen-sentence') ?? [])].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim()));
/** The main text, whitespace collapsed, to check the order of what was read. */
const mainText = (page: Page) => page.evaluate(() => document.querySelector('main')!.textContent!.replace(/\s+/g, ' '));

const pages = [
  { code: 'tr', voice: { name: 'Yerel Türkçe', lang: 'tr-TR', localService: true } },
  { code: 'ar', voice: { name: 'محلي عربي', lang: 'ar_SA', localService: true } },
] as const;

for (const { code, voice } of pages) {
  const url = `${fixture}${localePath(code, entryPath('campaigns', fixtureSlugs.campaign))}`;
  test.describe(code, () => {
    test('a local voice: the button shows, reads the main text in order with the sentence highlighted, pauses and stops', async ({ page }) => {
      const t = strings(code);
      // A network voice of the same language comes first in the list: it must never be used.
      await fakeSpeech(page, [{ name: 'Cloud voice', lang: voice.lang, localService: false }, voice]);
      await page.goto(url);
      const play = page.getByRole('button', { name: t.play, exact: true });
      await expect(play).toBeVisible();
      await expect(page.getByText(t.note)).toBeVisible();
      await play.click();

      // The first sentence starts the first text of <main> (the topic or the title; the call strip,
      // marked data-pagefind-ignore, is skipped), spoken by the local voice, never the network one, and highlighted.
      await expect.poll(async () => (await log(page)).spoken.length).toBe(1);
      const firstBlock = await page.evaluate(() => {
        const block = [...document.querySelectorAll('main :is(h1, h2, p, li)')].find(
          (el) => !el.closest('[data-listen], [data-pagefind-ignore], [hidden]') && el.getClientRects().length > 0,
        );
        return block!.textContent!.replace(/\s+/g, ' ').trim();
      });
      let spoken = (await log(page)).spoken;
      expect(spoken[0]!.voice).toBe(voice.name);
      expect(spoken[0]!.lang).toBe(voice.lang);
      expect(firstBlock.startsWith(spoken[0]!.text), `"${firstBlock}" starts with "${spoken[0]!.text}"`).toBe(true);
      expect(await highlighted(page)).toEqual([spoken[0]!.text]);

      // Each finished sentence moves to the next, later in the page; the highlight follows.
      for (let i = 0; i < 6; i++) await finishUtterance(page);
      spoken = (await log(page)).spoken;
      expect(spoken).toHaveLength(7);
      const text = await mainText(page);
      let from = 0;
      for (const s of spoken) {
        const at = text.indexOf(s.text, from);
        expect(at, `"${s.text}" read in page order`).toBeGreaterThanOrEqual(from);
        from = at + s.text.length;
        expect(s.voice).toBe(voice.name);
      }
      expect(await highlighted(page)).toEqual([spoken.at(-1)!.text]);
      // The title is among them; the controls themselves are not read.
      const h1 = (await page.locator('main h1').textContent())!.replace(/\s+/g, ' ').trim();
      expect(spoken.map((s) => s.text)).toContain(h1);
      expect(spoken.map((s) => s.text)).not.toContain(t.note);

      // Pause, then continue.
      await page.getByRole('button', { name: t.pause, exact: true }).click();
      expect((await log(page)).pauses).toBe(1);
      await page.getByRole('button', { name: t.resume, exact: true }).click();
      expect((await log(page)).resumes).toBe(1);
      await expect(page.getByRole('button', { name: t.pause, exact: true })).toBeVisible();

      // Stop: silent, no highlight, back to the Listen button.
      await page.getByRole('button', { name: t.stop, exact: true }).click();
      const after = await log(page);
      expect(after.speaking).toBe(false);
      expect(after.cancels).toBeGreaterThan(0);
      expect(await highlighted(page)).toEqual([]);
      await expect(play).toBeVisible();
      await expect(page.getByRole('button', { name: t.stop, exact: true })).toHaveCount(0);
      // Nothing more is said once stopped.
      await finishUtterance(page);
      expect((await log(page)).spoken).toHaveLength(7);
    });

    test('only network voices, or local voices of other languages: no button, nothing spoken', async ({ page }) => {
      await fakeSpeech(page, [
        { name: 'Cloud voice', lang: voice.lang, localService: false },
        { name: 'Local Russian', lang: 'ru-RU', localService: true },
      ]);
      await page.goto(url);
      // The module has run (it adds the hidden box), checked the voices, and decided: no button.
      await expect(page.locator('[data-listen]')).toBeAttached();
      await voicesChecked(page);
      await expect(page.locator('[data-listen]')).toBeHidden();
      await expect(page.getByRole('button', { name: strings(code).play, exact: true })).toHaveCount(0);
      expect((await log(page)).spoken).toEqual([]);
    });

    test('voices that arrive after the page loaded (as in Chrome) bring the button', async ({ page }) => {
      await fakeSpeech(page, []);
      await page.goto(url);
      await expect(page.locator('[data-listen]')).toBeAttached();
      await voicesChecked(page);
      await expect(page.locator('[data-listen]')).toBeHidden();
      await page.evaluate((v) => (speechSynthesis as unknown as { setVoices(list: unknown[]): void }).setVoices([v]), voice);
      await expect(page.getByRole('button', { name: strings(code).play, exact: true })).toBeVisible();
    });

    test('the quick exit silences the reading before it leaves', async ({ page }) => {
      await fakeSpeech(page, [voice]);
      const destination = await routeDestination(page, { hold: true });
      await page.goto(url);
      await page.getByRole('button', { name: strings(code).play, exact: true }).click();
      await expect.poll(async () => (await log(page)).speaking).toBe(true);
      // While the destination is held back, the page reports its own state as the exit starts
      // (Playwright's evaluate would wait for the pending navigation).
      const report = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('listen-exit:') });
      await page.evaluate(() => {
        new MutationObserver((_, observer) => {
          if (!document.body.classList.contains('quick-exit-active')) return;
          observer.disconnect();
          const s = speechSynthesis as unknown as SpeechLog;
          console.log(`listen-exit:${JSON.stringify({ speaking: s.speaking, cancels: s.cancels, highlights: CSS.highlights.size })}`);
        }).observe(document.body, { attributes: true });
      });
      // A mouse click, not locator.click(): that would wait for the held navigation to commit.
      const box = (await page.locator('.quick-exit__button').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const state = JSON.parse((await report).text().slice('listen-exit:'.length)) as { speaking: boolean; cancels: number; highlights: number };
      expect(state).toEqual({ speaking: false, cancels: expect.any(Number), highlights: 0 });
      expect(state.cancels).toBeGreaterThan(1);
      await destination.firstRequest;
      destination.release();
      await page.waitForURL(DESTINATION);
    });
  });
}

/**
 * Every locale, cheaply (one page load each; tr and ar are tested in depth above): on the fixture
 * campaign, written in all 7 languages, the local voices of the six other languages bring no button
 * (a Persian voice never reads Pashto; as on most phones, which have no Pashto or Kurmanji voice);
 * a local voice of the page's own language brings it, labelled in that language.
 */
for (const { code, tag } of locales) {
  test(`${code}: the Listen button shows, in the page's language, only once a local voice of that language is there`, async ({ page }) => {
    // Kurmanji pages are tagged kmr-Latn; phones name a Kurdish voice "ku".
    const voiceLang = (l: { code: string; tag: string }) => (l.code === 'ku' ? 'ku' : l.tag);
    const others = locales.filter((l) => l.code !== code).map((l) => ({ name: `Local ${l.code}`, lang: voiceLang(l), localService: true }));
    await fakeSpeech(page, [...others, { name: 'Cloud voice', lang: voiceLang({ code, tag }), localService: false }]);
    await page.goto(`${fixture}${localePath(code, entryPath('campaigns', fixtureSlugs.campaign))}`);
    expect(await page.evaluate(() => document.querySelector('main')!.lang || document.documentElement.lang)).toBe(tag);
    const play = page.getByRole('button', { name: strings(code).play, exact: true });
    await expect(page.locator('[data-listen]')).toBeAttached();
    await expect(page.locator('[data-listen]')).toBeHidden();
    await expect(play).toHaveCount(0);

    const own = { name: `Local ${code}`, lang: voiceLang({ code, tag }), localService: true };
    await page.evaluate((list) => (speechSynthesis as unknown as { setVoices(list: unknown[]): void }).setVoices(list), [...others, own]);
    await expect(play).toBeVisible();
    await play.click();
    await expect.poll(async () => (await log(page)).spoken.map((s) => s.voice)).toEqual([own.name]);
  });
}

test('with JavaScript off there is no Listen button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${fixture}${localePath('tr', entryPath('campaigns', fixtureSlugs.campaign))}`);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('[data-listen]')).toHaveCount(0);
  await context.close();
});
