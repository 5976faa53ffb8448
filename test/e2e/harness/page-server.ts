/**
 * Serves test/pages/ on 127.0.0.1 (a free port), for the e2e tests and for `npm start`.
 * Loopback only: nothing here is reachable from outside the machine.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES_DIR = resolve(fileURLToPath(new URL('../../pages', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
};

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function startPageServer(root = PAGES_DIR, port = 0): Promise<PageServer> {
  const server: Server = createServer(async (req, res) => {
    const requested = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(requested.pathname);
    // `?delay=ms` answers late, like a slow image host (resume must wait for the layout to settle).
    const delay = Math.min(10_000, Number(requested.searchParams.get('delay')) || 0);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
