/**
 * The guard's problems, on screen until the editor fixes them or closes the
 * box. Decap shows a save error only in a toast that disappears after 8 s;
 * a list of what to fix must stay while the editor fixes it. Plain DOM: the
 * panel lives outside Decap's React tree and survives its re-renders.
 */
const ID = 'cms-problems';

export function showProblems(lines: string[], title = 'Kaydedilmedi: şunları düzeltin') {
  document.getElementById(ID)?.remove();
  if (!lines.length) return;
  const panel = document.createElement('section');
  panel.id = ID;
  panel.setAttribute('role', 'alert');
  panel.setAttribute('lang', 'tr');
  panel.setAttribute('aria-labelledby', `${ID}-title`);
  panel.style.cssText =
    'position:fixed;inset-inline:16px;inset-block-end:16px;z-index:400;max-block-size:40vh;overflow:auto;background:#fff5f5;color:#5c1010;border:2px solid #b42318;border-radius:6px;padding:12px 16px;font:15px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)';
  const heading = document.createElement('h2');
  heading.id = `${ID}-title`;
  heading.textContent = title;
  heading.style.cssText = 'margin:0 0 6px;font-size:16px';
  const list = document.createElement('ul');
  list.style.cssText = 'margin:0;padding-inline-start:20px';
  for (const line of lines) {
    const item = document.createElement('li');
    item.textContent = line;
    item.dir = 'auto';
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Kapat';
  close.style.cssText = 'float:inline-end;margin-inline-start:12px';
  close.addEventListener('click', () => panel.remove());
  panel.append(close, heading, list);
  document.body.append(panel);
}
