/**
 * The link checker (./index.mjs) on a made-up built site and project: each
 * check finds what it should, leaves alone what it should, and each problem
 * names the Markdown file (and line) behind the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { removeTemp, tempSite, writeFiles as write } from '../../../tests/helpers/temp-site.ts';
import { entryFile } from '../../../src/collections.ts';
import { entryPath, localePath } from '../../../src/routes.ts';
import { checkLinks, formatIssues } from './index.mjs';

/** A built page; its canonical link (absolute, as Base.astro writes it) points to the site's root, so the root's origin counts as same-site. */
const page = (lang: string, body: string, mainLang = '') =>
  `<!doctype html><html lang="${lang}"><head><link rel="canonical" href="https://site.example/"></head><body><main${mainLang ? ` lang="${mainLang}"` : ''}>${body}</main></body></html>`;
const about = (locale: 'tr' | 'ar') => localePath(locale, entryPath('pages', 'about'));

test('broken targets, missing fragments, links into another language; language switches and fallback pages are fine', async () => {
  const root = tempSite('check-links');
  const dist = join(root, 'dist');
  try {
    write(root, {
      [entryFile('pages', 'ar', 'about')]: `---\ntitle: x\n---\n\nSee [this](${about('tr')}).\n`,
    });
    write(dist, {
      'index.html': '<!doctype html><html lang="mul"><body>chooser</body></html>',
      [`${about('tr').slice(1)}index.html`]: page('tr', '<h2 id="here">x</h2><a href="#here">ok</a><a href="#nowhere">missing id</a><a href="/tr/gone/">gone</a>'),
      [`${about('ar').slice(1)}index.html`]: page(
        'ar',
        `<a href="${about('tr')}">other language</a><a href="${about('tr')}" hreflang="tr">switcher</a><a href="https://other.example/">other host</a><a href="tel:157">call</a>`,
      ),
      // A fallback page: Arabic URL, Turkish text (main lang), whose links are the Turkish source's.
      'ar/fallback/index.html': page('ar', `<a href="${about('tr')}">kept from the source</a>`, 'tr'),
    });
    const { issues, pages } = await checkLinks(dist, { root });
    assert.equal(pages, 4);
    const found = issues.map((i) => `${i.check} ${i.page} → ${i.target}`).sort();
    assert.deepEqual(found, [`same-language ${about('ar')} → ${about('tr')}`, `target-exists ${about('tr')} → ${about('tr')}#nowhere`, `target-exists ${about('tr')} → /tr/gone/`]);
    const language = issues.find((i) => i.check === 'same-language')!;
    assert.match(language.reason, new RegExp(`Link to ${about('ar')} instead`), 'proposes the page in the reader’s language when it exists');
    assert.equal(language.source, entryFile('pages', 'ar', 'about'));
    assert.equal(language.line, 5, 'the line of the Markdown source where the address is written');
    const report = formatIssues(issues);
    assert.match(report, /3 broken internal links on 2 pages/);
    assert.ok(report.includes(`${entryFile('pages', 'ar', 'about')}:5`), report);
  } finally {
    removeTemp(root);
  }
});
