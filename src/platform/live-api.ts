/**
 * The always-on part of the platform layer: the few extension calls the content script makes on
 * every page, through the browser's own `browser`/`chrome` object, without webextension-polyfill
 * (9.6 KB every page would pay for). Both browsers' MV3 `chrome.*` return promises for these
 * calls; Firefox's `browser.*` always has. Message replies go through `sendResponse`, which both
 * honour. When the extension is updated or removed while the page stays open, this script is
 * orphaned: `alive()` says so, and every call fails quietly instead of throwing into the page.
 */
import { isMessage, type Handlers, type Message, type MessageMap, type MessageType, type Response } from '../messages.ts';

type Listener = (...args: any[]) => unknown;
interface Event { addListener(l: Listener): void; removeListener(l: Listener): void }
interface Api {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Event;
  };
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>> };
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: Event;
  };
  dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null };
}

const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as { chrome?: Api }).chrome) as Api;

/** False once the extension this script belongs to was reloaded, updated or removed. */
export function alive(): boolean {
  try {
    return !!api?.runtime?.id;
  } catch {
    return false;
  }
}

export async function storageGetLive(area: 'sync' | 'local', key: string): Promise<unknown> {
  if (!alive()) return undefined;
  const got = await api.storage[area].get(key);
  return got?.[key];
}

/** Calls `listener` with the new value of `key` whenever it changes; returns the way to stop. */
export function onStorageKey(key: string, listener: (value: unknown) => void): () => void {
  const wrapped = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if ((area === 'sync' || area === 'local') && key in changes) listener(changes[key]!.newValue);
  };
  api.storage.onChanged.addListener(wrapped);
  return () => {
    try {
      api.storage.onChanged.removeListener(wrapped);
    } catch {
      // An orphaned script's API may already be gone.
    }
  };
}

export function sendLive<K extends MessageType>(type: K, request: MessageMap[K]['request']): Promise<Response<K>> {
  if (!alive()) return Promise.reject(new Error('extension context is gone'));
  return api.runtime.sendMessage({ type, ...request }) as Promise<Response<K>>;
}

/** Registers typed handlers for messages from this extension only; returns the way to stop. */
export function handleLive(handlers: Handlers): () => void {
  const listener = (raw: unknown, sender: { id?: string }, sendResponse: (value: unknown) => void) => {
    if (!isMessage(raw) || sender?.id !== api.runtime.id) return undefined;
    const handler = handlers[raw.type] as ((m: Message, s: { tabId?: number }) => unknown) | undefined;
    if (!handler) return undefined;
    Promise.resolve()
      .then(() => handler(raw, {}))
      .then((value) => sendResponse(value), (error: unknown) => sendResponse({ error: String(error) }));
    return true; // the answer comes asynchronously
  };
  api.runtime.onMessage.addListener(listener);
  return () => {
    try {
      api.runtime.onMessage.removeListener(listener);
    } catch {
      // Gone with the extension.
    }
  };
}

/** A host's shadow root, closed ones included: the browsers give extensions this one way in. */
export function shadowRootOf(el: Element): ShadowRoot | null {
  const viaFirefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (viaFirefox !== undefined) return viaFirefox;
  try {
    return api.dom?.openOrClosedShadowRoot?.(el) ?? el.shadowRoot;
  } catch {
    return el.shadowRoot;
  }
}
