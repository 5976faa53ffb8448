// @vitest-environment jsdom
/** Article → Markdown and → clean HTML: pure functions over the sanitised body. */
import { describe, expect, test } from 'vitest';
import { articleToMarkdown, escapeMarkdown } from '../../src/export/markdown.ts';
import { articleToHtml, exportFileName } from '../../src/export/clean-html.ts';

const META = { title: 'A *bold* claim', url: 'https://news.example/a?b=1', byline: 'Jo Writer', siteName: 'News', published: '2020-01-03' };

function body(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('markdown', () => {
  test('a header with title, byline and source, then the body', () => {
    const md = articleToMarkdown(META, body('<p>Hello <strong>world</strong>.</p>'));
    expect(md).toBe('# A \\*bold\\* claim\n\nBy Jo Writer · News · 2020-01-03\n\nSource: <https://news.example/a?b=1>\n\nHello **world**.\n');
  });

  test('headings, emphasis, links, images, code and rules', () => {
    const md = articleToMarkdown({ title: 'T', url: 'https://x.example/' }, body(
      '<h2>Part one</h2><p>Some <em>soft</em> and <a href="https://e.example/p(1)">linked</a> text, <code>a_b</code>.</p>'
      + '<figure><img src="https://e.example/i.png" alt="A chart"><figcaption>The chart</figcaption></figure><hr>'
      + '<pre><code>const x = 1;\nconst y = 2;\n</code></pre>'));
    expect(md).toContain('## Part one');
    expect(md).toContain('Some _soft_ and [linked](https://e.example/p%281%29) text, `a_b`.');
    expect(md).toContain('![A chart](https://e.example/i.png)\n\n_The chart_');
    expect(md).toContain('---');
    expect(md).toContain('```\nconst x = 1;\nconst y = 2;\n```');
  });

  test('lists, nested lists and quotes', () => {
    const md = articleToMarkdown({ title: 'T', url: 'u' }, body(
      '<ul><li>one</li><li>two<ol><li>first</li><li>second</li></ol></li></ul><blockquote><p>Quoted</p><p>twice</p></blockquote>'));
    expect(md).toContain('- one\n- two\n\n  1. first\n  2. second');
    expect(md).toContain('> Quoted\n>\n> twice');
  });

  test('tables become GFM tables', () => {
    const md = articleToMarkdown({ title: 'T', url: 'u' }, body('<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>5</td></tr></table>'));
    expect(md).toContain('| Name | Age |\n| --- | --- |\n| Ann | 5 |');
  });

  test('text that looks like syntax is escaped; javascript: links lose their target', () => {
    expect(escapeMarkdown('1. not a list *or* [link]')).toBe('1\\. not a list \\*or\\* \\[link\\]');
    const md = articleToMarkdown({ title: 'T', url: 'u' }, body('<p><a href="javascript:alert(1)">click</a></p>'));
    expect(md).toContain('\n\nclick\n');
    expect(md).not.toContain('javascript:');
  });
});

describe('clean html', () => {
  test('a standalone, escaped document without reader plumbing', () => {
    const b = body('<h2 id="clearread-section-1" tabindex="-1">Part</h2><p>Text</p>');
    const html = articleToHtml({ ...META, title: 'Fish & <chips>' }, b, 'en');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<title>Fish &amp; &lt;chips&gt;</title>');
    expect(html).toContain('<h2>Part</h2><p>Text</p>');
    expect(html).toContain('href="https://news.example/a?b=1"');
    expect(html).not.toContain('<script');
    expect(b.querySelector('h2')!.id).toBe('clearread-section-1'); // the live body is untouched
  });

  test('file names are slugs of the title', () => {
    expect(exportFileName('Iran Promises “Harsh Retaliation”', 'md')).toBe('iran-promises-harsh-retaliation.md');
    expect(exportFileName('???', 'html')).toBe('article.html');
  });
});
