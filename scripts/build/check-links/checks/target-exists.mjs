/**
 * A same-site link must lead somewhere: the file it names exists (or the
 * folder's index.html, as the hosts serve it), and a #fragment into a page
 * names an id (or <a name>) in that page. Like withastro/docs' `target-exists`.
 */

/**
 * @param {import('../index.mjs').Link} link
 * @param {import('../index.mjs').Site} site
 * @returns {string | undefined} the reason the link is broken, or undefined
 */
export function targetExists(link, site) {
  const target = site.fileFor(link.url.pathname);
  if (!target) return 'no such page or file';
  const fragment = decodeURIComponent(link.url.hash.slice(1));
  if (fragment && target.endsWith('.html') && !site.idsOf(target).has(fragment)) return `no element with id="${fragment}" in ${link.url.pathname}`;
  return undefined;
}
