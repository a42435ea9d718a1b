/**
 * "Listen to this page" (issue 16, part 3), loaded after the page's `load`
 * event by ./Listen.astro, so it is in no page's first load. ./README.md
 * explains the choices.
 *
 * Adds a Listen button under the page's title only when the device has a
 * local voice for the text's language (./voices.ts), and looks again when the
 * voice list changes (Chrome fills it after the page loads). Pressing it reads
 * the main text in document order, one sentence at a time, highlighting the
 * sentence being read, with Pause/Continue and Stop. The quick exit and
 * leaving the page stop it at once.
 */
import { getLocale, locales, type LocaleCode } from '../../i18n/locales.ts';
import { localVoiceFor } from './voices.ts';
import cssUrl from './listen.css?url';
// Named imports: only the `listen` strings of each file are bundled, not the whole file.
import { listen as ar } from '../../../content/i18n/ar.json';
import { listen as en } from '../../../content/i18n/en.json';
import { listen as fa } from '../../../content/i18n/fa.json';
import { listen as ku } from '../../../content/i18n/ku.json';
import { listen as ps } from '../../../content/i18n/ps.json';
import { listen as ru } from '../../../content/i18n/ru.json';
import { listen as tr } from '../../../content/i18n/tr.json';

/** The page and the script disagree; named, so it survives minification. */
class ListenError extends Error {
  override name = 'ListenError';
}

type Strings = typeof en;
const strings: Record<LocaleCode, Strings> = { ar, en, fa, ku, ps, ru, tr };

/** Elements whose own text is read, each as a run of sentences. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, legend, figcaption, blockquote, summary';
/** Never read: the controls themselves, sources, sharing, answer buttons, anything hidden. */
const SKIP = '[data-listen], [data-share], [data-pagefind-ignore], [hidden], [aria-hidden="true"], script, style, noscript, template';
const HIGHLIGHT = 'listen-sentence';

interface Sentence {
  text: string;
  range: Range;
  block: Element;
}

const main = document.querySelector('main');
if (main && 'speechSynthesis' in window) setUp(main);
silenceRecordingsOnExit();

function setUp(main: HTMLElement) {
  // Labels in the page's language; the voice speaks the text's (a fallback page marks <main> with it).
  const pageTag = document.documentElement.lang;
  const pageLocale = locales.find((l) => l.tag === pageTag);
  if (!pageLocale) throw new ListenError(`no locale with the tag "${pageTag}"`);
  const t = strings[pageLocale.code];
  const textLang = main.lang || pageTag;

  const box = document.createElement('div');
  box.className = 'listen no-print';
  box.dataset.listen = '';
  box.hidden = true;
  const play = button('data-listen-play', t.play);
  box.append(play);
  const note = document.createElement('p');
  note.className = 'listen__note';
  note.textContent = t.note;
  box.append(note);
  const h1 = main.querySelector('h1');
  if (h1) h1.after(box);
  else main.prepend(box);

  let reading: Reader | undefined;
  const show = () => {
    if (box.hidden && localVoiceFor(textLang)) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = cssUrl;
      document.head.append(link);
      box.hidden = false;
    }
  };
  // The first read of `window.speechSynthesis` took 6–19 ms here (Chromium sets up its speech
  // service then), on top of this module's own evaluation: it runs apart, when the main thread is
  // idle, so that neither task is a long one on a cheap phone (docs/build-speed.md, point 6).
  // Safari has no requestIdleCallback: a timer there.
  const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
  whenIdle(() => {
    show();
    speechSynthesis.addEventListener('voiceschanged', show);
  });
  play.addEventListener('click', () => {
    // Looked up at each press: the voice list may have changed since the button appeared.
    const voice = localVoiceFor(textLang);
    if (!voice) return;
    reading?.stop();
    reading = new Reader(main, play, t, textLang, voice);
  });
  // The quick exit (../QuickExit/quick-exit.ts) marks <body> as it starts leaving; the observer's
  // callback runs right after that click or key handler, before the destination loads.
  new MutationObserver(() => {
    if (document.body.classList.contains('quick-exit-active')) reading?.stop();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  addEventListener('pagehide', () => reading?.stop());
}

/**
 * A speaker's recording (./Recording.astro) falls silent with the quick exit, as the reading
 * does: the destination may take seconds to load, and the page's voice must not go on
 * meanwhile. Here rather than in the quick exit's own script, which is on every page's first load.
 */
function silenceRecordingsOnExit() {
  const recordings = [...document.querySelectorAll<HTMLAudioElement>('[data-recording] audio')];
  if (!recordings.length) return;
  new MutationObserver(() => {
    if (document.body.classList.contains('quick-exit-active')) for (const audio of recordings) audio.pause();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/**
 * One reading of `main` with `voice` (a local one: the caller checked `localService`),
 * with Pause/Continue and Stop buttons beside `play` while it lasts.
 */
class Reader {
  #stopped = false;
  #paused = false;
  #index = 0;
  #sentences: Sentence[];
  #pause: HTMLButtonElement;
  #stop: HTMLButtonElement;

  constructor(
    main: HTMLElement,
    private play: HTMLButtonElement,
    private t: Strings,
    lang: string,
    private voice: SpeechSynthesisVoice,
  ) {
    this.#sentences = sentencesIn(main, lang);
    this.#pause = button('data-listen-pause', t.pause, play);
    this.#stop = button('data-listen-stop', t.stop, this.#pause);
    this.#pause.addEventListener('click', () => this.#togglePause());
    this.#stop.addEventListener('click', () => this.stop(true));
    play.hidden = true;
    this.#pause.focus();
    speechSynthesis.cancel();
    this.#next();
  }

  #next() {
    if (this.#stopped) return;
    const sentence = this.#sentences[this.#index++];
    if (!sentence) return this.stop(true);
    highlight(sentence);
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    // Always this voice: left unset, the browser may pick a network voice and send the text away.
    utterance.voice = this.voice;
    utterance.lang = this.voice.lang;
    utterance.onend = () => this.#next();
    // cancel() ends the current utterance with "interrupted" or "canceled": that is Stop, not a failure.
    utterance.onerror = (event) => {
      if (event.error !== 'interrupted' && event.error !== 'canceled') this.stop(true);
    };
    speechSynthesis.speak(utterance);
  }

  #togglePause() {
    this.#paused = !this.#paused;
    if (this.#paused) speechSynthesis.pause();
    else speechSynthesis.resume();
    this.#pause.textContent = this.#paused ? this.t.resume : this.t.pause;
  }

  /** Silent at once, no highlight, the Listen button back; `focus` returns focus to it. */
  stop(focus = false) {
    if (this.#stopped) return;
    this.#stopped = true;
    speechSynthesis.cancel();
    clearHighlight();
    this.#pause.remove();
    this.#stop.remove();
    this.play.hidden = false;
    if (focus) this.play.focus();
  }
}

/** A button with a data- hook, placed after `after` when given. */
function button(hook: string, label: string, after?: HTMLElement): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'button';
  element.setAttribute(hook, '');
  element.textContent = label;
  after?.after(element);
  return element;
}

/**
 * Every sentence of the main text, in document order. A block's own text
 * nodes (not those of blocks inside it) are joined and split into sentences
 * with Intl.Segmenter for the text's language; each sentence keeps a Range over
 * the text nodes it came from, for the highlight.
 */
function sentencesIn(main: Element, lang: string): Sentence[] {
  const segmenter = new Intl.Segmenter(getSegmenterLang(lang), { granularity: 'sentence' });
  const out: Sentence[] = [];
  for (const block of main.querySelectorAll(BLOCKS)) {
    if (block.closest(SKIP) || block.getClientRects().length === 0) continue;
    const nodes: { node: Text; start: number }[] = [];
    let text = '';
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        const parent = node.parentElement!;
        return parent.closest(BLOCKS) === block && !parent.closest(SKIP) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      nodes.push({ node, start: text.length });
      text += node.data;
    }
    for (const { segment, index } of segmenter.segment(text)) {
      const spoken = segment.replace(/\s+/g, ' ').trim();
      if (!/[\p{L}\p{N}]/u.test(spoken)) continue;
      const lead = segment.length - segment.trimStart().length;
      const end = index + segment.trimEnd().length;
      const range = document.createRange();
      range.setStart(...at(nodes, index + lead));
      range.setEnd(...at(nodes, end));
      out.push({ text: spoken, range, block });
    }
  }
  return out;
}

/** Intl knows Kurmanji as "ku"; other tags pass through. */
function getSegmenterLang(lang: string): string {
  return lang === getLocale('ku').tag ? 'ku' : lang;
}

/** The text node and offset of a character offset in the block's joined text. */
function at(nodes: { node: Text; start: number }[], offset: number): [Text, number] {
  let found = nodes[0]!;
  for (const entry of nodes) if (entry.start <= offset) found = entry;
  return [found.node, Math.min(offset - found.start, found.node.length)];
}

/**
 * The CSS Custom Highlight API marks the sentence without changing the page's
 * DOM (Chromium, Safari 17.2+, Firefox 140+); elsewhere the whole block is marked.
 */
function highlight(sentence: Sentence) {
  clearHighlight();
  if ('highlights' in CSS) CSS.highlights.set(HIGHLIGHT, new Highlight(sentence.range));
  else sentence.block.classList.add('listen-reading');
  sentence.block.scrollIntoView({ block: 'nearest' });
}

function clearHighlight() {
  if ('highlights' in CSS) CSS.highlights.delete(HIGHLIGHT);
  document.querySelectorAll('.listen-reading').forEach((el) => el.classList.remove('listen-reading'));
}
