/**
 * The rules a stolen editor account must not get past (issue 13), in one
 * module that the build and the CMS save guard both import, so the two cannot
 * drift:
 * - allowlists.ts: helpline numbers and quick-exit destinations, kept in code;
 * - text.ts: bidi controls, forbidden keys, letters in free text, digits in any script;
 * - body.ts: tel: links, aria-label, <bdo>, nesting and image paths in Markdown bodies;
 * - markdown.ts: a body's tree without the site's renderer (CMS, pre-build check);
 * - body-scan.ts: which bodies the pre-build check must parse at all (imported directly);
 * - ui-strings.ts: the UI strings against their declaration (src/i18n/ui-strings.ts);
 * - front-matter.ts: YAML keys and tags, with line numbers (pre-build check
 *   only; imported directly, so the CMS bundle does not carry a YAML parser).
 * Every problem names its field, in Turkish for staff and English for developers (problem.ts).
 */
export * from './allowlists.ts';
export * from './problem.ts';
export * from './text.ts';
export * from './body.ts';
export * from './markdown.ts';
export * from './ui-strings.ts';
