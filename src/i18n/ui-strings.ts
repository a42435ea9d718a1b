/**
 * Every UI string key, declared once, with what a translator needs to know
 * (shown as the hint under the field in the CMS) and the {{placeholders}} it
 * uses. `content/i18n/<locale>.json` holds the words; this file says what
 * keys exist. The build, the CMS save guard and the tests check every strings
 * file against it (src/lib/content-rules/ui-strings.ts): no unknown key, no
 * missing key, no empty value, no `$t(` nesting, only the placeholders
 * declared here, and plural keys with exactly the forms CLDR gives the language.
 *
 * Modelled on Starlight's `schemas/i18n.ts`, which gives every UI string a description.
 * Adding a key: declare it here, then add it to every strings file (English first).
 */
import { tactics } from '../schemas/campaigns.ts';
import { materialAudiences, materialFormats } from '../schemas/materials.ts';

export interface UiStringSpec {
  readonly kind: 'string';
  /** For translators: where the string appears and what to watch for. The CMS shows it as the hint. */
  readonly description: string;
  /** The {{placeholders}} the string uses; every translation must contain each one, and no other. */
  readonly placeholders: readonly string[];
  /** One string per CLDR plural category of the language: `key_one`, `key_other`, … */
  readonly plural: boolean;
  /**
   * Shown while the quick exit leaves the site, or as the tab title it leaves
   * behind: must not name the site's subject (src/lib/content-rules/ui-strings.ts).
   */
  readonly neutral: boolean;
}

export type UiStringTree = { readonly [key: string]: UiStringSpec | UiStringTree };

function text(description: string, options: { placeholders?: readonly string[]; plural?: boolean; neutral?: boolean } = {}): UiStringSpec {
  return { kind: 'string', description, placeholders: options.placeholders ?? [], plural: options.plural ?? false, neutral: options.neutral ?? false };
}

const count = (description: string) =>
  text(`${description} {{count}} is the number; the forms without it (zero, one, two) may spell the number out.`, { placeholders: ['count'], plural: true });

export function isUiStringSpec(value: UiStringSpec | UiStringTree): value is UiStringSpec {
  return (value as UiStringSpec).kind === 'string';
}

export const uiStrings = {
  meta: {
    languageName: text('The name of this language, written in this language (e.g. "Türkçe", "العربية"). Shown in the language switcher.'),
    chooseLanguage: text('Heading of the first page, where readers choose a language. Short.'),
    chooserIntro: text('One sentence on the first page saying what the site is; also the page description for search engines.'),
  },
  nav: {
    skipToContent: text('Link for keyboard and screen-reader users that jumps past the menu to the text.'),
    home: text('Menu link to the home page.'),
    campaigns: text('Menu link to the campaigns about traffickers\' tactics ("Know the signs").'),
    rights: text('Menu link to the pages on rights under Turkish law ("Know your rights").'),
    materials: text('Menu link to lessons, posters and guides for schools.'),
    helplines: text('Menu link to the list of helplines.'),
    about: text('Footer link to the page about the organisation.'),
    search: text('Menu link to the search page.'),
    browseSafely: text('Footer link to the page on hiding a visit to this site.'),
    privacy: text('Footer link to the privacy page.'),
    accessibility: text('Footer link to the accessibility statement.'),
    language: text('Label of the language switcher.'),
    mainMenu: text('Name of the main menu, read by screen readers.'),
    menu: text('On phones, the button that opens the main menu, beside the search box. One short word ("Menu").'),
    footerMenu: text('Name of the footer menu, read by screen readers.'),
  },
  quickExit: {
    label: text('Text of the quick-exit button on every page. Short and plain ("Exit this page"); never promise safety.'),
    shortcutHint: text('Under the quick-exit button: pressing Shift three times also leaves the page.'),
    loading: text('Shown over the page for a moment while the quick exit leaves. Must look like any website loading and must not mention this site or its subject ("Loading.").', {
      neutral: true,
    }),
    pressOne: text('Read by screen readers after Shift is pressed once: two more presses leave the page.'),
    pressTwo: text('Read by screen readers after Shift is pressed twice: one more press leaves the page.'),
    timeout: text('Read by screen readers when the Shift presses were too far apart and the shortcut reset.'),
    browseSafelyLink: text('Link under the quick-exit button to the "browse safely" page.'),
    neutralTitle: text('Tab title the quick exit sets while leaving, so the tab list shows nothing about this site ("New tab"). Must not mention the site or its subject.', {
      neutral: true,
    }),
  },
  help: {
    title: text('Heading of the helplines box at the top of pages ("Need help now?").'),
    intro: text('One sentence under that heading: call a number, say what is happening and where.'),
    inYourLanguage: text("Heading over the lines that answer in the reader's language."),
    otherLines: text('Heading over the other lines, where callers can ask for an interpreter.'),
    noneInYourLanguage: text("Shown when no line is confirmed to answer in this language: call, say the language's name, ask for an interpreter."),
    call: text('Button text for calling a helpline; {{number}} is the number and must stay in the text.', { placeholders: ['number'] }),
    hours: text("Label before a helpline's hours."),
    cost: text('Label before what a call costs.'),
    languages: text('Label before the languages a helpline answers in.'),
    emergency: text('One sentence: in an emergency, call 112. Keep the number 112 as it is.'),
  },
  home: {
    title: text('Main heading of the home page.'),
    latestCampaigns: text('Heading over the newest campaigns on the home page.'),
    knowSignsIntro: text('One sentence under the "Know the signs" link on the home page.'),
    knowRightsIntro: text('One sentence under the "Know your rights" link on the home page.'),
    forSchoolsIntro: text('One sentence under the link to school materials on the home page.'),
  },
  campaigns: {
    title: text('Heading of the campaigns list ("Know the signs").'),
    intro: text('Introduction to the campaigns list.'),
    warningSigns: text("Heading over a campaign's warning signs."),
    whatToDo: text('Heading over what the reader can do.'),
    whatNotToDo: text('Heading over what not to do.'),
    howItWorks: text('Heading over the explanation of how the tactic works.'),
    whoToCall: text('Heading over the helplines of a campaign.'),
    tactic: Object.fromEntries(tactics.map((tactic) => [tactic, text(`Name of the tactic "${tactic}", shown on campaign pages and as a search filter.`)])) as Record<
      (typeof tactics)[number],
      UiStringSpec
    >,
    count: count('Number of campaigns in a list.'),
  },
  rights: {
    title: text('Heading of the rights list ("Know your rights").'),
    intro: text('Introduction to the rights list.'),
    legalBasis: text('Heading over the laws and articles a right rests on.'),
    lastReviewed: text('When a person last checked the page against the law; {{date}} is the date.', { placeholders: ['date'] }),
  },
  materials: {
    title: text('Heading of the school materials list.'),
    intro: text('Introduction to the school materials list.'),
    audience: text('Label before who a material is for.'),
    ageGroup: text('Label before the age group of a material.'),
    format: text('Label before the kind of material (lesson plan, poster…).'),
    download: text("Download link of a material's PDF; {{format}} is the kind of material, {{size}} the file size, {{language}} its language.", {
      placeholders: ['format', 'size', 'language'],
    }),
    print: text('Button that prints the page.'),
    formats: Object.fromEntries(materialFormats.map((format) => [format, text(`Name of the material type "${format}".`)])) as Record<
      (typeof materialFormats)[number],
      UiStringSpec
    >,
    audiences: Object.fromEntries(materialAudiences.map((audience) => [audience, text(`Name of the audience "${audience}".`)])) as Record<
      (typeof materialAudiences)[number],
      UiStringSpec
    >,
  },
  helplines: {
    title: text('Heading of the helplines page.'),
    intro: text('Introduction to the helplines page: call the right line; ask for an interpreter if needed.'),
  },
  share: {
    title: text('Heading of the share box.'),
    whatsapp: text('Link that shares the page on WhatsApp.'),
    copyLink: text("Button that copies the page's address."),
    copied: text('Read out after the address was copied.'),
    linkLabel: text("Label of the field showing the page's address."),
  },
  notice: {
    machine: text('Notice on pages translated by machine and not yet checked by a native speaker.'),
    fallback: text("Notice on a page shown in another language; {{language}} is the reader's language, {{source}} the language shown.", { placeholders: ['language', 'source'] }),
    untranslatedShort: text('Short tag on a list item shown in another language; {{source}} is that language.', { placeholders: ['source'] }),
  },
  common: {
    sources: text("Heading over a page's sources."),
    published: text('When a page was first published; {{date}} is the date.', { placeholders: ['date'] }),
    updated: text('When a page last changed; {{date}} is the date.', { placeholders: ['date'] }),
    readMore: text('Link to the full page from a summary.'),
    backToTop: text('Link back to the top of the page.'),
    items: count('Number of items in a list.'),
  },
  search: {
    title: text('Heading of the search page.'),
    label: text('Label of the search box.'),
    placeholder: text('Example shown inside the empty search box.'),
    noScript: text('Shown when search cannot run without JavaScript, before links to the lists.'),
    privacyNote: text('Under the search box: what is typed stays on the phone. Say only that; do not promise more.'),
    button: text('Button that starts the search.'),
    results: count('Number of search results.'),
    noResults: text('Shown when nothing was found.'),
    loading: text('Shown while search loads.'),
    error: text('Shown when search could not load.'),
    filters: text('The toggle that opens the search filters (folded away at first), and their heading. Short: one line on a phone.'),
    filterType: text('Label of the filter by type of page.'),
    filterTactic: text('Label of the filter by campaign topic.'),
    allTypes: text('Filter choice: every type of page.'),
    allTactics: text('Filter choice: every topic.'),
    browse: text('Before links to the lists, under the search results.'),
    more: text('Button that shows more search results.'),
    showingResultsFor: text('Shown over the results when search corrected a misspelling; {{words}} is what it searched for instead.', { placeholders: ['words'] }),
    didYouMean: text('A suggested spelling under the results; {{words}} is the suggestion (a link).', { placeholders: ['words'] }),
  },
  print: {
    qrHint: text('Printed next to the QR code on posters, lesson plans and guides (paper and PDF): scanning it opens this page on the website, with its sources.'),
  },
  offline: {
    keep: text(
      'Button on the helplines page and the card: stores the helplines, the card and the home page on this phone so they open without internet (issue 16). Nothing is stored before it is pressed.',
    ),
    keeping: text('Shown while the pages are being stored after "Keep for offline" is pressed.'),
    kept: text('Shown once the pages are stored: which pages now open without internet, and that the quick exit removes them. Never say the phone or the reader is safe.'),
    failed: text('Shown when storing the pages failed (no space, private window). Say the pages still work with internet.'),
    notice: text('Small notice at the top of a kept page opened without internet: it is the stored copy and may be out of date.'),
    choose: text(
      'Shown after the pages are stored, over a list of other pages of the site (campaigns, rights, the offer check, materials) with a checkbox each: the reader may also save the ones they tick. Nothing is ticked for them.',
    ),
    saveChosen: text('Button under that list: saves the pages the reader ticked ("Save these pages too").'),
    savedChosen: text(
      'Shown once the ticked pages are stored: they now open without internet too, and the quick exit tries to delete them. Never say the phone or the reader is safe.',
    ),
    chooseNone: text('Shown when the reader presses the button under the list without ticking a page.'),
  },
  card: {
    title: text('Heading of the card page: sentences a reader shows to a call-taker or an official, or reads out ("Show this card").'),
    link: text('Link from every helplines box to the card page. Say what it is: ready sentences in Turkish to show or read out.'),
    intro: text(
      "Under the card's heading: show this screen to a call-taker, a police officer or another official, or read it out; each sentence is in your language and in Turkish. On the Turkish card: for someone who does not speak Turkish, who opens it in their language. Never promise that anyone will help or that it is safe.",
    ),
    otherLanguages: text('Heading over links to the card in the other languages.'),
    languageInTurkish: text(
      'The name of THIS language written in Turkish, as it fits the Turkish sentence "Türkçe bilmiyorum. … konuşan biri var mı?" (e.g. Arapça, Farsça, Peştuca). It is shown on the Turkish side of the card. In the Turkish file: Türkçe.',
    ),
    phrases: {
      noTurkish: text(
        "Card sentence: \"I don't speak Turkish. Is there someone here who speaks {{language}}?\" {{language}} is this language's own name (meta.languageName); in the Turkish file it is the Turkish name of the reader's language (card.languageInTurkish). Ask whether someone speaks it: do not ask for an interpreter (no line is known to provide one).",
        { placeholders: ['language'] },
      ),
      needHelp: text('Card sentence: "I need help."'),
      passport: text('Card sentence: "Someone else is keeping my passport or ID." (a warning sign of trafficking).'),
      cannotLeave: text('Card sentence: "I cannot leave the place where I work or stay."'),
      debt: text('Card sentence: "They say I owe them money, and the debt keeps growing." (debt bondage).'),
      under18: text('Card sentence: "I am under 18." Keep the number 18.'),
      forcedMarriage: text('Card sentence: "They want to marry me off. I do not want to marry." (someone else is arranging the marriage).'),
    },
  },
  offerCheck: {
    yes: text('Answer to a question of the offer check ("Yes").'),
    no: text('Answer to a question of the offer check ("No").'),
    notSure: text('Answer to a question of the offer check when the reader does not know ("I don\'t know").'),
    ifYes: text('Before the advice under a question whose warning sign is the answer "yes" ("If yes:").'),
    ifNo: text('Before the advice under a question whose warning sign is the answer "no" ("If no:").'),
    notStored: text('Above the questions: the answers are not saved or sent. Say only that; do not promise safety.'),
    clear: text('Button that clears every answer.'),
    resultTitle: text('Heading of the panel under the questions: what the answers show, what to do, who to call ("What your answers show").'),
    signs: count('Start of the result when answers show warning signs; the signs are listed after it.'),
    noSignsYet: text('Result while no answer shows a warning sign and some questions are not answered yet.'),
    answered: text('How many questions are answered; {{answered}} and {{total}} are numbers.', { placeholders: ['answered', 'total'] }),
    unsure: text('Over the questions the reader answered "I don\'t know": find these out before agreeing.'),
  },
  notFound: {
    title: text('Heading of the "page not found" page.'),
    body: text('Text of the "page not found" page.'),
    goHome: text('Link to the home page from the "page not found" page.'),
  },
  listen: {
    play: text('Button on text pages that reads the page aloud with the phone\'s own voice ("Listen to this page"). Shown only when the phone has a voice for the language.'),
    pause: text('Button that pauses the reading aloud.'),
    resume: text('Button that continues the reading aloud after a pause.'),
    stop: text('Button that stops the reading aloud.'),
    note: text('One line beside the Listen button: the phone reads with its own voice and the text is not sent anywhere. Say only that; do not promise safety.'),
  },
  recording: {
    title: text(
      'Caption of the audio player on pages that have a recording of the text read aloud by a person (not the phone\'s voice): "Listen to a recording of this page". Shown whether or not the Listen button is.',
    ),
    file: text(
      'After that caption, in brackets: {{format}} is the file type (MP3 or Opus), {{size}} the file size ("1.5 kB"), {{language}} the language spoken in the recording, in that language. Keep the brackets; use your language\'s comma.',
      { placeholders: ['format', 'size', 'language'] },
    ),
    download: text('Link that downloads the recording, shown only in browsers that cannot play it.'),
  },
} as const satisfies UiStringTree;

/** Every declared key, as a dotted path, with its spec: [["quickExit.label", spec], …]. */
export function uiStringEntries(tree: UiStringTree = uiStrings, prefix = ''): [string, UiStringSpec][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isUiStringSpec(value) ? [[path, value] as [string, UiStringSpec]] : uiStringEntries(value, path);
  });
}
