/**
 * Read aloud in the reader: a Listen button (data-reader-action="listen") that plays and pauses,
 * and a player row with previous/next sentence and paragraph, stop, speed, voice and what else to
 * read. Attached with one call; see feature-host.ts for what it needs from the overlay.
 */
import { SPEECH_RATES, SPEECH_SKIPPABLE, type Settings, type SpeechSkip } from '../../settings/schema.ts';
import { updateSettings, watchSettings } from '../../settings/settings-store.ts';
import { addStyles, el, featureButton, setLabel } from '../dom-helpers.ts';
import { isPlainKey, type ReaderFeature, type ReaderFeatureHost } from '../feature-host.ts';
import { ts as t, type SpeechString } from './speech-strings.ts';
import { offsetOf } from '../text/text-index.ts';
import { collectParagraphs, ownText, type Paragraph } from './readable-text.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { createSpeechController, type SpeechController, type SpeechState, type Unavailable } from './speech-controller.ts';
import { webSpeechEngine, type SpeechEngine } from './speech-engine.ts';
import { keepInView, speakingMark } from './speaking-mark.ts';
import { isOnline, languageKey, voicesFor, type VoiceInfo } from './voices.ts';
import featuresCss from '../features.css?inline';
import css from './read-aloud.css?inline';

/** The key that plays and pauses while the reader is open (as in video players). */
export const LISTEN_KEY = 'k';

const REASONS: Record<Unavailable, SpeechString> = {
  'unsupported': 'speechUnsupported',
  'no-voices': 'speechNoVoices',
  'failed': 'speechFailed',
  'blocked': 'speechBlocked',
};

export interface ReadAloudOptions {
  engine?: SpeechEngine;
  uiLang?: string;
  voiceWaitMs?: number;
}

const IGNORED_CLICK_TARGETS = 'a, button, input, select, textarea, summary, label, mark[data-reader-highlight], [data-reader-action]';

export function attachReadAloud(host: ReaderFeatureHost, options: ReadAloudOptions = {}): ReaderFeature {
  const { doc, root } = host;
  const win = doc.defaultView ?? window;
  const uiLang = options.uiLang ?? win.navigator.language;
  addStyles(root, 'features', featuresCss);
  addStyles(root, 'read-aloud', css);
  let settings: Settings = host.settings;
  const skip = (): SpeechSkip => settings.speechSkip;

  // Toolbar: the one play/pause control.
  const listen = featureButton(doc, '', t('listenLabel'), () => toggle());
  listen.setAttribute('data-reader-action', 'listen');
  listen.classList.add('listen');
  listen.title = t('listenTitle');
  // The play/pause glyph is drawn by CSS: the accessible name must hold the visible text, and only it.
  const word = el(doc, 'span', { class: 'listen-word', 'aria-hidden': 'true' }, t('listen'));
  listen.append(word);
  host.controls.append(listen);

  // The player row, shown once reading has started.
  const panel = el(doc, 'div', { class: 'read-aloud', role: 'group', 'aria-label': t('readAloud') });
  panel.hidden = true;
  const nav = (glyph: string, label: SpeechString, act: () => void) => featureButton(doc, glyph, t(label), act);
  const prevParagraph = nav('«', 'previousParagraph', () => controller?.step(-1, 'paragraph'));
  const prevSentence = nav('‹', 'previousSentence', () => controller?.step(-1, 'sentence'));
  const nextSentence = nav('›', 'nextSentence', () => controller?.step(1, 'sentence'));
  const nextParagraph = nav('»', 'nextParagraph', () => controller?.step(1, 'paragraph'));
  const stop = nav('■', 'stopReading', () => stopReading());
  const moves = [prevParagraph, prevSentence, nextSentence, nextParagraph];

  const rateId = 'clearread-speech-rate';
  const rate = el(doc, 'select', { id: rateId });
  const format = new Intl.NumberFormat(uiLang, { maximumFractionDigits: 2 });
  for (const r of SPEECH_RATES) rate.append(el(doc, 'option', { value: String(r) }, `${format.format(r)}×`));
  rate.value = String(settings.speechRate);
  rate.addEventListener('change', (event) => {
    if (!event.isTrusted) return;
    const value = Number(rate.value);
    controller?.setRate(value);
    void updateSettings((s) => ({ ...s, speechRate: value }));
  });
  const voiceId = 'clearread-speech-voice';
  const voice = el(doc, 'select', { id: voiceId });
  voice.addEventListener('change', (event) => {
    if (!event.isTrusted || !controller) return;
    const chosen = controller.voices().find((v) => v.uri === voice.value);
    if (!chosen) return;
    controller.setVoice(chosen);
    const key = languageKey(host.lang || uiLang);
    void updateSettings((s) => ({ ...s, speechVoices: { ...s.speechVoices, [key]: chosen.uri } }));
  });
  const alsoRead = el(doc, 'fieldset', { class: 'also-read' });
  alsoRead.append(el(doc, 'legend', {}, t('alsoRead')));
  const skipBoxes = SPEECH_SKIPPABLE.map((kind) => {
    const box = el(doc, 'input', { type: 'checkbox', name: `read-${kind}` });
    box.checked = !settings.speechSkip[kind];
    box.addEventListener('change', (event) => {
      if (!event.isTrusted) return;
      void updateSettings((s) => ({ ...s, speechSkip: { ...s.speechSkip, [kind]: !box.checked } }));
    });
    const label = el(doc, 'label');
    label.append(box, ` ${t(kind === 'code' ? 'readCode' : kind === 'tables' ? 'readTables' : 'readCaptions')}`);
    alsoRead.append(label);
    return box;
  });
  const note = el(doc, 'p', { class: 'read-aloud-note', role: 'note' });
  const field = (id: string, label: SpeechString, control: HTMLElement) => {
    const wrap = el(doc, 'span', { class: 'field' });
    wrap.append(el(doc, 'label', { for: id }, t(label)), control);
    return wrap;
  };
  const buttons = el(doc, 'span', { class: 'moves' });
  buttons.append(...moves, stop);
  panel.append(buttons, field(rateId, 'speed', rate), field(voiceId, 'voice', voice), alsoRead, note);
  host.panels.append(panel);

  // Sentences are cut when first needed: a long article costs nothing until read aloud.
  let paragraphs: Paragraph[] | undefined;
  let sentences: Sentence[] = [];
  const roots = () => [host.article.querySelector('h1'), host.body].filter((e): e is HTMLElement => !!e);
  const ensureSentences = () => {
    if (paragraphs) return;
    paragraphs = collectParagraphs(roots(), skip());
    sentences = splitSentences(paragraphs, host.lang);
    controller?.replaceSentences(sentences, -1);
  };

  const mark = speakingMark(doc, skip);
  let shown: { index: number; word?: string } = { index: -1 };
  let controller: SpeechController | undefined;

  const render = (state: SpeechState) => {
    const playing = state.status === 'playing';
    const available = state.status !== 'unavailable';
    // The accessible name starts with the visible word; the tooltip says more.
    const [label, title] = !available ? [`${t('listen')}: ${t('listenUnavailable')}. ${t(REASONS[state.reason ?? 'no-voices'])}`, t('listenUnavailable')]
      : playing ? [t('pauseLabel'), t('pauseTitle')]
        : state.status === 'paused' ? [t('resumeLabel'), t('resumeTitle')]
          : state.status === 'loading' && !panel.hidden ? [`${t('listen')}: ${t('loadingVoices')}`, t('loadingVoices')]
            : [t('listenLabel'), t('listenTitle')];
    setLabel(listen, label);
    listen.title = title;
    word.textContent = playing ? t('pause') : state.status === 'paused' ? t('resume') : t('listen');
    listen.setAttribute('aria-pressed', String(playing));
    listen.toggleAttribute('data-unavailable', !available);
    listen.setAttribute('aria-busy', String(state.status === 'loading' && !panel.hidden));
    const active = playing || state.status === 'paused';
    for (const b of moves) b.disabled = !active;
    stop.disabled = !active && state.status !== 'loading';

    if (state.reason) note.textContent = t(REASONS[state.reason]);
    else if (state.otherLanguage && state.voice) note.textContent = t('otherLanguageVoice', state.voice.name);
    else if (state.status === 'loading' && !panel.hidden) note.textContent = t('loadingVoices');
    else note.textContent = '';
    fillVoices(state.voice);

    // The sentence and word marks.
    const sentence = state.index >= 0 ? sentences[state.index] : undefined;
    if (!sentence || !paragraphs) {
      if (shown.index !== -1) mark.clear();
      shown = { index: -1 };
    } else {
      const paragraph = paragraphs[sentence.paragraph];
      if (shown.index !== state.index) {
        const speaking = mark.sentence(paragraph, sentence.start, sentence.end);
        shown = { index: state.index };
        if (speaking) keepInView(speaking, host.scroller, host.obscuredTop());
      }
      const w = state.word ? `${state.word.start}:${state.word.end}` : undefined;
      if (w !== shown.word) {
        mark.word(state.word ? paragraph : undefined, state.word?.start, state.word?.end);
        shown.word = w;
      }
    }
    if (state.finished) {
      host.announce(t('finishedReading'));
      closePanel();
    }
  };

  let voicesShown = '';
  let voicesFrom: { all: VoiceInfo[]; current: string | undefined } | undefined;
  const fillVoices = (current: VoiceInfo | undefined) => {
    if (!controller) return;
    const all = controller.voices();
    // Thousands of voices (espeak-ng lists every variant): sort them only when they change.
    if (voicesFrom?.all === all && voicesFrom.current === current?.uri) return;
    voicesFrom = { all, current: current?.uri };
    let list = voicesFor(all, host.lang, uiLang);
    if (!list.length) list = voicesFor(all, uiLang);
    if (current && !list.some((v) => v.uri === current.uri)) list = [current, ...list];
    const key = `${list.length}:${list[0]?.uri}:${current?.uri}`;
    if (key === voicesShown) return;
    voicesShown = key;
    voice.replaceChildren(...list.map((v) => el(doc, 'option', { value: v.uri }, isOnline(v, all) ? t('onlineVoice', v.name) : v.name)));
    if (current) voice.value = current.uri;
    voice.disabled = list.length === 0;
  };

  const createController = () => {
    controller ??= createSpeechController({
      engine: options.engine ?? webSpeechEngine(win),
      sentences,
      lang: host.lang,
      uiLang,
      rate: settings.speechRate,
      remembered: settings.speechVoices,
      voiceWaitMs: options.voiceWaitMs,
      onChange: render,
    });
    return controller;
  };
  // Ask for the voices soon after opening: some browsers only start loading them when asked,
  // and they take seconds to arrive.
  const warmUp = win.setTimeout(() => render(createController().state()), 0);

  const openPanel = () => {
    panel.hidden = false;
  };
  const closePanel = () => {
    panel.hidden = true;
  };

  /** The first sentence on screen: reading starts where the reader is looking. */
  const firstVisible = (): number => {
    if (!paragraphs) return 0;
    const top = host.obscuredTop();
    const p = paragraphs.findIndex((para) => para.element.getBoundingClientRect().bottom > top + 1);
    const i = p < 0 ? 0 : sentences.findIndex((s) => s.paragraph >= p);
    return Math.max(0, i);
  };

  const toggle = () => {
    const c = createController();
    openPanel();
    ensureSentences();
    const state = c.state();
    if (state.status === 'unavailable') {
      render(state);
      host.announce(note.textContent ?? '');
      return;
    }
    if (!sentences.length) {
      host.announce(t('nothingToRead'));
      return;
    }
    if (state.status === 'playing') c.pause();
    else if (state.status === 'paused') c.play();
    else c.play(firstVisible());
  };

  const stopReading = () => {
    controller?.stop();
    closePanel();
    listen.focus();
  };

  // Click a paragraph while the player is open: read from the sentence clicked.
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0 || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (panel.hidden || !controller || !paragraphs) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Node)) return;
    const element = target.nodeType === 1 ? (target as Element) : target.parentElement;
    if (!element || element.closest(IGNORED_CLICK_TARGETS)) return;
    const selected = doc.getSelection();
    if (selected && !selected.isCollapsed && selected.toString().trim()) return;
    const index = sentenceAt(element, event.clientX, event.clientY);
    if (index >= 0) controller.play(index);
  };

  const sentenceAt = (element: Element, x: number, y: number): number => {
    const owners = new Set(paragraphs!.map((p) => p.element));
    let block: Element | null = element;
    while (block && !owners.has(block)) block = block.parentElement;
    if (!block) return -1;
    const inBlock = sentences.map((s, i) => ({ s, i })).filter(({ s }) => paragraphs![s.paragraph]!.element === block);
    if (!inBlock.length) return -1;
    // Where in the block the click was: the caret position under the pointer, where the browser tells.
    const caret = caretAt(x, y);
    if (caret && block.contains(caret.node)) {
      const at = offsetOf(ownText(block, skip()).index, caret.node, caret.offset);
      const hit = inBlock.find(({ s }) => at < s.end) ?? inBlock.at(-1)!;
      return hit.i;
    }
    return inBlock[0]!.i;
  };

  const caretAt = (x: number, y: number): { node: Node; offset: number } | undefined => {
    const d = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number, o?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    try {
      const p = d.caretPositionFromPoint?.(x, y, { shadowRoots: [root] });
      if (p) return { node: p.offsetNode, offset: p.offset };
      const r = d.caretRangeFromPoint?.(x, y);
      if (r) return { node: r.startContainer, offset: r.startOffset };
    } catch {
      // no caret API: the paragraph's first sentence
    }
    return undefined;
  };
  host.article.addEventListener('click', onClick);

  const offKey = host.onKey((event) => {
    if (!isPlainKey(event, LISTEN_KEY) && event.key !== 'MediaPlayPause') return false;
    event.preventDefault();
    toggle();
    return true;
  });

  const unwatch = watchSettings((next) => {
    const before = settings;
    settings = next;
    rate.value = String(next.speechRate);
    skipBoxes.forEach((box, i) => { box.checked = !next.speechSkip[SPEECH_SKIPPABLE[i]!]; });
    if (controller && next.speechRate !== before.speechRate) controller.setRate(next.speechRate);
    controller?.setRemembered(next.speechVoices);
    if (paragraphs && SPEECH_SKIPPABLE.some((k) => next.speechSkip[k] !== before.speechSkip[k])) resegment();
  });

  /** The skip choices changed: cut again, and carry on from the same place. */
  const resegment = () => {
    const state = controller?.state();
    const current = state && state.index >= 0 ? sentences[state.index] : undefined;
    const element = current && paragraphs![current.paragraph]!.element;
    mark.clear();
    shown = { index: -1 };
    paragraphs = collectParagraphs(roots(), skip());
    sentences = splitSentences(paragraphs, host.lang);
    let index = -1;
    if (current && element) {
      index = sentences.findIndex((s) => paragraphs![s.paragraph]!.element === element && s.end > current.start);
      if (index < 0) index = sentences.findIndex((s) => element.compareDocumentPosition(paragraphs![s.paragraph]!.element) & 4);
      if (index < 0) index = sentences.length - 1;
    }
    controller?.replaceSentences(sentences, index);
  };

  return {
    destroy() {
      win.clearTimeout(warmUp);
      offKey();
      unwatch();
      host.article.removeEventListener('click', onClick);
      controller?.destroy();
      mark.clear();
      listen.remove();
      panel.remove();
    },
  };
}
