/**
 * Quick exit: what happens when someone activates "Exit this page" (either
 * link, or Shift pressed 3 times). Without this script the links still work:
 * they are real links to the destination. ./README.md explains the choices.
 *
 * Everything the script needs is in data- attributes on the component's root
 * (destination, translated strings), so it has no configuration of its own.
 * It finds elements by their data-quick-exit-* hooks only; the classes are for
 * CSS. A missing hook is a QuickExitError naming it, not a TypeError later.
 */
import { dropStaleFlag, forgetOffline } from '../KeepOffline/forget.ts';

/** The markup and the script disagree (see QuickExit.astro); the message names the hook. Named, so it survives minification. */
class QuickExitError extends Error {
  override name = 'QuickExitError';
}

const root = document.querySelector<HTMLElement>('[data-quick-exit-root]');
if (root) setUp(root);

function hook<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const el = root.querySelector<T>(`[${name}]`);
  if (!el) throw new QuickExitError(`missing [${name}]`);
  return el;
}

/** A string from the root's data- attributes (`pressOne` is data-press-one). */
function text(root: HTMLElement, key: 'destination' | 'loading' | 'pressOne' | 'pressTwo' | 'timeout' | 'neutralTitle'): string {
  const value = root.dataset[key];
  if (value === undefined) throw new QuickExitError(`missing dataset.${key}`);
  return value;
}

function setUp(root: HTMLElement) {
  const status = hook(root, 'data-quick-exit-status');
  const dots = hook(root, 'data-quick-exit-dots');
  const strings = {
    destination: text(root, 'destination'),
    loading: text(root, 'loading'),
    pressOne: text(root, 'pressOne'),
    pressTwo: text(root, 'pressTwo'),
    timeout: text(root, 'timeout'),
    neutralTitle: text(root, 'neutralTitle'),
  };
  const title = document.title;
  /** 5 s between presses, as in GOV.UK Frontend; each press restarts the timer. */
  const WAIT = 5000;
  let presses = 0;
  let pressTimer: number | undefined;
  let clearTimer: number | undefined;
  /** True once any other key went down while Shift was down (Shift+A types "A"; it is not a press). */
  let chord = false;
  let overlay: HTMLElement | undefined;

  hook(root, 'data-quick-exit-hint').hidden = false;

  try {
    // An earlier exit may have left only the "kept" flag (see dropStaleFlag).
    if (localStorage.getItem('kept')) void dropStaleFlag();
  } catch {
    // Storage can be disabled (privacy settings).
  }

  function announce(message = '') {
    clearTimeout(clearTimer);
    status.textContent = message;
  }

  function setPresses(count: number) {
    presses = count;
    dots.hidden = count === 0;
    dots.querySelectorAll('i').forEach((dot, i) => dot.classList.toggle('on', i < count));
  }

  function exit(event?: Event) {
    // The link's own navigation would keep this page in history; we replace it instead.
    event?.preventDefault();
    clearTimeout(pressTimer);
    setPresses(0);
    announce();
    // Hide the page first: on a slow connection the destination can take seconds to arrive.
    document.body.classList.add('quick-exit-active');
    overlay = document.createElement('div');
    overlay.className = 'quick-exit__overlay';
    overlay.setAttribute('role', 'alert');
    document.body.append(overlay);
    // Text after insertion: screen readers announce a changed alert more reliably than a new one.
    overlay.textContent = strings.loading;
    document.title = strings.neutralTitle;
    let kept;
    try {
      // Set by "Keep for offline" (../KeepOffline/register.ts): a worker and caches to remove.
      kept = localStorage.getItem('kept');
      localStorage.clear();
      sessionStorage.clear();
      // Kept until forgetOffline() has finished, so an exit cut short tries again next time.
      if (kept) localStorage.setItem('kept', kept);
    } catch {
      // Storage can be disabled (privacy settings); leaving must not depend on it.
    }
    // replace(), not assign(): this page's history entry becomes the destination, so Back skips it.
    const leave = () => location.replace(strings.destination);
    // "Keep for offline" was pressed: remove its caches and worker first, waiting at most 100 ms
    // (issue 16; measured by scripts/measure/offline-exit.mjs). One race, so the page leaves once:
    // a second location.replace() would restart the navigation.
    if (kept) Promise.race([forgetOffline(), new Promise((done) => setTimeout(done, 100))]).finally(leave);
    else leave();
  }

  function expire() {
    setPresses(0);
    announce(strings.timeout);
    // Clear the message later so it is not found when reading the page afterwards.
    clearTimeout(clearTimer);
    clearTimer = window.setTimeout(announce, WAIT);
  }

  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]')) {
    // A click is also what Enter on a focused link produces, so this covers the keyboard too.
    link.addEventListener('click', exit);
  }

  // Capture phase: a page script that stops propagation cannot swallow the shortcut.
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Shift') {
        if (!event.repeat) chord = false;
      } else if (event.shiftKey) {
        chord = true;
      }
    },
    true,
  );

  // Presses are counted on keyup, as GOV.UK Frontend does, for two reasons:
  // - holding Shift repeats keydown many times, while keyup fires once per press;
  // - only when Shift is released do we know it was pressed on its own and not
  //   to type a capital letter (the keydown listener above marks chords).
  document.addEventListener(
    'keyup',
    (event) => {
      const shiftAlone = event.key === 'Shift' && !chord;
      if (event.key === 'Shift') chord = false;
      // While someone types, Shift is theirs: on a phone's on-screen keyboard,
      // double-tapping Shift for caps lock and tapping it again sends three lone
      // Shift keyups (iOS; alphagov/govuk-frontend#4095), which would exit in the
      // middle of a word. Such a press neither counts nor cancels; the button and
      // the links still work, and the shortcut works again once focus leaves the field.
      if (shiftAlone && isTypingTarget(event)) return;
      if (!shiftAlone) {
        // Any other key, or Shift used as a modifier, cancels a sequence in progress.
        if (presses > 0) {
          clearTimeout(pressTimer);
          expire();
        }
        return;
      }
      setPresses(presses + 1);
      clearTimeout(pressTimer);
      if (presses >= 3) return exit();
      announce(presses === 1 ? strings.pressOne : strings.pressTwo);
      pressTimer = window.setTimeout(expire, WAIT);
    },
    true,
  );

  // Back/forward cache: the browser can show this page again exactly as it was
  // left (overlay, neutral title, half-counted presses). Put it back in order.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    document.body.classList.remove('quick-exit-active');
    overlay?.remove();
    overlay = undefined;
    document.title = title;
    clearTimeout(pressTimer);
    setPresses(0);
    announce();
  });
}

/** Input types that take no typed text: Shift pressed on them is not typing. */
const NOT_TEXT = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** True when the key event happened in a text field, a textarea or an editable element (where Shift types). */
function isTypingTarget(event: Event): boolean {
  // composedPath()[0]: the element itself, even inside a shadow root.
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}
