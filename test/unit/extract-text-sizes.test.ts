import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { TextSizes } from '../../src/extract/text-sizes.ts';

describe('TextSizes', () => {
  it('counts non-space characters under each element and keeps ancestors current on removal', () => {
    const doc = new JSDOM('<div id="a"> <p id="b">Hello\u00a0 world</p><section id="c"><span id="d">Share  this</span><!-- note --></section></div>').window.document;
    const $ = (id: string) => doc.getElementById(id)!;
    const sizes = new TextSizes($('a'));
    expect(sizes.of($('b'))).toBe(10);
    expect(sizes.of($('c'))).toBe(9);
    expect(sizes.of($('a'))).toBe(19);
    sizes.remove($('d'));
    expect(sizes.of($('c'))).toBe(0);
    expect(sizes.of($('a'))).toBe(10);
    expect(doc.getElementById('d')).toBeNull();
  });
});
