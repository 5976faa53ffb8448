// Bylines and headlines that broke on real pages (WCXB dev), reduced to the markup that matters.
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { cleanName, findByline } from '../../src/extract/byline.ts';
import { chooseHeadline } from '../../src/extract/headline.ts';
import { readPageMetadata } from '../../src/detect/page-metadata.ts';

const page = (body: string, head = '', url = 'https://example.com/blog/a-post') =>
  new JSDOM(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`, { url }).window.document;

const fb = (doc: Document, readabilityByline?: string, siteName?: string) => findByline(doc, { page: readPageMetadata(doc, new URL(doc.URL)), readabilityByline, siteName });
const ch = (doc: Document, metaTitles: string[], siteName?: string, host?: string) => chooseHeadline(doc, { metaTitles, siteName, host });

describe('bylines', () => {
  it('keeps a role set in its own element apart from the name, with no list of roles', () => {
    // The role is glued to the name only in textContent; the layout sets it apart.
    const card = (inner: string) => page(`<article><h1>Ten ways to sleep better</h1><div class="post-author">${inner}</div><p>Text.</p></article>`);
    expect(fb(card('<span class="name">Stephen Jesudunsin</span><span class="role">AI Writer, Embarque</span>'))).toBe('Stephen Jesudunsin');
    expect(fb(card('<a href="/team/harry">Harry Rabinowitz</a><div>Tech Reporter</div>'))).toBe('Harry Rabinowitz');
    expect(fb(card('<strong>Reyan Perumal</strong><time>Published 3 May 2025</time>'))).toBe('Reyan Perumal');
  });

  it('keeps inner capitals that are part of a name', () => {
    expect(cleanName('Mark SubbaRao and Jonas Jaegermeyer')).toBe('Mark SubbaRao and Jonas Jaegermeyer');
    expect(cleanName('CM Craig McCarthy Last updated')).toContain('McCarthy');
    expect(cleanName('Sponsored by StackCommerce')).toContain('StackCommerce');
  });

  it('rejects labels and template placeholders taken for a name', () => {
    for (const label of ['Authors', 'Updated', 'By', 'Insights from', 'page.head.extra.author']) expect(cleanName(label)).toBeUndefined();
  });

  it('prefers a person named on the page over the site named as author in metadata', () => {
    const doc = page('<article><h1>How to grow tomatoes</h1><p class="meta">By Meaghan Weeden</p></article>', '<meta name="author" content="One Tree Planted">');
    expect(fb(doc, undefined, 'One Tree Planted')).toBe('Meaghan Weeden');
  });

  it('keeps the organisation when no person is named', () => {
    const doc = page('<article><h1>How to grow tomatoes</h1><p>Text.</p></article>', '<meta name="author" content="One Tree Planted">');
    expect(fb(doc, undefined, 'One Tree Planted')).toBe('One Tree Planted');
  });

  it('finds a visible "By Name" byline with no author markup', () => {
    const doc = page('<div class="header"><h1>The History of Coffee</h1><div class="meta"><p><time>Mar 24, 2025</time></p><p>By Amy Wilhelm</p></div></div><p>Body.</p>');
    expect(fb(doc, undefined)).toBe('Amy Wilhelm');
  });

  it('finds the name after a "Written by" label', () => {
    const doc = page('<div><h1>Packing tips</h1><div><div><p>Written by</p><p>Edzel Tabing</p></div></div></div>');
    expect(fb(doc, undefined)).toBe('Edzel Tabing');
  });

  it('drops a date set before the name', () => {
    expect(cleanName('Dec. 19, 2025 · Niko Matsakis')).toBe('Niko Matsakis');
    expect(cleanName('Dec 17, 2025Julian K. Arni')).toBe('Julian K. Arni');
  });

  it('drops an e-mail address after the name', () => {
    expect(cleanName('Newsdesk news@businessweekly.co.uk')).toBe('Newsdesk');
  });

  it('lists every citation_author of a scholarly page', () => {
    const head = ['Aditya Mahindru', 'Pradeep Patil', 'Varun Agrawal'].map((n) => `<meta name="citation_author" content="${n}">`).join('');
    expect(fb(page('<h1>Role of physical activity</h1>', head), undefined)).toBe('Aditya Mahindru, Pradeep Patil and Varun Agrawal');
  });

  it('prefers a person over a CMS login in the author meta tag', () => {
    const doc = page('<article><h1>Recent trends</h1><p class="byline">By Nirmita Panchal</p></article>', '<meta name="author" content="kffnirmitap">');
    expect(fb(doc, undefined)).toBe('Nirmita Panchal');
  });

  it('prefers a person over an Organization author in JSON-LD', () => {
    const ld = '<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Organization","name":"Corti"}}</script>';
    const doc = page('<article><h1>GIM: a new standard</h1><p>Written by Joakim Edin</p></article>', ld);
    expect(fb(doc, undefined)).toBe('Joakim Edin');
    expect(fb(page('<article><h1>GIM</h1><p>Text.</p></article>', ld), undefined)).toBe('Corti');
  });

  it('keeps the author of a personal site whose domain is their name', () => {
    const doc = page('<article><h1>Code Kata</h1><nav><a href="/people/">People</a></nav></article>', '<meta name="author" content="Ben Nadel">', 'https://www.bennadel.com/blog/code-kata.htm');
    expect(fb(doc, undefined)).toBe('Ben Nadel');
  });

  it('keeps post-nominal letters with a visible name', () => {
    const doc = page('<article><h1>Sleep training</h1><p>By Angela Holliday-Bell, MD, FAAP | May 2, 2024</p></article>');
    expect(fb(doc, undefined)).toBe('Angela Holliday-Bell, MD, FAAP');
  });

  it('finds the name under an "Article by" heading in an author box', () => {
    const doc = page('<article><h1>Proofs as types</h1><p>Body.</p></article><section><h2>Article by</h2><div>Matias Heikkilä</div></section>');
    expect(fb(doc, undefined)).toBe('Matias Heikkilä');
  });

  it('reads the name from the first line of an author box that starts with an avatar', () => {
    const doc = page('<article><h1>Pixel-perfect UI</h1><div class="blog-author"><img src="a.jpg"><div><h4>Bence Kovács</h4><p>Bence is a developer.</p></div></div></article>');
    expect(fb(doc, undefined)).toBe('Bence Kovács');
  });

  it('finds the name in a "Name | Role | Date" meta line', () => {
    const doc = page('<header><h1>How AI Is Transforming Healthcare</h1><p>Aaron Ricadela | Senior Writer | July 2, 2025</p></header>');
    expect(fb(doc, undefined)).toBe('Aaron Ricadela');
  });
});

describe('headlines', () => {
  it('takes the h1 that matches the first part of the title, not only the longest part', () => {
    const doc = page('<h1>How Much is Pet Insurance?</h1>');
    expect(ch(doc, ['How Much is Pet Insurance | 2025 Pet Insurance Cost Guide for Dogs & Cats'], undefined)).toBe('How Much is Pet Insurance?');
  });

  it('ignores a logo h1 that links to the front page', () => {
    const doc = page('<header><h1><a href="/">Silicon Exposed</a></h1></header><article><h2>Post</h2></article>');
    expect(ch(doc, ['A deep dive into FPGAs | Silicon Exposed'], undefined)).toBe('A deep dive into FPGAs');
  });

  it('uses the only h1 when the SEO title is worded differently', () => {
    const doc = page('<main><h1>Five innovative solutions to climate change</h1><p>Text.</p></main>');
    expect(ch(doc, ['Climate change: 5 ideas | Neste'], 'Neste')).toBe('Five innovative solutions to climate change');
  });

  it('reads a line break in the h1 as a space', () => {
    const doc = page('<main><h1>WEEKEND<br>CODING<br><span>AGENT</span></h1></main>');
    expect(ch(doc, [], undefined)).toBe('WEEKEND CODING AGENT');
  });

  it('drops a section label after a bar and the site name after a dash in the h1', () => {
    expect(ch(page('<main><h1>How meditation rewires brains | Opinion</h1></main>'), ['How meditation rewires brains | Opinion'], undefined)).toBe('How meditation rewires brains');
    expect(ch(page('<main><h1>Best UK Art Exhibitions 2025 – Artlyst</h1></main>'), ['Best UK Art Exhibitions 2025 – Artlyst - Artlyst'], 'Artlyst')).toBe('Best UK Art Exhibitions 2025');
  });

  it('strips the host name from a title without a separator, and parts that name the host', () => {
    expect(ch(page('<p>x</p>', '', 'https://davidbau.com/archives/vibe.html'), ['davidbau.com Vibe Coding'], undefined, 'davidbau.com')).toBe('Vibe Coding');
    expect(ch(page('<p>x</p>'), ['SoundStage! Xperience | SoundStageXperience.com - The Five Best Headphones'], undefined, 'www.soundstagexperience.com')).toBe('The Five Best Headphones');
  });

  it('takes the whole headline when the first metadata field cut it short', () => {
    expect(ch(page('<p>x</p>'), ['We Help 4 Readers Find Solutions (Including', 'We Help 4 Readers Find Solutions (Including One Trick) - Emily Henderson'], 'Emily Henderson')).toBe(
      'We Help 4 Readers Find Solutions (Including One Trick)',
    );
    expect(ch(page('<p>x</p>'), ['History of coffee', 'History of coffee - NCA'], undefined)).toBe('History of coffee');
  });

  it('takes a long h1 in the page header as the headline, a short one as the logo', () => {
    expect(ch(page('<header><h1>Everything You Need to Know About Online Classes</h1></header>'), ['Online Class: Definition and More'], undefined)).toBe('Everything You Need to Know About Online Classes');
    expect(ch(page('<header><h1>Ambuja Yoga</h1></header><main><p>x</p></main>'), ['Best Yoga Retreat Insurance | Ambuja Yoga'], undefined)).toBe('Best Yoga Retreat Insurance');
  });

  it('takes the first h1 in the article when several disagree with the metadata', () => {
    const doc = page('<main><h1>A Car Maintenance Schedule That’s Easy to Follow</h1></main><div class="modal"><h1>Select Your Location</h1></div>');
    expect(ch(doc, ['Easy Car Maintenance Checklist | Farm Bureau'], undefined)).toBe('A Car Maintenance Schedule That’s Easy to Follow');
  });

  it('prefers the metadata wording over an h1 set in capitals or led by a label or date', () => {
    expect(ch(page('<main><h1>BEST DRIP COFFEE MAKER IN 2026</h1></main>'), ['Best Drip Coffee Maker 2026'], undefined)).toBe('Best Drip Coffee Maker 2026');
    expect(ch(page('<main><h1>BEGINNER MARATHON PLAN</h1></main>'), ['Marathon Beginner Plan'], undefined)).toBe('BEGINNER MARATHON PLAN');
    expect(ch(page('<main><h1>Blog: Best Social Media Agencies in 2025</h1></main>'), ['Best Social Media Agencies in 2025 | Silverback'], undefined)).toBe('Best Social Media Agencies in 2025');
    expect(ch(page('<main><h1>Dec 18 2025 Preparing a transition in Debusine</h1></main>'), ['Preparing a transition in Debusine'], undefined)).toBe('Preparing a transition in Debusine');
    expect(ch(page('<main><h1>The Best Home Security Cameras of 2026</h1></main>'), ['Best Home Security Cameras of 2026'], undefined)).toBe('The Best Home Security Cameras of 2026');
  });

  it('does not take a pull-quote h1 inside the article text as the headline', () => {
    const prose = '<p>' + 'People told us many things about Rust and why they keep using it every day. '.repeat(4) + '</p>';
    const doc = page(`<main>${prose}<h1>But what they love is the sense of empowerment</h1>${prose}</main>`);
    expect(ch(doc, ['What do people love about Rust? | Rust Blog'], undefined)).toBe('What do people love about Rust?');
  });

  it('repairs UTF-8 read as Latin-1 in a headline', () => {
    const doc = page('<main><h1>A DIY Investor\u00e2\u0080\u0099s Guide</h1></main>');
    expect(ch(doc, [], undefined)).toBe('A DIY Investor’s Guide');
  });

  it('does not take a sentence-like h1 over the metadata title', () => {
    const doc = page('<main><h1>Take a look at the top tools for data analysis and learn how to choose one.</h1></main>');
    expect(ch(doc, ['Top 24 tools for data analysis'], undefined)).toBe('Top 24 tools for data analysis');
  });
});
