/**
 * Which voice reads an article. The browser's first (or "default") voice is often in an unrelated
 * language (Chromium with speech-dispatcher lists Afrikaans first; Firefox lists its voices in no
 * stable order), so the choice goes by the article's language: the voice the user picked for that
 * language before, else one in the same language and region, else the same language. Pure.
 */
export interface VoiceInfo {
  /** Stable across sessions: what is remembered. */
  uri: string;
  name: string;
  lang: string;
  isDefault: boolean;
  local: boolean;
}

/** The key a choice is remembered under: the primary language ("en", "pt", "zh"). */
export function languageKey(lang: string | undefined): string {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] || 'und';
}

const parts = (lang: string) => lang.toLowerCase().replace(/_/g, '-').split('-');

/**
 * 4 = the very language tag asked for; 3 = same language and region (the voice more specific,
 * "en-GB-scotland" for "en-GB"); 2 = same language, no region asked; 1 = same language, another
 * region; 0 = another language.
 */
function closeness(voiceLang: string, wanted: string[]): number {
  const v = parts(voiceLang);
  if (v[0] !== wanted[0]) return 0;
  if (v.join('-') === wanted.join('-')) return 4;
  const region = wanted.find((p, i) => i > 0 && /^([a-z]{2}|\d{3})$/.test(p));
  if (!region) return 2;
  return v.includes(region) ? 3 : 1;
}

/** Plain voices before their variants ("English (America)" before "English (America)+Adam"), then by name. */
const byPlainName = (a: VoiceInfo, b: VoiceInfo) => a.name.length - b.name.length || a.name.localeCompare(b.name);

/**
 * Voices for `lang`, best first. `fallbackRegion` comes from the UI language: an article marked
 * just "en" is read in the user's own English when there is one.
 */
export function voicesFor(voices: VoiceInfo[], lang: string | undefined, uiLang?: string): VoiceInfo[] {
  const wanted = parts(lang || uiLang || 'en');
  if (wanted.length === 1 && uiLang && parts(uiLang)[0] === wanted[0]) wanted.push(...parts(uiLang).slice(1));
  return voices
    .map((voice) => ({ voice, score: closeness(voice.lang, wanted) }))
    .filter((v) => v.score > 0)
    .sort((a, b) => b.score - a.score || Number(b.voice.isDefault) - Number(a.voice.isDefault)
      || Number(b.voice.local) - Number(a.voice.local) || byPlainName(a.voice, b.voice))
    .map((v) => v.voice);
}

export interface VoiceChoice {
  voice: VoiceInfo | undefined;
  /** True when no voice speaks the article's language and another one was taken. */
  otherLanguage: boolean;
}

/**
 * Whether the browser's "local" flag tells anything: Chrome marks its Google voices, which send the
 * text to Google, as not local and system voices as local; Firefox marks every speech-dispatcher
 * voice not local although they all run on the machine. Only a mix is believed.
 */
export function marksOnlineVoices(voices: VoiceInfo[]): boolean {
  return voices.some((v) => v.local) && voices.some((v) => !v.local);
}

export const isOnline = (voice: VoiceInfo, voices: VoiceInfo[]): boolean => marksOnlineVoices(voices) && !voice.local;

/**
 * The voice to read with: the remembered one for this language if it still exists, else the best
 * match. Nothing leaves the machine unless the user picks it: an online voice is never chosen
 * automatically (it stays in the list, for the user to pick).
 */
export function chooseVoice(voices: VoiceInfo[], lang: string | undefined, remembered: Record<string, string>, uiLang?: string): VoiceChoice {
  const key = languageKey(lang || uiLang);
  const kept = remembered[key] && voices.find((v) => v.uri === remembered[key]);
  if (kept) return { voice: kept, otherLanguage: false };
  const offline = marksOnlineVoices(voices) ? voices.filter((v) => v.local) : voices;
  const matches = voicesFor(offline, lang, uiLang);
  if (matches[0]) return { voice: matches[0], otherLanguage: false };
  const fallback = (uiLang && voicesFor(offline, uiLang)[0]) || offline.find((v) => v.isDefault) || [...offline].sort(byPlainName)[0];
  return { voice: fallback, otherLanguage: !!fallback };
}
