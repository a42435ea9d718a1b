/**
 * "Check an offer": the plain-words result (./README.md). Reads the answers
 * from the form on every change and shows which warning signs they contain and
 * what the reader does not know yet. Everything it needs is in the page (data-
 * attributes and hidden list items written by ./OfferCheck.astro); it finds
 * elements by their data- hooks only, and a missing one is an OfferCheckError
 * naming it.
 *
 * Nothing is kept: no storage, no cookie, no URL change, no request. The form
 * is reset when the page is left (`pagehide`), so a copy the browser keeps in
 * its back/forward cache comes back without answers, and at once when the quick
 * exit starts (it marks <body> with `quick-exit-active` before it leaves,
 * ../QuickExit/quick-exit.ts). Watching for that class here, rather than adding
 * a line to the quick exit, keeps this page's code off every other page's first load.
 */
interface Strings {
  signs: Record<string, string>;
  noSignsYet: string;
  answered: string;
}

/** The markup and the script disagree (see OfferCheck.astro); the message names the hook. */
class OfferCheckError extends Error {
  override name = 'OfferCheckError';
}

function offerHook<T extends HTMLElement>(root: ParentNode, name: string): T {
  const el = root.querySelector<T>(`[${name}]`);
  if (!el) throw new OfferCheckError(`missing [${name}]`);
  return el;
}

const form = document.querySelector<HTMLFormElement>('[data-offer-check]');
if (form) setUpOfferCheck(form);

function setUpOfferCheck(form: HTMLFormElement) {
  const part = offerHook(document, 'data-offer-summary-part');
  const progress = offerHook(part, 'data-offer-progress');
  const summary = offerHook(part, 'data-offer-summary');
  const unsure = offerHook(part, 'data-offer-unsure');
  const unsureList = offerHook(unsure, 'data-offer-unsure-list');
  const strings = JSON.parse(part.dataset.strings ?? '{}') as Strings;
  const noSigns = part.dataset.noSigns ?? '';
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const questions = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-sign-if]')];

  function render() {
    let answered = 0;
    let signs = 0;
    const notKnown: string[] = [];
    for (const question of questions) {
      const answer = question.querySelector<HTMLInputElement>('input:checked')?.value;
      const present = answer !== undefined && answer === question.dataset.signIf;
      if (answer) answered++;
      if (present) signs++;
      if (answer === 'unsure') notKnown.push((question.querySelector('legend')?.textContent ?? '').trim());
      offerHook(part, `data-sign="${question.dataset.question}"`).hidden = !present;
    }
    unsureList.replaceChildren(...notKnown.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    unsure.hidden = notKnown.length === 0;
    summary.textContent =
      signs > 0
        ? (strings.signs[plural.select(signs)] ?? strings.signs.other ?? '').replace('{{count}}', String(signs))
        : answered === questions.length
          ? noSigns
          : strings.noSignsYet;
    progress.textContent = strings.answered.replace('{{answered}}', String(answered)).replace('{{total}}', String(questions.length));
  }

  function clear() {
    form.reset();
    render();
  }

  form.addEventListener('change', render);
  // The reset event comes before the form is reset: read the answers after it.
  form.addEventListener('reset', () => setTimeout(render));
  // Nothing may carry the answers anywhere, not even to this site.
  form.addEventListener('submit', (event) => event.preventDefault());
  // Leaving the page: a copy kept in the back/forward cache comes back empty.
  window.addEventListener('pagehide', clear);
  window.addEventListener('pageshow', render);
  new MutationObserver(() => {
    if (document.body.classList.contains('quick-exit-active')) clear();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  part.hidden = false;
  render();
}
