/**
 * Notices when the page takes the overlay away: a single-page app that re-renders <html>'s
 * children, a script that moves or removes nodes it does not know. The reader must then clean up
 * (listeners, the scroll lock, its state) or it would think it is still open: the next toggle
 * would do nothing and the page's own +/− keys would stay swallowed.
 */
export function watchHost(host: HTMLElement, onLost: () => void): () => void {
  const doc = host.ownerDocument;
  const win = doc.defaultView;
  if (!win?.MutationObserver) return () => {};
  let done = false;
  const check = () => {
    if (done || (host.isConnected && host.parentNode === doc.documentElement)) return;
    done = true;
    observer.disconnect();
    onLost();
  };
  const observer = new win.MutationObserver(check);
  // Only <html>'s own children and the document's: both cheap, neither sees the page's busy subtrees.
  observer.observe(doc, { childList: true });
  observer.observe(doc.documentElement, { childList: true });
  return () => {
    done = true;
    observer.disconnect();
  };
}
