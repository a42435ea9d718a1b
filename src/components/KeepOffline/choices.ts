/**
 * "The pages the reader chooses" (issue 16, part 2): after "Save to use without internet" has
 * stored the locale's home page, helplines and card, the reader may also save other text pages.
 * The build (scripts/build/offline-worker.mjs) writes the list of those pages, with the UI strings
 * the list needs, to OFFLINE_CHOICES_FILE next to each locale's worker, so the page that offers the
 * button carries none of it in its first load (./register.ts fetches it after the save).
 */

/** The list's file name, next to the worker: /<locale>/offline-pages.json. */
export const OFFLINE_CHOICES_FILE = 'offline-pages.json';

/** One page the reader may choose: its address, its heading, and the /_astro/ files it loads. */
export interface OfflineChoice {
  /** "/tr/campaigns/fake-job-offers/" */
  readonly path: string;
  /** The page's <h1> as text. */
  readonly title: string;
  /** The heading's language and direction when the page shows a fallback text (not translated yet), as its <main> says. */
  readonly lang?: string;
  readonly dir?: string;
  /** "/_astro/…" files the page loads (its CSS, scripts, and the fonts and images its CSS names). */
  readonly assets: readonly string[];
}

/** The contents of OFFLINE_CHOICES_FILE. */
export interface OfflineChoices {
  /** The Cache Storage cache the chosen pages go in; the worker serves it offline, the quick exit deletes it. */
  readonly cache: string;
  /** content/i18n/<locale>.json `offline.*` strings the list shows. */
  readonly strings: {
    readonly choose: string;
    readonly saveChosen: string;
    readonly saving: string;
    readonly savedChosen: string;
    readonly chooseNone: string;
    readonly failed: string;
  };
  readonly pages: readonly OfflineChoice[];
}
