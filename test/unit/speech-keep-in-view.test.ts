// @vitest-environment jsdom
/**
 * The sentence being read stays in view: scrolled to a third of the way down when it leaves the
 * band under the toolbar, smoothly, or at once when the user asked for reduced motion; left alone
 * while visible.
 */
import { describe, expect, test, vi } from 'vitest';
import { keepInView } from '../../src/reader/speech/speaking-mark.ts';

const rect = (top: number, bottom: number) => ({ top, bottom, left: 0, right: 100, width: 100, height: bottom - top, x: 0, y: top, toJSON() {} }) as DOMRect;

function setup(sentenceTop: number, reduced: boolean) {
  const scroller = document.createElement('div');
  const sentence = document.createElement('span');
  scroller.append(sentence);
  document.body.replaceChildren(scroller);
  vi.spyOn(scroller, 'getBoundingClientRect').mockReturnValue(rect(0, 600));
  vi.spyOn(sentence, 'getBoundingClientRect').mockReturnValue(rect(sentenceTop, sentenceTop + 30));
  const calls: ScrollToOptions[] = [];
  scroller.scrollBy = ((o: ScrollToOptions) => void calls.push(o)) as typeof scroller.scrollBy;
  window.matchMedia = ((q: string) => ({ matches: reduced && q.includes('reduce') })) as unknown as typeof window.matchMedia;
  keepInView(sentence, scroller, 60);
  return calls;
}

describe('keep the sentence in view', () => {
  test('below the view: scrolled smoothly to a third of the band', () => {
    const [call] = setup(900, false);
    expect(call!.behavior).toBe('smooth');
    expect(call!.top).toBeCloseTo(900 - (68 + (584 - 68) / 3), 5);
  });
  test('under the toolbar: scrolled back', () => {
    expect(setup(20, false)[0]!.top).toBeLessThan(0);
  });
  test('reduced motion: at once', () => {
    expect(setup(900, true)[0]!.behavior).toBe('instant');
  });
  test('already visible: not moved', () => {
    expect(setup(300, false)).toEqual([]);
  });
});
