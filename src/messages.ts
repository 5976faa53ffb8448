/**
 * Every message the extension sends, in one map shared by senders and receivers.
 * Key = message type; `request` is what travels, `response` what the handler resolves to.
 */
import type { PageVerdict } from './detect/detect-article.ts';
import type { FontFaceData, FontRequest } from './reader/font-request.ts';
import type { ReaderChoice } from './settings/schema.ts';
import type { FrameReceipt } from './suppress/receipt.ts';

export interface ReaderState {
  open: boolean;
  /** Set when the reader was asked to open but the page could not be read. */
  error?: string;
}

export interface TabStatus {
  verdict: PageVerdict;
  reader: ReaderState;
  host: string;
}

export interface MessageMap {
  /** content → background: what the page is, so the toolbar icon can say it. */
  'page-status': { request: { verdict: PageVerdict; siteChoice: ReaderChoice }; response: void };
  /** popup / command → background → content: open or close the reader. */
  'toggle-reader': { request: { tabId?: number }; response: ReaderState };
  /** popup → content (through background): the tab's current state. */
  'get-status': { request: { tabId?: number }; response: TabStatus | undefined };
  /** popup → background: what was hidden in each frame of the tab. */
  'get-receipts': { request: { tabId?: number }; response: FrameReceipt[] };
  /** popup → background → one frame: bring back one hidden thing. */
  'restore-hidden': { request: { tabId?: number; frameId: number; id: number }; response: boolean };
  /** content → background: a page keeps a hidden element on screen with `!important`; add the user stylesheet to this frame. */
  'force-style': { request: Record<string, never>; response: boolean };
  /** content → background: open the reader in the sender's tab (the per-site "open automatically" choice). */
  'open-reader': { request: Record<string, never>; response: ReaderState };
  /** reader → background: open the options page (content scripts cannot). */
  'open-options': { request: Record<string, never>; response: void };
  /** reader → background: the bundled font files for one family, as bytes (see reader/reader-fonts.ts). */
  'reader-fonts': { request: FontRequest; response: FontFaceData[] };
}

export type MessageType = keyof MessageMap;
/** Who sent a message: the tab and frame for content scripts, nothing for extension pages. */
export interface MessageSender {
  tabId?: number;
  frameId?: number;
  url?: string;
}
export type Message<K extends MessageType = MessageType> = { type: K } & MessageMap[K]['request'];
export type Response<K extends MessageType> = MessageMap[K]['response'];
export type Handlers = {
  [K in MessageType]?: (message: Message<K>, sender: MessageSender) => Response<K> | Promise<Response<K>>;
};

const TYPES: ReadonlySet<string> = new Set<MessageType>(['page-status', 'toggle-reader', 'get-status', 'get-receipts', 'restore-hidden', 'force-style', 'open-reader', 'open-options', 'reader-fonts']);

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as string);
}
