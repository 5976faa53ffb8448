/** Serves corpus pages on 127.0.0.1 at /<corpus>/<id>/ (decompressed on request; nothing else answers). */
import { createServer } from 'node:http';
import type { CorpusPage } from './corpora.ts';

export async function startCorpusServer(pages: readonly CorpusPage[]): Promise<{ url: string; close(): Promise<void> }> {
  const byPath = new Map(pages.map((p) => [`/${p.corpus}/${encodeURIComponent(p.id)}/`, p]));
  const server = createServer((req, res) => {
    const page = byPath.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page.html());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
