/**
 * Uploads (issue 14, src/lib/upload-rules.ts, run by the CMS before upload and
 * by the build): a file is what its bytes say, and every name becomes a
 * Latin, unique, stable one that never replaces a different file.
 * The browser side (the Media page, Arabic and Persian names) is
 * tests/cms/editors.spec.ts "3 and 4"; the build side, bad-content.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { latinName, uploadName, uploadProblems } from '../../src/lib/upload-rules.ts';

async function onePagePdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]).drawText(text, { x: 10, y: 100, size: 10 });
  return pdf.save({ useObjectStreams: false });
}
const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));
const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, ...new Array(2000).fill(0)]);

test('a real PDF and a real PNG pass; an executable named .pdf, a PDF that does not open and an SVG are refused in Turkish', async () => {
  assert.deepEqual(await uploadProblems('public/uploads/rehber.pdf', await onePagePdf('rehber')), []);
  assert.deepEqual(await uploadProblems('public/uploads/afis.png', png), []);
  const [program] = await uploadProblems('public/uploads/program.pdf', exe);
  assert.match(program!.tr, /"program\.pdf" gerçek bir PDF dosyası değil \(içeriği EXE\)/);
  assert.match(program!.en, /the name says \.pdf but the bytes are of type EXE/);
  const header = new TextEncoder().encode('%PDF-1.7\n% not really a PDF\n');
  const [broken] = await uploadProblems('public/uploads/bozuk.pdf', header);
  assert.match(broken!.tr, /PDF gibi başlıyor ama PDF olarak açılmıyor/);
  const [svg] = await uploadProblems('public/uploads/gorsel.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
  assert.match(svg!.tr, /yalnızca PDF, JPEG, PNG, WebP, AVIF, MP3 ve Opus/);
  const [renamedPng] = await uploadProblems('public/uploads/afis.pdf', png);
  assert.match(renamedPng!.tr, /gerçek bir PDF dosyası değil \(içeriği PNG\)/);
});

test('recordings (issue 16): MP3 and Opus pass by their bytes; a PDF, Vorbis or a bare "OggS" named .mp3/.opus/.ogg is refused', async () => {
  const fixtures = new URL('../fixtures/site/public/uploads/', import.meta.url);
  const mp3 = new Uint8Array(readFileSync(new URL('fixture-recording-tr.mp3', fixtures)));
  const opus = new Uint8Array(readFileSync(new URL('fixture-recording-ps.opus', fixtures)));
  assert.deepEqual(await uploadProblems('public/uploads/okuma.mp3', mp3), []);
  assert.deepEqual(await uploadProblems('public/uploads/okuma.opus', opus), []);
  assert.deepEqual(await uploadProblems('public/uploads/okuma.ogg', opus), [], '.ogg is Opus in Ogg too');
  // An MP3 that starts with an ID3 tag, not a frame: the tag is skipped, the frame after it read.
  const id3 = Uint8Array.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, ...mp3]);
  assert.deepEqual(await uploadProblems('public/uploads/etiketli.mp3', id3), []);
  const [pdfAsMp3] = await uploadProblems('public/uploads/okuma.mp3', await onePagePdf('okuma'));
  assert.match(pdfAsMp3!.en, /the name says \.mp3 but the bytes are of type PDF/);
  assert.match(pdfAsMp3!.tr, /"okuma\.mp3" gerçek bir MP3 dosyası değil \(içeriği PDF\)\. Dosyayı MP3 ya da Opus ses dosyası olarak/);
  const [mp3AsOpus] = await uploadProblems('public/uploads/okuma.opus', mp3);
  assert.match(mp3AsOpus!.en, /the name says \.opus but the bytes are of type MP3/);
  // Vorbis in Ogg: "OggS", then "\x01vorbis" where Opus has "OpusHead".
  const vorbis = Uint8Array.from(opus);
  vorbis.set([0x01, 0x76, 0x6f, 0x72, 0x62, 0x69, 0x73, 0x00], 28);
  const [vorbisAsOgg] = await uploadProblems('public/uploads/okuma.ogg', vorbis);
  assert.match(vorbisAsOgg!.en, /the name says \.ogg but the bytes are of type OGG/);
  const [bareOgg] = await uploadProblems('public/uploads/bos.ogg', new TextEncoder().encode('OggS'));
  assert.match(bareOgg!.en, /the name says \.ogg but the bytes are of no type the site publishes/);
  const [wav] = await uploadProblems('public/uploads/okuma.wav', new TextEncoder().encode('RIFF....WAVEfmt '));
  assert.match(wav!.en, /only PDF, JPEG, PNG, WebP, AVIF, MP3 and Opus files may be uploaded/);
});

test('names in any script become Latin; no letters at all becomes a short content hash', () => {
  assert.equal(latinName('Öğretmen kılavuzu'), 'ogretmen-kilavuzu');
  assert.equal(latinName('دليل 2026'), 'dlyl-2026');
  assert.equal(latinName('راهنما 2026'), 'rhnm-2026');
  assert.match(latinName('لارښود'), /^[a-z0-9-]+$/); // Pashto
  assert.equal(latinName('Памятка'), 'pamyatka');
  assert.equal(latinName('🚨🚨'), '');
});

test('a name is unique and stable, and never replaces a different file', async () => {
  const first = await onePagePdf('first');
  const second = await onePagePdf('second');
  const stored = new Map<string, Uint8Array>();
  const isSameFile = (name: string) => (stored.has(name) ? Buffer.from(stored.get(name)!).equals(Buffer.from(first)) : undefined);
  // Arabic and Persian names with the same digits no longer meet at "2026.pdf".
  assert.deepEqual(await uploadName('دليل 2026.pdf', first, isSameFile), { name: 'dlyl-2026.pdf', alreadyThere: false });
  assert.deepEqual(await uploadName('راهنما 2026.pdf', second, isSameFile), { name: 'rhnm-2026.pdf', alreadyThere: false });
  const noLetters = await uploadName('🚨🚨.pdf', first, isSameFile);
  assert.match(noLetters.name, /^[0-9a-f]{8}\.pdf$/);
  assert.equal((await uploadName('🚨.pdf', first, isSameFile)).name, noLetters.name, 'same bytes, same name');
  stored.set('dlyl-2026.pdf', first);
  // The same file again: already there, nothing to upload.
  assert.deepEqual(await uploadName('دليل 2026.pdf', first, isSameFile), { name: 'dlyl-2026.pdf', alreadyThere: true });
  // A different file under a taken name: a new name with its hash, the stored one untouched.
  const other = await uploadName('دليل 2026.pdf', second, (name) => (stored.has(name) ? Buffer.from(stored.get(name)!).equals(Buffer.from(second)) : undefined));
  assert.match(other.name, /^dlyl-2026-[0-9a-f]{8}\.pdf$/);
  assert.equal(other.alreadyThere, false);
});
