/** Highlights' visible words (English here; every locale's in _locales/<lang>/messages.json as reader_<key>). */
import { translator } from '../strings.ts';

export const HIGHLIGHT_STRINGS_EN = {
  highlightsLabel: 'Highlights and notes in this article: $1',
  highlightsPanel: 'Highlights and notes',
  highlightsMenu: 'Highlights and notes ($1)',
  selectionTools: 'Highlight the selected text',
  highlight: 'Highlight',
  highlightKey: 'Highlight the selection (H)',
  highlightIn: 'Highlight in $1',
  colorYellow: 'yellow',
  colorGreen: 'green',
  colorBlue: 'blue',
  colorPink: 'pink',
  addNote: 'Highlight and add a note',
  note: 'Note',
  editHighlight: 'Edit highlight',
  colorChoice: 'Colour: $1',
  done: 'Done',
  deleteHighlight: 'Delete highlight',
  edit: 'Edit',
  goTo: 'Go to highlight: $1',
  noHighlights: 'Select text in the article, then press Highlight (or the H key), to keep it here with a note.',
  copyHighlights: 'Copy highlights',
  highlightsCopied: 'Highlights copied as Markdown',
  highlightsCopyFailed: 'Copy failed',
  keptBound: 'Kept on this device only, for your $1 most recently annotated articles.',
  missingHeading: 'No longer in the article',
  missingExplained: 'The text of these highlights was not found in this version of the article.',
  forget: 'Forget',
  highlightsMissing: 'Some highlights could not be placed: their text is no longer in the article. They are listed under Highlights.',
  showHighlights: 'Show them',
  dismiss: 'Dismiss',
  highlightsDropped: 'Highlights of your least recently annotated articles were removed to stay within $1 articles.',
  highlighted: 'Highlighted',
  highlightDeleted: 'Highlight deleted',
  saveFailed: 'Highlights could not be saved on this device.',
  notesHeading: 'Notes',
} as const;

export type HighlightString = keyof typeof HIGHLIGHT_STRINGS_EN;
export const th = translator<HighlightString>(HIGHLIGHT_STRINGS_EN);
