/**
 * The read-aloud state machine against a scripted engine: one utterance per sentence, pause and
 * resume from the last reported word, late events of cancelled utterances ignored, skipping,
 * waiting for voices that arrive late, saying so when none come, and word marks only from the
 * engine's own boundaries. The real engine is tested end to end (read-aloud.e2e.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { createSpeechController, type SpeechState } from '../../src/reader/speech/speech-controller.ts';
import type { SpeakHandlers, SpeechEngine } from '../../src/reader/speech/speech-engine.ts';
import type { Sentence } from '../../src/reader/speech/sentences.ts';
import type { VoiceInfo } from '../../src/reader/speech/voices.ts';

const EN: VoiceInfo = { uri: 'en', name: 'English', lang: 'en-GB', isDefault: false, local: true };
const AF: VoiceInfo = { uri: 'af', name: 'Afrikaans', lang: 'af', isDefault: true, local: true };

function fakeEngine(voices: VoiceInfo[] = [AF, EN]) {
  const spoken: { text: string; rate: number; voice?: string; h: SpeakHandlers }[] = [];
  const listeners = new Set<() => void>();
  let list = voices;
  let cancels = 0;
  const engine: SpeechEngine = {
    supported: true,
    voices: () => list,
    onVoicesChanged: (l) => (listeners.add(l), () => listeners.delete(l)),
    speak: (text, o, h) => void spoken.push({ text, rate: o.rate, voice: o.voice?.uri, h }),
    cancel: () => void cancels++,
  };
  return {
    engine, spoken,
    last: () => spoken.at(-1)!,
    cancels: () => cancels,
    arrive(next: VoiceInfo[]) { list = next; listeners.forEach((l) => l()); },
  };
}

const S = (paragraph: number, text: string, start = 0): Sentence => ({ paragraph, start, end: start + text.length, text, raw: text });
const SENTENCES = [S(0, 'One.'), S(0, 'Two words here.', 5), S(1, 'Three.'), S(2, 'Four.'), S(2, 'Five.', 6)];

function setup(options: { voices?: VoiceInfo[]; wait?: number } = {}) {
  const fake = fakeEngine(options.voices);
  const states: SpeechState[] = [];
  const timers: (() => void)[] = [];
  const c = createSpeechController({
    engine: fake.engine, sentences: SENTENCES, lang: 'en', uiLang: 'en-US', rate: 1, remembered: {},
    onChange: (s) => states.push(s), voiceWaitMs: options.wait ?? 10_000,
    setTimer: (fn) => timers.push(fn), clearTimer: () => {},
  });
  return { c, fake, states, last: () => states.at(-1)!, fireTimers: () => timers.splice(0).forEach((t) => t()) };
}

describe('speech controller', () => {
  test('speaks one sentence per utterance, in order, in the article\'s language, and finishes', () => {
    const { c, fake, last } = setup();
    c.play(0);
    expect(fake.last().text).toBe('One.');
    expect(fake.last().voice).toBe('en');
    for (const expected of ['Two words here.', 'Three.', 'Four.', 'Five.']) {
      fake.last().h.onEnd();
      expect(fake.last().text).toBe(expected);
      expect(last().status).toBe('playing');
    }
    fake.last().h.onEnd();
    expect(last()).toMatchObject({ status: 'idle', index: -1, finished: true });
    expect(fake.spoken).toHaveLength(5);
  });

  test('pause cancels, ignores the cancelled utterance\'s late events, and resumes from the last word', () => {
    const { c, fake, last } = setup();
    c.play(1);
    const first = fake.last();
    first.h.onWord(4, 5); // "words"
    expect(last().word).toEqual({ start: 9, end: 14 });
    c.pause();
    expect(last().status).toBe('paused');
    expect(fake.cancels()).toBeGreaterThan(0);
    first.h.onError('interrupted'); // late, from the cancel
    first.h.onEnd();
    expect(last().status).toBe('paused');
    expect(last().index).toBe(1);
    c.play();
    expect(fake.last().text).toBe('words here.');
    fake.last().h.onWord(6, 4); // "here" in the resumed text
    expect(last().word).toEqual({ start: 15, end: 19 });
  });

  test('no word mark unless the engine reports words', () => {
    const { c, fake, states } = setup();
    c.play(0);
    fake.last().h.onEnd();
    expect(states.every((s) => s.word === undefined)).toBe(true);
  });

  test('sentence and paragraph steps, playing or paused', () => {
    const { c, fake, last } = setup();
    c.play(0);
    c.step(1, 'paragraph');
    expect(fake.last().text).toBe('Three.');
    c.step(1, 'paragraph');
    expect(fake.last().text).toBe('Four.');
    c.step(-1, 'paragraph');
    expect(fake.last().text).toBe('Three.');
    c.step(-1, 'sentence');
    expect(fake.last().text).toBe('Two words here.');
    c.pause();
    const count = fake.spoken.length;
    c.step(1, 'sentence');
    expect(last()).toMatchObject({ status: 'paused', index: 2 });
    expect(fake.spoken).toHaveLength(count);
    c.step(1, 'paragraph');
    c.step(1, 'paragraph');
    expect(last()).toMatchObject({ status: 'idle', index: -1 });
  });

  test('stop clears the sentence; speed and voice changes restart the sentence', () => {
    const { c, fake, last } = setup();
    c.play(2);
    c.setRate(2);
    expect(fake.last()).toMatchObject({ text: 'Three.', rate: 2 });
    c.setVoice(AF);
    expect(fake.last()).toMatchObject({ text: 'Three.', voice: 'af' });
    c.stop();
    expect(last()).toMatchObject({ status: 'idle', index: -1, word: undefined });
  });

  test('a remembered voice for the language wins while it is installed', () => {
    const fake = fakeEngine([AF, EN, { ...EN, uri: 'en2', name: 'English+Variant' }]);
    const c = createSpeechController({ engine: fake.engine, sentences: SENTENCES, lang: 'en', uiLang: 'en', rate: 1, remembered: { en: 'en2' }, onChange: () => {} });
    expect(c.state().voice?.uri).toBe('en2');
    c.setRemembered({ en: 'gone' });
    expect(c.state().voice?.uri).toBe('en');
  });

  test('voices that arrive late: a press while waiting starts reading when they come', () => {
    const { c, fake, last } = setup({ voices: [] });
    expect(last()?.status ?? c.state().status).toBe('loading');
    c.play(3);
    expect(fake.spoken).toHaveLength(0);
    fake.arrive([AF, EN]);
    expect(fake.last()).toMatchObject({ text: 'Four.', voice: 'en' });
  });

  test('no voices after the wait: unavailable, with the reason; voices arriving later still help', () => {
    const { c, fake, last, fireTimers } = setup({ voices: [] });
    c.play();
    fireTimers();
    expect(last()).toMatchObject({ status: 'unavailable', reason: 'no-voices' });
    c.play();
    expect(fake.spoken).toHaveLength(0);
    fake.arrive([EN]);
    expect(last()).toMatchObject({ status: 'idle', reason: undefined });
  });

  test('an engine error other than a cancel stops with a reason; a foreign cancel pauses', () => {
    const a = setup();
    a.c.play(0);
    a.fake.last().h.onError('synthesis-failed');
    expect(a.last()).toMatchObject({ status: 'idle', reason: 'failed' });
    const b = setup();
    b.c.play(0);
    b.fake.last().h.onError('interrupted');
    expect(b.last()).toMatchObject({ status: 'paused', index: 0 });
  });
});
