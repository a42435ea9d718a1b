/**
 * The local site's build, as the editor needs to know it (issue 14).
 *
 * `npm start` rebuilds after every save into a fresh folder and swaps it in
 * only when the build succeeds (scripts/serve/local-site.mjs), so the site and /admin/
 * stay up. It writes /admin/build-status.json into the folder being served:
 * building, ok, or failed with the build's own message. This banner shows it.
 * Production builds (Netlify, Cloudflare) have no such file: nothing shows.
 */
const ID = 'cms-build-status';

interface BuildStatus {
  state: 'building' | 'ok' | 'failed';
  error?: string;
  finishedAt?: string;
}

function show(status: BuildStatus | undefined) {
  let banner = document.getElementById(ID);
  if (!status || status.state === 'ok') {
    banner?.remove();
    return;
  }
  if (!banner) {
    banner = document.createElement('section');
    banner.id = ID;
    banner.setAttribute('role', 'status');
    banner.setAttribute('lang', 'tr');
    document.body.append(banner);
  }
  const failed = status.state === 'failed';
  banner.dataset.state = status.state;
  banner.style.cssText = `position:fixed;inset-inline-start:16px;inset-block-start:64px;z-index:350;max-inline-size:min(720px,calc(100vw - 32px));max-block-size:50vh;overflow:auto;padding:10px 14px;border-radius:6px;font:14px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.15);${failed ? 'background:#fff5f5;border:2px solid #b42318;color:#5c1010' : 'background:#eff8ff;border:1px solid #84caff;color:#194185'}`;
  banner.replaceChildren();
  const title = document.createElement('strong');
  title.textContent = failed
    ? 'Site son değişiklikten sonra oluşturulamadı. Yerel site şu an son çalışan sürümü gösteriyor; hatayı düzeltince yeniden oluşturulur.'
    : 'Site yeniden oluşturuluyor… Değişiklikler birkaç saniye içinde sitede görünecek.';
  banner.append(title);
  if (failed && status.error) {
    const pre = document.createElement('pre');
    pre.dir = 'ltr';
    pre.lang = 'en';
    pre.style.cssText = 'white-space:pre-wrap;margin:8px 0 0;font-size:12px';
    pre.textContent = status.error;
    banner.append(pre);
  }
}

export function watchBuildStatus(intervalMs = 2000) {
  if (!['localhost', '127.0.0.1'].includes(location.hostname)) return;
  const poll = async () => {
    try {
      const response = await fetch('/admin/build-status.json', { cache: 'no-store' });
      show(response.ok ? ((await response.json()) as BuildStatus) : undefined);
    } catch {
      // the server is restarting: try again
    }
    setTimeout(poll, intervalMs);
  };
  void poll();
}
