/** Text of an HTML fragment with a break between blocks (the expected output of Readability's test pages). */
import { JSDOM } from 'jsdom';
import { blockText } from '../../src/extract/block-text.ts';

export function htmlText(html: string): string {
  const dom = new JSDOM(html);
  try {
    return blockText(dom.window.document.body);
  } finally {
    dom.window.close();
  }
}
