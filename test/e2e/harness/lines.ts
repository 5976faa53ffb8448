/**
 * Characters per line as a reader sees them: every character of the article's paragraphs is
 * located with a Range, characters are grouped into the rendered lines they sit on, and each
 * line is counted from its first to its last visible character. A paragraph's last line is
 * usually short by nature, so only the other ("full") lines are reported.
 */
import type { Page } from 'puppeteer-core';

export interface LineStats {
  /** Characters on each full line, in order. */
  full: number[];
  median: number;
  mean: number;
  max: number;
}

export function lineStats(page: Page): Promise<LineStats> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-reader-overlay]')!.shadowRoot!;
    const body = root.querySelector('[data-reader-body]')!;
    const full: number[] = [];
    const range = document.createRange();
    for (const p of body.querySelectorAll('p')) {
      // Prose paragraphs only: not captions, quotes or list items, which are set differently.
      if (p.closest('figure, blockquote, li, td, th, pre')) continue;
      const lines: string[] = [];
      let lastTop = Number.NEGATIVE_INFINITY;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const text = node.data;
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (rect.top > lastTop + rect.height / 2) {
            lines.push('');
            lastTop = rect.top;
          }
          lines[lines.length - 1] += text[i]!;
        }
      }
      for (const line of lines.slice(0, -1)) full.push(line.replace(/\s+/g, ' ').trim().length);
    }
    const sorted = [...full].sort((a, b) => a - b);
    return {
      full,
      median: sorted.length ? sorted[sorted.length >> 1]! : 0,
      mean: full.length ? full.reduce((a, b) => a + b, 0) / full.length : 0,
      max: sorted.at(-1) ?? 0,
    };
  });
}
