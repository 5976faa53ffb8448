/**
 * Share chrome in the extracted body: links that hand this page to another service, and the bars
 * made of them. A share link is known by its vendor endpoint (src/suppress/share-links.ts, the list
 * the live page uses) or by its shape: a link that passes this page's own address to another
 * service in its query ("…/share.php?url=<this page>"), whatever the network (Weibo, Xing, a new
 * one). A quote wrapped in a share link ("click to tweet") stays as text: the quote is content.
 */
import { EMBEDDED_CONTENT, selectorsFor } from '../suppress/rules.ts';
import { isShareLink } from '../suppress/share-links.ts';
import { isProse, textOf } from './dom-text.ts';
import type { TextSizes } from './text-sizes.ts';

// The live page's vendor share/follow rules apply in the reader too: one list, not two.
const VENDOR_SHARE = selectorsFor('shareButtons').join(',');
const SHARE_TEXT = /^(share( this( article| story| post)?)?|share on \w+|teilen|twittern|mitteilen|partager|compartir|condividi|delen|tweet|email|e-mail|mail|copy link|link kopieren|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|xing|flipboard|print|drucken|imprimer|imprimir|rss|rss-feed)$/i;
const NAMES_SHARING = /\b(share|sharing|teilen|partager|compartir|condividi|tweet|twitter|facebook|linkedin|whatsapp|pinterest|reddit|telegram|xing|weibo|e-?mail|print|drucken|copy)\b/i;
const SHARE_PATH = /(^|[/._-])(share|sharer|sharing|sharearticle|intent|submit|bookmark|compose|send|post|add)([/._-]|$)/i;

/** The ways this page's address can appear in another service's query string. */
export function pageAddressKeys(pageUrls: URL[]): string[] {
  const keys = new Set<string>();
  for (const u of pageUrls) {
    const bare = `${u.hostname}${u.pathname}`.replace(/\/$/, '');
    if (bare.length < 8) continue;
    keys.add(bare.toLowerCase());
  }
  return [...keys];
}

/** A link that hands this page to another service: by vendor endpoint, or by carrying this page's address. */
export function isShareUrl(href: string, base: URL, addressKeys: string[]): boolean {
  if (isShareLink(href)) return true;
  if (!addressKeys.length) return false;
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return false;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.search) return false;
  let query: string;
  try {
    query = decodeURIComponent(u.search + u.hash).toLowerCase();
  } catch {
    query = (u.search + u.hash).toLowerCase();
  }
  const carries = addressKeys.some((k) => query.includes(k));
  // Another service, or the site's own share endpoint (a path that says so).
  return carries && (u.hostname !== base.hostname || SHARE_PATH.test(u.pathname));
}

/** Replaces a link with its own children: its text stays, the link goes. */
function unwrap(a: Element): void {
  a.replaceWith(...a.childNodes);
}

export function removeShareChrome(root: Element, sizes: TextSizes, base: URL, addressKeys: string[], removeIf: (sel: string, pred: (el: Element) => boolean) => void): void {
  const share = (a: Element) => isShareUrl(a.getAttribute('href') ?? '', base, addressKeys);
  for (const a of [...root.querySelectorAll('a[href]')]) {
    if (!root.contains(a) || !share(a)) continue;
    const text = textOf(a);
    // A quote set as a share link ("click to tweet"): the quote is content. A link that names the
    // network or the act of sharing is chrome.
    if (text.length <= 2 || SHARE_TEXT.test(text) || NAMES_SHARING.test(text)) sizes.remove(a);
    else if (isProse(text) || text.split(' ').length >= 5) unwrap(a);
  }
  // A share bar is a few links; a block with more text than that is not one.
  removeIf('div, ul, ol, section, aside, p, span, nav', (el) => {
    if (sizes.of(el) > 1000) return false;
    const links = [...el.querySelectorAll('a[href]')];
    if (links.length === 0 || !links.every(share)) return false;
    // Text outside the links must be short: a paragraph that merely contains a share link stays.
    let other = textOf(el);
    for (const a of links) other = other.replace(textOf(a), '');
    return other.replace(/[\s|·•,:-]/g, '').length <= 30;
  });
  if (VENDOR_SHARE) removeIf(VENDOR_SHARE, (el) => !el.closest(EMBEDDED_CONTENT));
  // Share-word lines left without their links ("Share this article", "Teilen").
  removeIf('p, div, span, li, h2, h3, h4, h5, h6', (el) => sizes.of(el) > 0 && sizes.of(el) <= 40 && !el.querySelector('img, picture, video') && SHARE_TEXT.test(textOf(el)));
}
