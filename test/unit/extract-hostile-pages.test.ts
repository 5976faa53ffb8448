// Hostile pages against the extraction and detection path: DOM clobbering (named properties of
// forms and documents, emulated in jsdom as browsers implement them: helpers/named-properties.ts)
// and pages too large to read without stalling the tab.
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { detectArticle } from '../../src/detect/detect-article.ts';
import { measurePage } from '../../src/extract/page-bounds.ts';
import { defuseClobbering } from '../../src/extract/defuse-clobbering.ts';
import { emulateNamedProperties } from './helpers/named-properties.ts';

const URL_ = 'https://example.com/news/2025/03/a-long-story-about-things';
const para = (n: number, tag = 'Story') =>
  Array.from({ length: n }, (_, i) => `<p>${tag} paragraph ${i} goes on for a while, with enough words in it to count as real prose that a reader would want to read.</p>`).join('');
const articlePage = (inside: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>A long story about things</title><meta property="og:type" content="article">${head}</head><body><article><h1>A long story about things</h1>${para(5)}${inside}${para(5, 'Later')}</article></body></html>`;

/** The emulated named properties make every property read on a form or document slow in jsdom. */
const SLOW = { budgetMs: 60_000 };

function hostile(html: string) {
  const dom = new JSDOM(html, { url: URL_ });
  const named = emulateNamedProperties(dom.window, 2000);
  return { doc: dom.window.document, named, window: dom.window };
}

/** Every property name on a prototype chain (what a named child could shadow). */
function chainNames(obj: object): string[] {
  const out = new Set<string>();
  for (let p: object | null = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) if (/^[A-Za-z_$][\w$]*$/.test(n) && n !== '__proto__') out.add(n);
  }
  return [...out];
}

describe('DOM clobbering', () => {
  it('the emulation reproduces the browser bug: an input named parentNode makes form.parentNode that input', () => {
    const { doc, named } = hostile(articlePage('<form id="f"><input name="parentNode"></form>'));
    const form = doc.getElementById('f')!;
    expect((form.parentNode as Element).localName).toBe('input');
    expect(named.clobberedReads()).toBe(1);
  });

  it('a form input named parentNode no longer sends extraction into an endless loop', () => {
    const { doc, named } = hostile(articlePage('<form><input name="parentNode"><input name="q"></form>'));
    const ex = extractArticle(doc, new URL(URL_), SLOW);
    expect(ex.ok ? "ok" : ex.reason + ": " + ex.message).toBe("ok");
    if (ex.ok) expect(ex.article.text).toContain('Later paragraph 4');
    expect(named.clobberedReads()).toBe(0);
  });

  it('inputs named getAttribute or tagName no longer make the reader refuse the article', () => {
    for (const name of ['getAttribute', 'tagName']) {
      const { doc, named } = hostile(articlePage(`<form><input name="${name}"><input id="${name}"></form>`));
      const ex = extractArticle(doc, new URL(URL_), SLOW);
      expect(ex.ok, name).toBe(true);
      expect(named.clobberedReads(), name).toBe(0);
    }
  });

  it('defusing removes every name and id that would shadow a property of a form or a document, and no other', () => {
    const dom = new JSDOM('<form></form>');
    const formNames = chainNames(dom.window.document.querySelector('form')!);
    const docNames = chainNames(dom.window.document);
    expect(formNames.length).toBeGreaterThan(250);
    expect(docNames.length).toBeGreaterThan(200);
    const all = [...new Set([...formNames, ...docNames])];
    const kinds = ['input', 'button', 'select', 'textarea', 'output', 'fieldset', 'object', 'img', 'embed', 'form', 'iframe'];
    const doc = new JSDOM(
      `<body><form>${all.map((n, i) => `<${kinds[i % kinds.length]} ${i % 2 ? 'name' : 'id'}="${n}"></${kinds[i % kinds.length]}>`).join('')}</form>` +
        '<form><input name="email" id="newsletter-email"><img name="logo" id="site-logo"></form></body>',
    ).window.document;
    defuseClobbering(doc);
    const left = [...doc.querySelectorAll('[name], [id]')].map((el) => el.getAttribute('name') ?? el.getAttribute('id'));
    expect(left).toEqual(['email', 'logo']);
    expect(doc.querySelector('[id="newsletter-email"]')).not.toBeNull();
  });

  it('form controls named after properties of a form, in several forms of the article, are harmless', () => {
    const probe = new JSDOM('<form></form>').window.document.querySelector('form')!;
    // Every 5th name (the emulation is slow), plus the ones that broke in Chromium.
    const names = [...new Set(['parentNode', 'getAttribute', 'tagName', ...chainNames(probe).filter((_, i) => i % 5 === 0)])];
    // Spread over several forms and control types, by name and by id.
    const kinds = ['input', 'button', 'select', 'textarea', 'output', 'fieldset', 'object', 'img'];
    const forms = Array.from({ length: 4 }, (_, f) => {
      const controls = names
        .filter((_, i) => i % 4 === f)
        .map((n, i) => (i % 2 ? `<${kinds[i % kinds.length]} name="${n}">` : `<${kinds[i % kinds.length]} id="${n}">`) + (['input', 'img'].includes(kinds[i % kinds.length]!) ? '' : `</${kinds[i % kinds.length]}>`))
        .join('');
      return `<form>${controls}</form>`;
    }).join(para(1, 'Between'));
    const { doc, named } = hostile(articlePage(forms));
    const ex = extractArticle(doc, new URL(URL_), SLOW);
    expect(ex.ok ? "ok" : ex.reason + ": " + ex.message).toBe("ok");
    if (ex.ok) expect(ex.article.text).toContain('Later paragraph 4');
    expect(named.clobberedReads()).toBe(0);
  });

  it('images, forms, embeds, objects and frames named after document properties do not break extraction', () => {
    const docNames = ['querySelectorAll', 'createElement', 'documentElement', ...chainNames(new JSDOM('').window.document).filter((_, i) => i % 5 === 0)];
    const tags = ['img', 'form', 'embed', 'iframe', 'object'];
    const named = docNames
      .map((n, i) => {
        const tag = tags[i % tags.length]!;
        return tag === 'img' || tag === 'embed' ? `<${tag} name="${n}">` : `<${tag} name="${n}"></${tag}>`;
      })
      .join('');
    const ids = ['title', 'body', 'documentElement', 'cloneNode'].map((n) => `<object id="${n}"></object><img id="x${n}" name="${n}">`).join('');
    const { doc, named: np } = hostile(articlePage(`<div>${named}${ids}</div>`));
    expect(typeof doc.querySelectorAll).not.toBe('function'); // the page's own view is clobbered
    const before = np.clobberedReads();
    const ex = extractArticle(doc, new URL(URL_), SLOW);
    expect(ex.ok ? "ok" : ex.reason + ": " + ex.message).toBe("ok");
    if (ex.ok) expect(ex.article.title).toBe('A long story about things');
    expect(np.clobberedReads() - before).toBe(0);
  });

  it('detection reads a clobbered live page correctly and never through its named properties', () => {
    const inside = '<form><input name="parentElement"><input name="textContent"><p>' + 'Prose inside a form that counts as prose. '.repeat(6) + '</p></form>';
    const { doc, named } = hostile(articlePage(inside, '<img name="querySelector"><form name="getElementsByTagName"></form>'));
    const verdict = detectArticle(doc, new URL(URL_));
    expect(verdict.readable).toBe(true);
    expect(named.clobberedReads()).toBe(0);
  });

  it('leaves the live page untouched: its named controls keep their names', () => {
    const { doc } = hostile(articlePage('<form id="f"><input name="parentNode"></form>'));
    extractArticle(doc, new URL(URL_));
    expect(doc.querySelector('#f input')!.getAttribute('name')).toBe('parentNode');
  });
});

describe('pages too large to read', () => {
  it('5,000-deep nesting is refused before any work, with a clear message', () => {
    // Built with DOM calls, as a page's script would, from the inside out. jsdom cannot hold 5,000
    // levels (its own insertion recurses), so 1,500 stand in here; the e2e suite has 5,000.
    const doc = new JSDOM(articlePage(''), { url: URL_ }).window.document;
    let nest = doc.createElement('div');
    nest.innerHTML = para(6);
    for (let i = 1; i < 1500; i++) {
      const outer = doc.createElement('div');
      outer.append(nest);
      nest = outer;
    }
    doc.querySelector('article')!.append(nest);
    const size = measurePage(doc);
    expect(size.over).toBe('depth');
    // The walk stopped at the limit instead of visiting all 5,000 levels.
    expect(size.elements).toBeLessThan(1000);
    const ex = extractArticle(doc, new URL(URL_));
    expect(ex).toMatchObject({ ok: false, reason: 'too-large', message: 'This page is too large to read here.' });
  });

  it('50 MB of text is refused before any work', () => {
    const chunk = 'A sentence of real prose, repeated until the page holds far more text than any article. ';
    const doc = new JSDOM(articlePage(''), { url: URL_ }).window.document;
    const p = doc.createElement('p');
    p.textContent = chunk.repeat(Math.ceil(50_000_000 / chunk.length));
    doc.querySelector('article')!.append(p);
    expect(measurePage(doc).over).toBe('text');
    expect(extractArticle(doc, new URL(URL_))).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('a 20,000-row table is refused before any work', () => {
    const doc = new JSDOM(articlePage(''), { url: URL_ }).window.document;
    const table = doc.createElement('table');
    const tbody = table.appendChild(doc.createElement('tbody'));
    for (let i = 0; i < 20_000; i++) {
      const tr = tbody.appendChild(doc.createElement('tr'));
      tr.appendChild(doc.createElement('td')).textContent = `Row ${i}`;
    }
    doc.querySelector('article')!.append(table);
    expect(measurePage(doc).over).toBe('elements');
    expect(extractArticle(doc, new URL(URL_))).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('work that runs past the time budget stops with the same message instead of stalling', () => {
    const doc = new JSDOM(articlePage(para(40, 'More')), { url: URL_ }).window.document;
    expect(extractArticle(doc, new URL(URL_), { budgetMs: 0 })).toMatchObject({ ok: false, reason: 'too-large', message: 'This page is too large to read here.' });
    expect(extractArticle(doc, new URL(URL_)).ok).toBe(true);
  });
});
