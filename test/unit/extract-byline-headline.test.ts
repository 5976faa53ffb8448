// Bylines and headlines that broke on real pages (WCXB dev), reduced to the markup that matters.
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { cleanName, findByline } from '../../src/extract/byline.ts';
import { chooseHeadline } from '../../src/extract/headline.ts';

const page = (body: string, head = '', url = 'https://example.com/blog/a-post') =>
  new JSDOM(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`, { url }).window.document;

describe('bylines', () => {
  it('drops a job title glued to the name without a space', () => {
    expect(cleanName('Stephen JesudunsinAI Writer, Embarque')).toBe('Stephen Jesudunsin');
    expect(cleanName('Harry RabinowitzTech Reporter')).toBe('Harry Rabinowitz');
    expect(cleanName('Reyan PerumalPublished')).toBe('Reyan Perumal');
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
    expect(findByline(doc, undefined, 'One Tree Planted')).toBe('Meaghan Weeden');
  });

  it('keeps the organisation when no person is named', () => {
    const doc = page('<article><h1>How to grow tomatoes</h1><p>Text.</p></article>', '<meta name="author" content="One Tree Planted">');
    expect(findByline(doc, undefined, 'One Tree Planted')).toBe('One Tree Planted');
  });

  it('finds a visible "By Name" byline with no author markup', () => {
    const doc = page('<div class="header"><h1>The History of Coffee</h1><div class="meta"><p><time>Mar 24, 2025</time></p><p>By Amy Wilhelm</p></div></div><p>Body.</p>');
    expect(findByline(doc, undefined)).toBe('Amy Wilhelm');
  });

  it('finds the name after a "Written by" label', () => {
    const doc = page('<div><h1>Packing tips</h1><div><div><p>Written by</p><p>Edzel Tabing</p></div></div></div>');
    expect(findByline(doc, undefined)).toBe('Edzel Tabing');
  });

  it('finds the name in a "Name | Role | Date" meta line', () => {
    const doc = page('<header><h1>How AI Is Transforming Healthcare</h1><p>Aaron Ricadela | Senior Writer | July 2, 2025</p></header>');
    expect(findByline(doc, undefined)).toBe('Aaron Ricadela');
  });
});

describe('headlines', () => {
  it('takes the h1 that matches the first part of the title, not only the longest part', () => {
    const doc = page('<h1>How Much is Pet Insurance?</h1>');
    expect(chooseHeadline(doc, ['How Much is Pet Insurance | 2025 Pet Insurance Cost Guide for Dogs & Cats'], undefined)).toBe('How Much is Pet Insurance?');
  });

  it('ignores a logo h1 that links to the front page', () => {
    const doc = page('<header><h1><a href="/">Silicon Exposed</a></h1></header><article><h2>Post</h2></article>');
    expect(chooseHeadline(doc, ['A deep dive into FPGAs | Silicon Exposed'], undefined)).toBe('A deep dive into FPGAs');
  });

  it('uses the only h1 when the SEO title is worded differently', () => {
    const doc = page('<main><h1>Five innovative solutions to climate change</h1><p>Text.</p></main>');
    expect(chooseHeadline(doc, ['Climate change: 5 ideas | Neste'], 'Neste')).toBe('Five innovative solutions to climate change');
  });

  it('does not take a sentence-like h1 over the metadata title', () => {
    const doc = page('<main><h1>Take a look at the top tools for data analysis and learn how to choose one.</h1></main>');
    expect(chooseHeadline(doc, ['Top 24 tools for data analysis'], undefined)).toBe('Top 24 tools for data analysis');
  });
});
