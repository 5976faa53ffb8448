/** Text measures of extracted blocks shared by the clean-up passes. */

export const squashText = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

export function textOf(el: Element): string {
  return squashText(el.textContent);
}

/** Share of an element's text that sits inside links: menus, card grids, "recent articles". */
export function linkDensity(el: Element, total = textOf(el).length): number {
  if (total === 0) return 0;
  let inLinks = 0;
  for (const a of el.getElementsByTagName('a')) inLinks += textOf(a).length;
  return Math.min(1, inLinks / total);
}

const SENTENCE_END = /[.!?…:;。！？»"”’)]\s*$|[.!?。！？]["”’»)]?\s/u;

/** A block of prose: a few lines of words with sentence punctuation, not a label, date or link. */
export function isProse(text: string): boolean {
  if (text.length < 100) return false;
  const words = text.split(' ').length;
  return words >= 15 && SENTENCE_END.test(text);
}

const MONTHS =
  'jan(?:uary|uar|vier|\\.)?|feb(?:ruary|ruar|\\.)?|févr(?:ier)?|mar(?:ch|s|zo)?|mär(?:z)?|apr(?:il|ile)?|avr(?:il)?|may|mai|mei|mayo|maggio|jun(?:e|i|io)?|juin|giugno|jul(?:y|i|io)?|juil(?:let)?|luglio|aug(?:ust|\\.)?|août|ago(?:sto)?|sep(?:t(?:ember)?|tembre|tiembre)?|sett(?:embre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|nov(?:ember|embre|iembre)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember)?|dic(?:iembre|embre)?|ene(?:ro)?|enero|abr(?:il)?';
/**
 * A calendar date in common written forms: "Dec. 19, 2025", "19. Dezember 2025", "19 déc. 2025",
 * "2025-12-19", "19.12.2025", "12/19/25". Month names of the languages the corpora hold.
 */
export const DATE = new RegExp(
  String.raw`(?:\b\d{1,2}(?:st|nd|rd|th|\.|er|º)?\s+(?:de\s+)?(?:${MONTHS})\.?,?(?:\s+(?:de\s+)?\d{2,4})?\b|\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b(?:${MONTHS})\.?\s+\d{4}\b|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b)`,
  'iu',
);

/** "10:45", "10.45 Uhr", "3 pm": a time of day. */
export const TIME = /\b\d{1,2}[:.]\d\d(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?\b|\b\d{1,2}\s*(?:am|pm)\b/i;
