/**
 * The one rule for which voice may read a page: a voice of the text's language
 * that runs on the device (`localService === true`). Other voices are network
 * voices: the browser sends the text to a third party's server to be spoken.
 */

/** "ar-SA", "ar_SA" → "ar"; Kurmanji's "kmr-Latn" and a voice's "ku" are one language. */
function primaryLanguage(tag: string): string {
  const primary = tag.toLowerCase().split(/[-_]/)[0]!;
  return primary === 'kmr' ? 'ku' : primary;
}

/** A local voice for `lang` (a BCP-47 tag), or undefined. */
export function localVoiceFor(lang: string): SpeechSynthesisVoice | undefined {
  const wanted = primaryLanguage(lang);
  return speechSynthesis.getVoices().find((v) => v.localService && primaryLanguage(v.lang) === wanted);
}
