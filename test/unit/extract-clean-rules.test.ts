// Clean-up and body rules of issue 11, each on a page made for it (not the pages quoted in the
// issue), named after what broke.
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle, type ExtractOptions } from '../../src/extract/extract-article.ts';
import { isShareUrl, pageAddressKeys } from '../../src/extract/clean-share.ts';

const URL_ = 'https://www.example-news.org/2025/06/harbour-ferry-timetable-changes';
/** jsdom is several times slower than a browser: the tests do not run against the reader's time budget. */
const OPTS: ExtractOptions = { budgetMs: 60_000 };

function extract(body: string, head = '', url = URL_, opts: ExtractOptions = {}) {
  const html = `<!doctype html><html lang="en"><head><title>Harbour ferry timetable changes</title>${head}</head><body>${body}</body></html>`;
  const dom = new JSDOM(html, { url });
  const ex = extractArticle(dom.window.document, new URL(url), { ...OPTS, ...opts });
  dom.window.close();
  return ex;
}
function article(body: string, head = '', url = URL_) {
  const ex = extract(body, head, url);
  if (!ex.ok) throw new Error(`${ex.reason}: ${ex.message}`);
  return ex;
}
const prose = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>The ${topic} section, paragraph ${i}, explains in plain words what changes for passengers on the harbour line and why the operator made the decision this spring.</p>`).join('');

describe('gate', () => {
  it('a short article is not refused by a word minimum when its metadata says it is an article', () => {
    const head = '<meta property="og:type" content="article">';
    const ex = extract('<article><h1>Ferry back on Monday</h1><p>The harbour ferry returns to its normal timetable on Monday, the operator said.</p></article>', head);
    expect(ex.ok).toBe(true);
    if (ex.ok) {
      expect(ex.article.title).toBe('Ferry back on Monday');
      // A short result is shown, with the reader told it may be incomplete.
      expect(ex.looksPoor).toBe(true);
    }
  });

  it('a page with almost no text is still refused', () => {
    expect(extract('<main><h1>Menu</h1><p>Home</p></main>').ok).toBe(false);
  });

  it('without the rule the old 80-word minimum refuses the short article (the ablation switch works)', () => {
    const head = '<meta property="og:type" content="article">';
    const body = '<article><h1>Ferry back on Monday</h1><p>The harbour ferry returns to its normal timetable on Monday, the operator said.</p></article>';
    expect(extract(body, head, URL_, { disabled: new Set(['word-floor']) }).ok).toBe(false);
  });
});

describe('confidence', () => {
  it('a clean article is trusted; a page of link teasers is flagged as looking poor', () => {
    const good = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('timetable', 10)}</article>`, '<meta property="og:type" content="article">');
    expect(good.looksPoor).toBe(false);
    expect(good.confidence).toBeGreaterThan(0.8);
    const teasers = Array.from({ length: 12 }, (_, i) => `<li><a href="/story-${i}">Story number ${i} about the harbour and its many ferries and boats</a> and a few words</li>`).join('');
    const poor = extract(`<main><h1>Latest</h1><ul>${teasers}</ul></main>`, '', 'https://www.example-news.org/latest');
    if (poor.ok) expect(poor.looksPoor).toBe(true);
  });
});

describe('trailing sections', () => {
  it('an inline "Read more:" label inside a paragraph does not cut the rest of the article', () => {
    const body = `<article><h1>Harbour ferry timetable changes</h1>${prose('first', 4)}<p><strong>Read more:</strong> the operator published a <a href="/plan">full plan</a> for the summer, which the council must still approve before June.</p>${prose('second', 4)}</article>`;
    const a = article(body).article;
    expect(a.text).toContain('second section, paragraph 3');
  });

  it('a comments section under a German heading goes, with everything after it', () => {
    const comments = '<div class="thread"><p>Endlich wieder pünktlich, danke für den Bericht über die Fähre und den neuen Fahrplan im Hafen.</p><p>Wann fährt die erste Fähre am Sonntag? Das steht leider nirgends im Fahrplan.</p></div>';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 10)}<h3>Kommentare (2)</h3>${comments}</article>`).article;
    expect(a.text).toContain('body section, paragraph 9');
    expect(a.text).not.toMatch(/Endlich wieder|Kommentare/);
  });

  it('a related-stories heading followed by link cards goes; one followed by prose stays', () => {
    const cards = Array.from({ length: 4 }, (_, i) => `<div class="card"><a href="/other-${i}">Other harbour story number ${i}</a><span>2 min</span></div>`).join('');
    const withCards = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 10)}<h2>Related stories</h2><div class="grid">${cards}</div></article>`).article;
    expect(withCards.text).not.toMatch(/Other harbour story|Related stories/);
    const withProse = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 10)}<h2>Related stories</h2>${prose('closing', 2)}</article>`).article;
    expect(withProse.text).toContain('closing section, paragraph 1');
  });

  it('a content heading that merely starts like a section name stays ("Popular routes this summer")', () => {
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 10)}<h2>Popular routes this summer</h2>${prose('routes', 3)}</article>`).article;
    expect(a.text).toContain('routes section, paragraph 2');
  });
});

describe('what the clean-up must keep', () => {
  it('whitespace-only spans in highlighted code keep its tokens apart', () => {
    const code = '<pre><code><span class="k">const</span><span> </span><span class="n">ferry</span><span> </span><span class="o">=</span><span> </span><span class="s">"on time"</span></code></pre>';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 6)}${code}${prose('after', 2)}</article>`).article;
    expect(a.text).toContain('const ferry = "on time"');
  });

  it('a paragraph that mentions a newsletter stays; a signup box goes', () => {
    const mention = '<p>The operator said it would announce further changes in its newsletter and on the notice boards at every pier, as it did when the winter timetable began last year.</p>';
    const box = '<div class="box"><p>Sign up for our newsletter to get the news in your inbox.</p><button>Subscribe</button></div>';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 5)}${mention}${box}${prose('after', 3)}</article>`).article;
    expect(a.text).toContain('announce further changes in its newsletter');
    expect(a.text).not.toContain('Sign up for our newsletter');
  });

  it('a "Sources:" line under the text stays; a photo credit under an image goes', () => {
    const figure = '<figure><img src="https://www.example-news.org/ferry.jpg" alt="The ferry"><figcaption>The morning ferry leaving the harbour.</figcaption></figure><p>Photo: Jan Novak / Harbour Press</p>';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 6)}${figure}${prose('after', 3)}<p>Sources: Harbour Authority, City Council</p></article>`).article;
    expect(a.text).toContain('Sources: Harbour Authority, City Council');
    expect(a.text).toContain('The morning ferry leaving the harbour.');
    expect(a.text).not.toContain('Jan Novak');
  });

  it('a quote set as a click-to-tweet link stays as text, its share link goes', () => {
    const quote = `<blockquote><a href="https://twitter.com/intent/tweet?text=${encodeURIComponent('We will run every twenty minutes from June')}&url=${encodeURIComponent(URL_)}">We will run every twenty minutes from June, and later on Sundays as well.</a></blockquote>`;
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 6)}${quote}${prose('after', 3)}</article>`);
    expect(a.article.text).toContain('We will run every twenty minutes from June');
    expect(a.article.contentHtml).not.toContain('twitter.com/intent');
  });
});

describe('what the clean-up must drop', () => {
  it('share links of a network no list knows, by the page address they carry', () => {
    const keys = pageAddressKeys([new URL(URL_)]);
    const base = new URL(URL_);
    expect(isShareUrl(`https://share.example-social.cn/share/share.php?url=${encodeURIComponent(URL_)}&title=Ferry`, base, keys)).toBe(true);
    expect(isShareUrl(`https://social.example/post?u=${URL_}`, base, keys)).toBe(true);
    expect(isShareUrl('https://www.harbour-authority.example/timetable.pdf', base, keys)).toBe(false);
    expect(isShareUrl('https://www.example-news.org/2025/06/other-story', base, keys)).toBe(false);
    const bar = ['Weibo', 'Xing', 'Vk'].map((n) => `<a href="https://s.${n.toLowerCase()}.example/share?url=${encodeURIComponent(URL_)}">${n}</a>`).join(' ');
    const a = article(`<article><h1>Harbour ferry timetable changes</h1><div class="tools">${bar}</div>${prose('body', 8)}</article>`).article;
    expect(a.text).not.toMatch(/Weibo|Xing/);
  });

  it('placeholder images (a data: SVG, a 1×1 pixel, no source) go; real images stay', () => {
    const imgs =
      '<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%221000%22 height=%22600%22/%3E" alt="">' +
      '<img src="https://www.example-news.org/pixel.gif" width="1" height="1" alt="">' +
      '<img alt="lazy">' +
      '<img src="https://www.example-news.org/pier.jpg" alt="The pier">';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 4)}<p>${imgs}</p>${prose('after', 4)}</article>`).article;
    expect(a.contentHtml).toContain('pier.jpg');
    expect(a.contentHtml).not.toContain('data:image/svg');
    expect(a.contentHtml).not.toContain('pixel.gif');
    expect(a.contentHtml.match(/<img/g)?.length).toBe(1);
  });

  it('caption controls go, the caption stays', () => {
    const figure = '<figure><img src="https://www.example-news.org/ferry.jpg" alt=""><figcaption>Passengers boarding at dawn. <a href="#" aria-expanded="true">hide caption</a></figcaption></figure>';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 5)}${figure}${prose('after', 3)}</article>`).article;
    expect(a.text).toContain('Passengers boarding at dawn.');
    expect(a.text).not.toContain('hide caption');
  });

  it('wiki "[edit]" links go', () => {
    const h = (t: string) => `<h2>${t}<span class="editsection">[<a href="/w/index.php?title=Ferry&amp;action=edit&amp;section=1">edit</a>]</span></h2>`;
    const a = article(`<div id="content"><h1>Harbour ferry timetable changes</h1>${prose('intro', 4)}${h('History')}${prose('history', 4)}</div>`, '', 'https://wiki.example.org/wiki/Harbour_ferry').article;
    expect(a.text).toContain('History');
    expect(a.text).not.toMatch(/\[?edit\]?/);
  });

  it('a description that equals the headline is not shown again as the standfirst', () => {
    const head = '<meta name="description" content="Harbour ferry timetable changes">';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${prose('body', 6)}</article>`, head).article;
    expect(a.subtitle).toBeUndefined();
  });

  it('the date repeated as the first line of the body goes', () => {
    const head = '<meta property="article:published_time" content="2025-06-03T08:00:00Z">';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1><p>June 3, 2025</p>${prose('body', 6)}</article>`, head).article;
    expect(a.text.split('\n')[0]).not.toContain('June 3, 2025');
  });

  it('kicker, dateline and reading time above the first paragraph go; a standfirst stays', () => {
    const meta = '<div class="kicker">Transport</div><p>3 June 2025, 08:00</p><p>4 min read</p><p>The operator will run fewer boats at night, but more in the morning rush.</p>';
    const a = article(`<article><h1>Harbour ferry timetable changes</h1>${meta}${prose('body', 6)}</article>`).article;
    expect(a.text).not.toMatch(/Transport|08:00|4 min read/);
    expect(a.text).toContain('fewer boats at night');
  });
});

describe('container fallback guard', () => {
  it('keeps Readability\'s pick when the page\'s <main> adds a feed of other articles', () => {
    const feed = Array.from({ length: 4 }, (_, i) => `<article><h2><a href="/s${i}">Teaser ${i}</a></h2><p>Teaser ${i} text about another story entirely, with a link to <a href="/s${i}">read it</a> and more words.</p></article>`).join('');
    const a = article(`<main><div class="story"><h1>Harbour ferry timetable changes</h1>${prose('story', 3)}</div>${feed}</main>`).article;
    expect(a.text).toContain('story section, paragraph 2');
    expect(a.text).not.toContain('Teaser 3 text');
  });
});
