/**
 * The copy-link button of ./Share.astro: shown only where the Clipboard API
 * exists (without it the read-only field is the way to copy), and it says
 * "copied" through the section's live region. Elements are found by their
 * data- hooks; a missing one is a ShareError naming it.
 */

/** The markup and the script disagree (see Share.astro). Named, so it survives minification. */
class ShareError extends Error {
  override name = 'ShareError';
}

for (const section of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const button = section.querySelector<HTMLButtonElement>('[data-copy-link]');
  const status = section.querySelector<HTMLElement>('[data-copy-status]');
  if (!button || !status) throw new ShareError('missing [data-copy-link] or [data-copy-status]');
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(button.dataset.copyLink ?? location.href);
    status.textContent = button.dataset.copiedText ?? '';
  });
}
