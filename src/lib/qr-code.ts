/**
 * QR codes as SVG, made at build time with the npm `qrcode` package: a printed
 * material carries one that opens the same page, in the same language.
 *
 * Error correction M (15% of the code may be damaged: a creased or scuffed
 * poster still scans); no quiet zone in the SVG, the layout leaves the margin.
 * The SVG is one path, about 0.6 KB gzip for a page address, so it can sit in
 * the page's HTML (shown only when printing) within the first-load budget.
 */
import QRCode from 'qrcode';

const cache = new Map<string, Promise<string>>();

/** `<svg …>` drawing the QR code of `text` (a URL), black on white. */
export function qrCodeSvg(text: string): Promise<string> {
  let svg = cache.get(text);
  if (!svg) {
    svg = QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 0, color: { dark: '#000000', light: '#ffffff' } });
    cache.set(text, svg);
  }
  return svg;
}
