/**
 * Sections that follow the article but are not part of it: related and recommended feeds, comment
 * threads, author bios, "about us" boxes, tag lists, newsletter and follow boxes. They are found by
 * structure: a block-level heading (a heading element, or a short block that is nothing but a label;
 * never an inline "Read more:" inside a paragraph) after which everything to the end of the article
 * is either link-dense or repeated cards, or sits under a heading that names such a section (in the
 * languages of the corpora). The cut is only taken near the end: what follows must be a minor part
 * of the article.
 */
import { isProse, linkDensity, textOf } from './dom-text.ts';
import type { TextSizes } from './text-sizes.ts';

/**
 * Headings of non-article sections, in English, German, French, Spanish, Italian, Portuguese and
 * Dutch. Single words ("Related", "Tags", "Kommentare") must be the whole heading, give or take a
 * count and a colon ("3 Comments", "Tags:"); phrases may run on a little ("Weitere Beiträge zum
 * Thema", "More from this author"). "Popular Distribution Channels" is not "Popular".
 */
/** Feeds of other articles: taken only when what follows is links or cards (an inline "Related article" box is not the end). */
const FEED_WHOLE = ['related', 'recommended', 'popular', 'trending', 'empfehlungen', 'meistgelesen', 'see also', 'siehe auch', 'zum thema', 'voir aussi', 'lire aussi', 'ver también', 'vea también', 'veja também', 'lees ook', 'leggi anche'].join('|');
const WHOLE = [
  'tags?', 'topics?', 'themen', 'schlagw[öo]rter', 'stichw[öo]rter', 'étiquettes', 'etiquetas',
  'categor(?:y|ies|ie|ien|ías|ia)', 'share', 'teilen', 'partager', 'compartir', 'condividi', 'delen', 'newsletter',
  // Plural only: "Comment" and "Response" head sections of technical articles; "1 Comment" counts.
  'comments', 'kommentare', 'commentaires', 'comentarios', 'commenti', 'reacties', 'responses', 'replies',
  '\\d+\\s+(?:comment|kommentar|commentaire|comentario|commento|reactie|response|reply)', 'disclaimer', 'haftungsausschluss', 'follow us', 'folgen sie uns', 'suivez-nous', 's[ií]guenos', 'about the authors?', 'about the author', 'über den autor',
  'über die autorin', 'about us', 'über uns', 'sobre nosotros', 'à propos',
].join('|');
const FEED_PHRASES = [
  '(?:recent|related|popular|trending|latest|more|similar|recommended|top|further|other|previous|next|newer|older)\\s+(?:articles?|posts?|stories|news|reads?|topics|reading|content|videos?|entries)\\b',
  'you (?:might|may|could) also\\b|read (?:next|more|also)\\b|also read\\b|more (?:from|on|about|like) (?:this|the|our)\\b|further reading\\b|most (?:read|popular|viewed)\\b|keep reading\\b|what to read next\\b',
  'weitere (?:artikel|beiträge|nachrichten|themen|meldungen|news)\\b|mehr aus\\b|weiterführende links?\\b|(?:ähnliche|verwandte|aktuelle|neueste|beliebte|empfohlene|passende) (?:artikel|beiträge|themen|nachrichten|inhalte)\\b|das könnte (?:sie|dich) auch\\b|auch interessant\\b|mehr zum thema\\b|lesen sie auch\\b|lies auch\\b|schon gelesen\\b|beiträge zum thema\\b',
  "(?:articles?|à lire) (?:similaires|aussi|également|connexes|recommandés)\\b|sur le même sujet\\b|dans la même rubrique\\b|vous aimerez aussi\\b|à voir aussi\\b|les plus lus\\b",
  'art[ií]culos? relacionad[oa]s\\b|noticias relacionadas\\b|(?:también )?te puede interesar\\b|le puede interesar\\b|lo más leído\\b|m[aá]s noticias\\b|puedes ver\\b',
  'articoli correlati\\b|potrebbe interessarti\\b|notizie correlate\\b|i più letti\\b|artigos relacionados\\b|leia também\\b|mais lidas\\b|gerelateerde artikelen\\b|meer nieuws\\b',
].join('|');
const PHRASES = [
  // comments
  'leave a (?:reply|comment)\\b|join the discussion\\b|schreibe? einen kommentar\\b|kommentar schreiben\\b|kommentare (?:geschlossen|schreiben|insgesamt)\\b|comments are closed\\b|laisser un commentaire\\b|deja un comentario\\b|lascia un commento\\b|deixe um comentário\\b|geef een reactie\\b',
  // author / about
  'about the (?:authors?|reviewers?|writers?|editors?)\\b|author bio\\b|(?:über|zum) (?:den |die )?(?:autor|autorin|verfasser)\\b|à propos de l.auteur\\b|sobre (?:el|la|o|a) autor[ae]?\\b|over de auteur\\b|written by\\b|posted by\\b|weitere artikel von\\b|alle artikel von\\b|more articles by\\b',
  // newsletter, follow
  'subscribe to\\b|sign up for\\b|newsletter abonnieren\\b|abonnez-vous\\b',
].join('|');
const heading = (whole: string, phrases: string) => new RegExp(`^(?:(?:\\d+\\s+)?(?:${whole})(?:\\s*\\(?\\d+\\)?)?\\s*[:.…!]*|(?:${phrases})[^.!?]{0,40}?[:.…!?]*)$`, 'iu');
const NON_ARTICLE_HEADING = heading(WHOLE, PHRASES);
const FEED_HEADING = heading(FEED_WHOLE, FEED_PHRASES);

const HEADINGS = 'h2, h3, h4, h5, h6, header, p, div, strong, b, span, dt, li';

/** A heading the reader would see as one: a heading element, or a short block that is only a label. */
function isBlockHeading(el: Element): boolean {
  if (/^h[2-6]$/.test(el.localName)) return true;
  if (el.localName === 'strong' || el.localName === 'b' || el.localName === 'span') {
    // Inline: a heading only when it is its block's whole text ("<p><strong>Related</strong></p>").
    const block = el.parentElement;
    return !!block && textOf(block) === textOf(el) && /^(p|div|li|dt|header)$/.test(block.localName);
  }
  return el.children.length <= 2;
}

function hasProse(el: Element): boolean {
  if (isProse(textOf(el)) && el.querySelectorAll('p').length <= 1) return true;
  for (const p of el.querySelectorAll('p')) if (isProse(textOf(p))) return true;
  return false;
}

/** Everything after `el` up to the end of `root`, in document order, at the highest level possible. */
function followingBlocks(el: Element, root: Element): Element[] {
  const out: Element[] = [];
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    for (let next = at.nextElementSibling; next; next = next.nextElementSibling) out.push(next);
  }
  return out;
}

/** Repeated cards: several siblings with the same tag and class, each a link with an image or heading. */
export function isCardList(blocks: Element[]): boolean {
  const items = blocks.flatMap((b) => (b.children.length >= 3 ? [...b.children] : [b]));
  if (items.length < 3) return false;
  const shape = (e: Element) => `${e.localName}.${(e.getAttribute('class') ?? '').split(/\s+/).sort().join('.')}`;
  const counts = new Map<string, number>();
  for (const it of items) counts.set(shape(it), (counts.get(shape(it)) ?? 0) + 1);
  const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const cards = items.filter((it) => shape(it) === top);
  // A card: a link with an image or a heading of its own, mostly link text.
  return n >= 3 && n / items.length >= 0.6 && cards.every((c) => !!c.querySelector('a[href]') && !!c.querySelector('img, picture, h2, h3, h4, h5, h6') && linkDensity(c) >= 0.3);
}

export function removeTrailingSections(root: Element, sizes: TextSizes, byStructureOnly = false): void {
  const total = sizes.of(root);
  if (total === 0) return;
  for (const h of [...root.querySelectorAll(HEADINGS)]) {
    if (!root.contains(h) || sizes.of(h) === 0 || sizes.of(h) > 80) continue;
    const text = textOf(h);
    if (!text || text.length > 80 || !isBlockHeading(h)) continue;
    const rest = followingBlocks(h, root);
    const restSize = rest.reduce((n, el) => n + sizes.of(el), 0);
    // Near the end only: what follows is a minor part of the article (a larger one when both the
    // heading and the structure say it is not the article).
    if (restSize > total * 0.7) continue;
    const short = text.split(' ').length <= 7;
    const feed = !byStructureOnly && short && FEED_HEADING.test(text);
    const named = !byStructureOnly && short && NON_ARTICLE_HEADING.test(text);
    let structural = false;
    // By structure alone only under a real heading: a short closing line is not one.
    if (restSize > 0 && (named || feed || /^h[2-6]$/.test(h.localName) || h.localName === 'strong' || h.localName === 'b')) {
      let linkText = 0;
      for (const el of rest) linkText += linkDensity(el, textOf(el).length) * textOf(el).length;
      const density = linkText / Math.max(1, rest.reduce((n, el) => n + textOf(el).length, 0));
      // Under an unnamed heading, a link list may be the article's own (a listicle's resources):
      // only cards, or a short link list at the very end.
      structural = isCardList(rest) || (density > 0.6 && (named || feed || restSize <= total * 0.15));
      // Under a feed heading, teasers (short blurbs, a few links) are enough: no prose follows.
      if (feed && !structural) structural = density > 0.3 || !rest.some(hasProse);
    }
    // A section heading left with nothing after it (its feed already gone) goes too.
    if (restSize === 0 && (named || feed)) structural = true;
    if (!((named || feed) && structural) && restSize > total * 0.4) continue;
    if (!named && !structural) continue;
    for (const el of rest) sizes.remove(el);
    sizes.remove(h);
    return;
  }
}
