/** When and for whom the content script does its work: the page's site, idle time, a visible tab. */

/** The host of the page the user sees (for a frame: its top page's, where the browser tells us). */
export function siteHost(): string {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const topOrigin = ancestors?.length ? ancestors[ancestors.length - 1] : undefined;
  if (topOrigin) {
    try {
      return new URL(topOrigin).hostname;
    } catch {
      // an opaque origin: fall through
    }
  }
  try {
    return window.top!.location.hostname;
  } catch {
    return location.hostname; // a cross-origin frame in a browser without ancestorOrigins
  }
}

/**
 * Runs `work` once, in idle time, when the tab is visible: a tab opened in the background does
 * nothing until the user looks at it. Returns the way to cancel.
 */
export function whenVisibleAndIdle(work: () => void): () => void {
  let handle: number | undefined;
  const go = () => {
    handle = requestIdleCallback(() => work(), { timeout: 2000 });
  };
  const onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', onVisible);
    go();
  };
  if (document.visibilityState === 'visible') go();
  else document.addEventListener('visibilitychange', onVisible);
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    if (handle !== undefined) cancelIdleCallback(handle);
  };
}
