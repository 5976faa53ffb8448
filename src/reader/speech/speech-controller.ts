/**
 * Read-aloud as a state machine over a list of sentences: one utterance per sentence, the next
 * one started when the engine reports the end of the last. Pausing cancels the utterance and
 * resumes from the last word the engine reported (or the sentence's start): engines differ in
 * whether pause() works mid-utterance, cancel() works everywhere. Every utterance carries a
 * token, so the late `end`/`error` of a cancelled one is never taken for the current one's.
 * Pure (the engine and the clock are passed in).
 */
import type { SpeechEngine } from './speech-engine.ts';
import type { Sentence } from './sentences.ts';
import { chooseVoice, type VoiceInfo } from './voices.ts';

export type SpeechStatus = 'loading' | 'idle' | 'playing' | 'paused' | 'unavailable';
/** Why read-aloud cannot run: no speech API, no voice installed, or the engine failed. */
export type Unavailable = 'unsupported' | 'no-voices' | 'failed' | 'blocked';

export interface SpeechState {
  status: SpeechStatus;
  /** The current sentence, -1 when none. */
  index: number;
  /** The word being spoken, in the same offsets as the sentence's, when the engine reports words. */
  word: { start: number; end: number } | undefined;
  voice: VoiceInfo | undefined;
  /** No voice speaks the article's language; `voice` is another language's. */
  otherLanguage: boolean;
  reason: Unavailable | undefined;
  /** Set once, when the last sentence has been read. */
  finished: boolean;
}

export interface ControllerOptions {
  engine: SpeechEngine;
  sentences: Sentence[];
  lang: string | undefined;
  uiLang: string | undefined;
  rate: number;
  /** Voice per language the user chose before (see settings). */
  remembered: Record<string, string>;
  onChange(state: SpeechState): void;
  /** How long to wait for voices before saying there are none. */
  voiceWaitMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export interface SpeechController {
  state(): SpeechState;
  sentences(): Sentence[];
  /** Starts (at `index`, or where it stopped) or resumes. */
  play(index?: number): void;
  pause(): void;
  stop(): void;
  /** Moves by sentences (±1) or paragraphs; keeps playing if playing. */
  step(delta: number, unit: 'sentence' | 'paragraph'): void;
  setRate(rate: number): void;
  setVoice(voice: VoiceInfo): void;
  setRemembered(remembered: Record<string, string>): void;
  /** New sentences (the skip choices changed); `index` is where the current one landed. */
  replaceSentences(sentences: Sentence[], index: number): void;
  voices(): VoiceInfo[];
  destroy(): void;
}

/** Spoken-text offset → offset in the paragraph (the spoken text has its white space collapsed). */
function spokenToSource(sentence: Sentence): number[] {
  const map: number[] = [];
  let prevSpace = false;
  for (let i = 0; i < sentence.raw.length; i++) {
    const space = /\s/.test(sentence.raw[i]!);
    if (space && prevSpace) continue;
    map.push(sentence.start + i);
    prevSpace = space;
  }
  map.push(sentence.end);
  return map;
}

export function createSpeechController(options: ControllerOptions): SpeechController {
  const { engine } = options;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  let sentences = options.sentences;
  let rate = options.rate;
  let remembered = options.remembered;
  let voiceList: VoiceInfo[] = engine.supported ? engine.voices() : [];
  let picked: VoiceInfo | undefined; // chosen by the user in this session
  let token = 0;
  let resumeAt = 0; // spoken-text offset to resume from
  let pendingPlay: number | undefined | null = null;
  let wait: unknown;
  const st: SpeechState = {
    status: 'idle', index: -1, word: undefined, voice: undefined, otherLanguage: false, reason: undefined, finished: false,
  };
  const emit = () => options.onChange({ ...st });

  const choose = () => {
    const choice = chooseVoice(voiceList, options.lang, remembered, options.uiLang);
    st.voice = picked && voiceList.some((v) => v.uri === picked!.uri) ? picked : choice.voice;
    st.otherLanguage = st.voice === choice.voice ? choice.otherLanguage : false;
  };

  const speakCurrent = () => {
    const my = ++token;
    const sentence = sentences[st.index];
    if (!sentence) return finish();
    st.status = 'playing';
    st.word = undefined;
    st.finished = false;
    const offset = resumeAt;
    const text = sentence.text.slice(offset);
    let map: number[] | undefined;
    emit();
    engine.speak(text, { voice: st.voice, rate, lang: options.lang }, {
      onStart: () => {},
      onWord: (charIndex, charLength) => {
        if (my !== token) return;
        const at = offset + charIndex;
        const length = charLength ?? (/^\S+/.exec(sentence.text.slice(at))?.[0].length ?? 0);
        if (length <= 0) return;
        resumeAt = at;
        // Word offsets in the spoken text → the sentence's own offsets (white space differs).
        map ??= spokenToSource(sentence);
        const start = map[at];
        const end = map[Math.min(at + length, map.length - 1)];
        if (start !== undefined && end !== undefined) {
          st.word = { start, end };
          emit();
        }
      },
      onEnd: () => {
        if (my !== token) return;
        resumeAt = 0;
        st.index += 1;
        if (st.index >= sentences.length) finish();
        else speakCurrent();
      },
      onError: (error) => {
        if (my !== token) return;
        token++;
        if (error === 'interrupted' || error === 'canceled') {
          // Cancelled by someone else (the page, another reader): hold where we are.
          st.status = 'paused';
        } else if (error === 'not-allowed') {
          st.status = 'paused';
          st.reason = 'blocked';
        } else {
          st.status = 'idle';
          st.reason = 'failed';
        }
        st.word = undefined;
        emit();
      },
    });
  };

  const finish = () => {
    token++;
    st.status = 'idle';
    st.index = -1;
    st.word = undefined;
    st.finished = true;
    resumeAt = 0;
    emit();
    st.finished = false;
  };

  const voicesArrived = () => {
    voiceList = engine.voices();
    if (!voiceList.length) return;
    if (wait !== undefined) clearTimer(wait);
    wait = undefined;
    choose();
    if (st.status === 'loading' || st.status === 'unavailable') {
      st.status = 'idle';
      st.reason = undefined;
      const start = pendingPlay;
      pendingPlay = null;
      if (start !== null) {
        controller.play(start);
        return;
      }
    }
    emit();
  };

  const unsubscribe = engine.onVoicesChanged(voicesArrived);
  if (!engine.supported) {
    st.status = 'unavailable';
    st.reason = 'unsupported';
  } else if (!voiceList.length) {
    st.status = 'loading';
    wait = setTimer(() => {
      wait = undefined;
      voiceList = engine.voices();
      if (voiceList.length) return voicesArrived();
      st.status = 'unavailable';
      st.reason = 'no-voices';
      pendingPlay = null;
      emit();
    }, options.voiceWaitMs ?? 10_000);
  } else {
    choose();
  }

  const controller: SpeechController = {
    state: () => ({ ...st }),
    sentences: () => sentences,
    voices: () => voiceList,
    play(index) {
      if (st.status === 'unavailable') {
        emit();
        return;
      }
      if (st.status === 'loading') {
        pendingPlay = index;
        emit();
        return;
      }
      if (!sentences.length) return;
      if (index !== undefined) {
        st.index = Math.max(0, Math.min(sentences.length - 1, index));
        resumeAt = 0;
      } else if (st.index < 0) {
        st.index = 0;
        resumeAt = 0;
      }
      st.reason = undefined;
      engine.cancel();
      speakCurrent();
    },
    pause() {
      if (st.status === 'loading') {
        pendingPlay = null;
        emit();
        return;
      }
      if (st.status !== 'playing') return;
      token++;
      engine.cancel();
      st.status = 'paused';
      emit();
    },
    stop() {
      pendingPlay = null;
      if (st.status === 'playing') engine.cancel();
      token++;
      if (st.status !== 'loading' && st.status !== 'unavailable') st.status = 'idle';
      st.index = -1;
      st.word = undefined;
      resumeAt = 0;
      emit();
    },
    step(delta, unit) {
      if (st.index < 0 || (st.status !== 'playing' && st.status !== 'paused')) return;
      let target = st.index;
      if (unit === 'sentence') {
        target = st.index + delta;
      } else {
        const here = sentences[st.index]!.paragraph;
        if (delta > 0) {
          target = sentences.findIndex((s) => s.paragraph > here);
          if (target < 0) target = sentences.length;
        } else {
          const previous = [...sentences.slice(0, st.index)].reverse().find((s) => s.paragraph < here)?.paragraph;
          target = previous === undefined ? 0 : sentences.findIndex((s) => s.paragraph === previous);
        }
      }
      if (target >= sentences.length) {
        if (st.status === 'playing') engine.cancel();
        finish();
        return;
      }
      st.index = Math.max(0, target);
      resumeAt = 0;
      st.word = undefined;
      if (st.status === 'playing') {
        engine.cancel();
        speakCurrent();
      } else {
        emit();
      }
    },
    setRate(next) {
      rate = next;
      if (st.status === 'playing') {
        engine.cancel();
        speakCurrent();
      }
    },
    setVoice(voice) {
      picked = voice;
      choose();
      if (st.status === 'playing') {
        engine.cancel();
        speakCurrent();
      } else {
        emit();
      }
    },
    setRemembered(next) {
      remembered = next;
      if (!picked && voiceList.length) {
        const before = st.voice?.uri;
        choose();
        if (st.voice?.uri !== before) emit();
      }
    },
    replaceSentences(list, index) {
      const wasPlaying = st.status === 'playing';
      if (wasPlaying) {
        token++;
        engine.cancel();
      }
      sentences = list;
      if (st.index >= 0) {
        st.index = Math.min(index, list.length - 1);
        resumeAt = 0;
      }
      if (wasPlaying && st.index >= 0) speakCurrent();
      else emit();
    },
    destroy() {
      token++;
      if (wait !== undefined) clearTimer(wait);
      unsubscribe();
      if (st.status === 'playing') engine.cancel();
    },
  };
  return controller;
}
