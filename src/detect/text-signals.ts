/**
 * Text signals for detection, read without layout: one pass over <p> elements and the page's URL.
 * Articles keep their prose together (many long paragraphs under one parent); home, listing,
 * product and service pages scatter short blurbs over cards and sections.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

/** CJK text carries roughly three times the meaning per character that alphabetic text does. */
export function weightedLength(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return text.length + cjk * 2;
}

/** The most prose (long paragraphs' characters) found under any single parent element. */
export function concentratedProse(doc: Document): number {
  const perParent = new Map<Element, number>();
  let best = 0;
  const ps = doc.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < 3000; i++) {
    const p = ps[i]!;
    const parent = p.parentElement;
    if (!parent) continue;
    const len = weightedLength((p.textContent ?? '').trim());
    if (len <= 80) continue;
    const sum = (perParent.get(parent) ?? 0) + len;
    perParent.set(parent, sum);
    if (sum > best) best = sum;
  }
  return best;
}

/** An article-like URL: a long slug ("/how-to-choose-a-bike") or a date path ("/2025/03/"). */
export function urlPoints(url: URL): number {
  const segments = url.pathname.split('/').filter(Boolean);
  const last = (segments.at(-1) ?? '').replace(/\.(html?|php|aspx?)$/i, '');
  const slugWords = last.split(/[-_]+/).filter(Boolean).length;
  const dated = /\/(19|20)\d\d\/(0?[1-9]|1[0-2])\//.test(url.pathname);
  return (slugWords >= 4 ? 1 : 0) + (slugWords >= 6 ? 1 : 0) + (dated ? 1 : 0);
}

const SHOP_TEXT = /\b(add to (cart|bag|basket)|buy now)\b|in den warenkorb|ajouter au panier|añadir al carrito/i;

export function looksLikeShop(doc: Document): boolean {
  // Buttons and links only: an article that mentions "buy now" in its prose is still an article.
  for (const el of doc.querySelectorAll('button, input[type="submit"], a[class*="cart" i], form[action*="cart" i]')) {
    const text = el.localName === 'input' ? el.getAttribute('value') ?? '' : el.textContent ?? '';
    if (SHOP_TEXT.test(text) || el.localName === 'form' || /cart/i.test(el.getAttribute('class') ?? '')) return true;
  }
  return false;
}
