/**
 * Values a stolen editor account must not be able to choose: the numbers
 * readers are told to call, and where the quick exit sends them.
 *
 * Reasoning (issue 13): the dangerous edit is not script but meaning. A fake
 * helpline entry, or a quick exit pointed at a logging server, would publish
 * on every page of every locale and look exactly like the real thing. So these
 * lists live in code, where a change needs a pull request and a second review
 * (CODEOWNERS, see the README's security section), not in the CMS. Editors
 * still write the names, hours and texts of the lines.
 *
 * The build refuses any other value (src/schemas/helplines.ts and
 * settings.ts use these lists as enums), and the CMS offers them as selects
 * and refuses anything else before saving (admin/guard.ts).
 */

/**
 * Helpline numbers readers may be told to call, digits only as dialled.
 * Source: the organisation's fact sheet (facts/turkiye.md, "Helplines"):
 * - 112: single emergency number (police, gendarmerie, ambulance, fire);
 * - 157: YİMER, Foreigners Communication Centre of the Presidency of
 *   Migration Management, also the trafficking-victims hotline;
 * - 183: ALO 183, Social Support Line of the Ministry of Family and Social Services.
 * 155 and 156 reach 112 and are mentioned in texts, but are not separate lines to list.
 */
export const HELPLINE_NUMBERS = ['112', '157', '183'] as const;

export type HelplineNumber = (typeof HELPLINE_NUMBERS)[number];

export function isHelplineNumber(value: string): value is HelplineNumber {
  return (HELPLINE_NUMBERS as readonly string[]).includes(value);
}

/**
 * Where the quick exit may go: exact addresses, each a popular, neutral page
 * that loads fast on a cheap phone, names nothing about this site, carries no
 * query string (so nothing about the reader can be added to it) and is not a
 * redirector. The link is sent with no referrer (rel="noreferrer" and the
 * site's Referrer-Policy), so the destination learns nothing about where the
 * reader came from.
 *
 * - Google's plain search page: the most common page on any phone.
 * - BBC Weather: GOV.UK's "Exit this page" component uses it for the same reason.
 * - Wikipedia's portal: light, neutral, in every reader's language.
 */
export const QUICK_EXIT_DESTINATIONS = [
  'https://www.google.com/webhp',
  'https://www.bbc.com/weather',
  'https://www.wikipedia.org/',
] as const;

export type QuickExitDestination = (typeof QUICK_EXIT_DESTINATIONS)[number];
