/**
 * The speech engine behind a small interface, so the controller is tested without a browser and
 * the Web Speech API's quirks are handled in one place:
 * - voices arrive seconds after start (Chromium with speech-dispatcher: 1–5 s), announced by
 *   `voiceschanged`, possibly more than once;
 * - an utterance nobody holds a reference to can be garbage-collected before it ends (Chromium),
 *   and then its `end` never comes: the current one is kept;
 * - `cancel()` ends the current utterance with an `error` ("interrupted"/"canceled") or an `end`
 *   event, depending on the browser: callers tell their own utterances apart (see the controller).
 */
import type { VoiceInfo } from './voices.ts';

export interface SpeakHandlers {
  onStart(): void;
  /** A word boundary reported by the engine (character index into the spoken text). */
  onWord(charIndex: number, charLength: number | undefined): void;
  onEnd(): void;
  onError(error: string): void;
}

export interface SpeakOptions {
  voice: VoiceInfo | undefined;
  rate: number;
  lang: string | undefined;
}

export interface SpeechEngine {
  /** False when the browser has no speech synthesis at all. */
  readonly supported: boolean;
  voices(): VoiceInfo[];
  /** Called whenever the list of voices changes. Returns the unsubscribe function. */
  onVoicesChanged(listener: () => void): () => void;
  speak(text: string, options: SpeakOptions, handlers: SpeakHandlers): void;
  cancel(): void;
}

export function webSpeechEngine(win: Window): SpeechEngine {
  const synth = (win as Window & { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  const Utterance = (win as unknown as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance }).SpeechSynthesisUtterance;
  let native = new Map<string, SpeechSynthesisVoice>();
  let current: SpeechSynthesisUtterance | undefined;

  const voices = (): VoiceInfo[] => {
    if (!synth) return [];
    native = new Map();
    return synth.getVoices().map((v) => {
      native.set(v.voiceURI, v);
      return { uri: v.voiceURI, name: v.name, lang: v.lang, isDefault: v.default, local: v.localService };
    });
  };

  return {
    supported: !!synth && !!Utterance,
    voices,
    onVoicesChanged(listener) {
      if (!synth) return () => {};
      synth.addEventListener('voiceschanged', listener);
      return () => synth.removeEventListener('voiceschanged', listener);
    },
    speak(text, options, handlers) {
      if (!synth || !Utterance) {
        handlers.onError('unsupported');
        return;
      }
      const utterance = new Utterance(text);
      if (options.voice) {
        if (!native.has(options.voice.uri)) voices();
        const voice = native.get(options.voice.uri);
        if (voice) utterance.voice = voice;
        utterance.lang = options.voice.lang;
      } else if (options.lang) {
        utterance.lang = options.lang;
      }
      utterance.rate = options.rate;
      utterance.addEventListener('start', () => handlers.onStart());
      utterance.addEventListener('boundary', (e) => {
        if (e.name === 'word') handlers.onWord(e.charIndex, (e as SpeechSynthesisEvent & { charLength?: number }).charLength || undefined);
      });
      utterance.addEventListener('end', () => {
        if (current === utterance) current = undefined;
        handlers.onEnd();
      });
      utterance.addEventListener('error', (e) => {
        if (current === utterance) current = undefined;
        handlers.onError(e.error);
      });
      current = utterance;
      // A paused queue (another reader, the page) would hold this utterance back silently.
      if (synth.paused) synth.resume();
      synth.speak(utterance);
    },
    cancel() {
      current = undefined;
      synth?.cancel();
    },
  };
}
