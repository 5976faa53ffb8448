/** Dumps cheap page features per WCXB page, to design and check detection rules (analysis only). */
import { writeFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { loadWcxb } from './corpus.ts';
import { jsonLdObjects, metaContent, typesOf, hasArticleMetadata } from '../../src/detect/page-metadata.ts';
import { concentratedProse, looksLikeShop, urlPoints } from '../../src/detect/text-signals.ts';
import { detectArticle } from '../../src/detect/detect-article.ts';

const [i0, n] = (process.argv[2] ?? '0/1').split('/').map(Number) as [number, number];
const out: Record<string, unknown>[] = [];
const pages = loadWcxb().filter((_, i) => i % n === i0);
for (const page of pages) {
  try {
    const dom = new JSDOM(page.html(), { url: page.url, virtualConsole: new VirtualConsole() });
    const doc = dom.window.document;
    const url = new URL(page.url);
    const ld = jsonLdObjects(doc);
    const ps = [...doc.querySelectorAll('p')].map((p) => (p.textContent ?? '').trim().length);
    const bodyText = (doc.body?.textContent ?? '').replace(/\s+/g, ' ').length;
    let linkText = 0;
    for (const a of doc.querySelectorAll('a')) linkText += (a.textContent ?? '').replace(/\s+/g, ' ').length;
    const perParent = new Map<Element, number>();
    for (const p of doc.querySelectorAll('p')) {
      const len = (p.textContent ?? '').trim().length;
      if (len > 80 && p.parentElement) perParent.set(p.parentElement, (perParent.get(p.parentElement) ?? 0) + len);
    }
    const maxParent = Math.max(0, ...perParent.values());
    const perGp = new Map<Element, number>();
    for (const [parent, sum] of perParent) {
      const gp = parent.parentElement;
      if (gp) perGp.set(gp, (perGp.get(gp) ?? 0) + sum);
    }
    const concGP = Math.max(maxParent, ...perGp.values());
    const pAll = ps.reduce((a, b) => a + b, 0);
    const text = doc.body?.textContent ?? '';
    const t0 = performance.now();
    const verdict = detectArticle(doc, url);
    const detectMs = performance.now() - t0;
    out.push({
      verdict: verdict.readable,
      detectMs,
      declared: hasArticleMetadata(doc),
      concentrated: concentratedProse(doc),
      shop: looksLikeShop(doc),
      shopButton: [...doc.querySelectorAll('button, input[type="submit"]')].some((el) => /\b(add to (cart|bag|basket)|buy now)\b|in den warenkorb|ajouter au panier|añadir al carrito/i.test(el.localName === 'input' ? el.getAttribute('value') ?? '' : el.textContent ?? '')),
      cartForm: !!doc.querySelector('form[action*="cart/add" i], form[action*="add-to-cart" i], form[action*="addtocart" i], [name="add-to-cart"], [name="add"][type="submit"]'),
      h1Count: doc.querySelectorAll('h1').length,
      commentsEl: doc.querySelectorAll('[itemprop="comment"], [class*="comment" i]').length,
      urlPoints: urlPoints(url),
      timeEl: !!doc.querySelector('time'),
      maxParent,
      concGP,
      pAll,
      liText: [...doc.querySelectorAll('li')].reduce((a, li) => a + (li.textContent ?? '').length, 0),
      prices: (text.match(/[$€£¥]\s?\d/g) ?? []).length,
      h2: doc.querySelectorAll('h2, h3').length,
      forms: doc.querySelectorAll('form input:not([type=hidden]), select').length,
      id: page.id,
      type: page.pageType,
      path: url.pathname,
      ogType: metaContent(doc, 'og:type') ?? '',
      ld: [...new Set(ld.flatMap(typesOf))],
      readerable: isProbablyReaderable(doc),
      readerableLow: isProbablyReaderable(doc, { minContentLength: 100, minScore: 10 }),
      published: !!metaContent(doc, 'article:published_time', 'datePublished', 'dc.date', 'date', 'pubdate', 'publish-date', 'article:modified_time'),
      author: !!metaContent(doc, 'author', 'article:author'),
      time: doc.querySelectorAll('time').length,
      articles: doc.querySelectorAll('article').length,
      h1: doc.querySelectorAll('h1').length,
      longP: ps.filter((l) => l > 140).length,
      pChars: ps.filter((l) => l > 80).reduce((a, b) => a + b, 0),
      bodyText,
      linkText,
      cart: /add to (cart|bag|basket)|buy now|in den warenkorb|ajouter au panier/i.test(doc.body?.textContent ?? ''),
    });
    dom.window.close();
  } catch (e) {
    out.push({ id: page.id, type: page.pageType, error: String(e) });
  }
  await new Promise((r) => setImmediate(r));
}
writeFileSync(`/tmp/feat${i0}.json`, JSON.stringify(out));
