/**
 * Single-page sites change the URL with history.pushState and swap the content in place: no new
 * document, so no new content script. An isolated world cannot see the page's pushState calls;
 * the Navigation API's `currententrychange` event reports them where the browser has it, and
 * elsewhere the URL is compared once a second while the tab is visible (a string comparison), and
 * on popstate. When the path or query changes, `onChange` runs once the page stops changing.
 */
const pageKey = (u: URL) => u.origin + u.pathname + u.search;

export function watchNavigation(onChange: (url: URL) => void): () => void {
  let url = new URL(location.href);
  let settle: { observer: MutationObserver; timer: ReturnType<typeof setTimeout> } | undefined;

  const whenSettled = (next: URL) => {
    if (settle) {
      settle.observer.disconnect();
      clearTimeout(settle.timer);
    }
    const started = Date.now();
    const run = () => {
      settle?.observer.disconnect();
      settle = undefined;
      onChange(next);
    };
    // Quiet for 400 ms, or 4 s after the change at most: a page that never stops (a ticker) still gets a verdict.
    const observer = new MutationObserver(() => {
      if (!settle) return;
      clearTimeout(settle.timer);
      settle.timer = setTimeout(run, Date.now() - started > 4000 ? 0 : 400);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    settle = { observer, timer: setTimeout(run, 400) };
  };

  const check = () => {
    const next = new URL(location.href);
    if (pageKey(next) === pageKey(url)) return;
    url = next;
    whenSettled(next);
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  const timer = nav ? undefined : setInterval(() => {
    if (document.visibilityState === 'visible') check();
  }, 1000);
  nav?.addEventListener('currententrychange', check);
  addEventListener('popstate', check);
  document.addEventListener('visibilitychange', check);
  return () => {
    if (timer !== undefined) clearInterval(timer);
    nav?.removeEventListener('currententrychange', check);
    removeEventListener('popstate', check);
    document.removeEventListener('visibilitychange', check);
    settle?.observer.disconnect();
    if (settle) clearTimeout(settle.timer);
  };
}
