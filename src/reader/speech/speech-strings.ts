/** Read aloud's visible words (English here; every locale's in _locales/<lang>/messages.json as reader_<key>). */
import { translator } from '../strings.ts';

export const SPEECH_STRINGS_EN = {
  listen: 'Listen',
  listenLabel: 'Listen (K)',
  listenTitle: 'Read the article aloud (K)',
  pause: 'Pause',
  pauseLabel: 'Pause (K)',
  pauseTitle: 'Pause reading aloud (K)',
  resume: 'Resume',
  resumeLabel: 'Resume (K)',
  resumeTitle: 'Resume reading aloud (K)',
  readAloud: 'Read aloud',
  previousParagraph: 'Previous paragraph',
  previousSentence: 'Previous sentence',
  nextSentence: 'Next sentence',
  nextParagraph: 'Next paragraph',
  stopReading: 'Stop reading aloud',
  speed: 'Speed',
  voice: 'Voice',
  alsoRead: 'Also read:',
  readCode: 'Code blocks',
  readTables: 'Tables',
  readCaptions: 'Captions',
  loadingVoices: 'Waiting for the browser’s voices…',
  listenUnavailable: 'Read aloud is unavailable',
  speechUnsupported: 'This browser has no speech synthesis, or it is switched off.',
  speechNoVoices: 'The browser lists no voices. On Linux, install speech-dispatcher and espeak-ng (Debian and Ubuntu: sudo apt install speech-dispatcher espeak-ng) and restart the browser; Chromium must also be started with --enable-speech-dispatcher. On Windows and macOS, add voices in the system’s speech settings.',
  speechFailed: 'The speech engine stopped with an error. Try again, or choose another voice.',
  speechBlocked: 'The browser held speech back until you use the page: press Listen again.',
  otherLanguageVoice: 'No voice speaks this article’s language; reading with $1.',
  onlineVoice: '$1 (online: sends the text to its provider)',
  finishedReading: 'Finished reading aloud',
  nothingToRead: 'There is no text to read aloud here.',
} as const;

export type SpeechString = keyof typeof SPEECH_STRINGS_EN;
export const ts = translator<SpeechString>(SPEECH_STRINGS_EN);
