/**
 * Copies a saved real page into test/pages/real/ for the e2e tests and screenshots, made small:
 * scripts (except JSON-LD metadata), stylesheets, comments, frames and inline SVG sprites go;
 * the document's text, structure and metadata stay, so detection and extraction see what they
 * would on the live page. Sources are credited in test/pages/real/README.md.
 *
 *   npx tsx scripts/make-test-page.ts <source.html> <name>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

const [source, name] = process.argv.slice(2);
if (!source || !name) {
  console.error('usage: make-test-page.ts <source.html> <name>');
  process.exit(1);
}
const dom = new JSDOM(readFileSync(source, 'utf8'), { virtualConsole: new VirtualConsole() });
const doc = dom.window.document;
for (const el of doc.querySelectorAll('script:not([type="application/ld+json"]), style, link[rel~="stylesheet"], link[rel~="preload"], link[rel~="prefetch"], iframe, noscript, svg symbol, template')) el.remove();
const walker = doc.createTreeWalker(doc, dom.window.NodeFilter.SHOW_COMMENT);
const comments: Node[] = [];
while (walker.nextNode()) comments.push(walker.currentNode);
for (const c of comments) c.parentNode?.removeChild(c);
for (const el of doc.querySelectorAll('*')) {
  for (const attr of [...el.attributes]) if (/^on/i.test(attr.name) || /^data-(?!src|lazy|original)/i.test(attr.name)) el.removeAttribute(attr.name);
}
if (!doc.querySelector('meta[charset]')) doc.head.prepend(Object.assign(doc.createElement('meta'), { ['charset' as string]: 'utf-8' }));
const dir = join(import.meta.dirname, '../test/pages/real');
mkdirSync(dir, { recursive: true });
const out = `<!doctype html>\n${doc.documentElement.outerHTML.replace(/\n\s*\n+/g, '\n')}\n`;
writeFileSync(join(dir, `${name}.html`), out);
console.log(`${name}.html: ${out.length} bytes`);
