/**
 * Article → Markdown (CommonMark with GFM tables). Pure: reads a sanitised body element and
 * never touches the live page, so it is tested in jsdom. Unknown elements keep their text.
 */
import { NOTE_REF_ATTR, prepareHighlights } from './highlight-notes.ts';

export interface ExportMeta {
  title: string;
  url: string;
  byline?: string;
  siteName?: string;
  published?: string;
  /** Heading of the notes section of the HTML export, in the UI language. */
  notesHeading?: string;
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'FIGURE', 'DETAILS']);

/** Escapes the characters that would otherwise start Markdown syntax inside running text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*)(\d+)\.(\s)/gm, '$1$2\\.$3');
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
/** Parentheses and spaces would end a Markdown link target early. */
const target = (url: string) => url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function inline(node: Node): string {
  if (node.nodeType === 3) return escapeMarkdown(squash(node.textContent ?? ''));
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const inner = () => [...el.childNodes].map(inline).join('');
  switch (el.tagName) {
    case 'BR': return '  \n';
    case 'STRONG': case 'B': { const s = inner().trim(); return s ? `**${s}**` : ''; }
    case 'EM': case 'I': { const s = inner().trim(); return s ? `_${s}_` : ''; }
    case 'DEL': case 'S': { const s = inner().trim(); return s ? `~~${s}~~` : ''; }
    // Highlights: the ==mark== extension (Obsidian, Typora, markdown-it-mark); notes as footnotes.
    case 'MARK': { const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner())!; return core ? `${lead}==${core}==${trail}` : `${lead}${trail}`; }
    case 'SUP': return el.hasAttribute(NOTE_REF_ATTR) ? `[^${el.getAttribute(NOTE_REF_ATTR)}]` : inner();
    case 'CODE': { const s = el.textContent ?? ''; const fence = s.includes('`') ? '``' : '`'; return `${fence}${s}${fence}`; }
    case 'A': {
      const text = inner().trim();
      const href = el.getAttribute('href');
      return href && !href.startsWith('javascript:') ? `[${text || href}](${target(href)})` : text;
    }
    case 'IMG': {
      const src = el.getAttribute('src');
      return src ? `![${escapeMarkdown(el.getAttribute('alt') ?? '')}](${target(src)})` : '';
    }
    default: return inner();
  }
}

function list(el: Element, ordered: boolean, depth: number): string {
  const items = [...el.children].filter((c) => c.tagName === 'LI');
  return items.map((li, i) => {
    const marker = ordered ? `${i + 1}.` : '-';
    const pad = ' '.repeat(marker.length + 1);
    const content = blocks(li, depth + 1).trim().split('\n').map((line, j) => (j === 0 || line === '' ? line : pad + line)).join('\n');
    return `${marker} ${content}`;
  }).join('\n');
}

function table(el: Element): string {
  const rows = [...el.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => inline(cell).trim().replace(/\n/g, ' ')));
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), `| ${Array(width).fill('---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

function block(el: Element, depth: number): string {
  const tag = el.tagName;
  if (/^H[1-6]$/.test(tag)) return `${'#'.repeat(Number(tag[1]))} ${inline(el).trim()}`;
  switch (tag) {
    case 'UL': return list(el, false, depth);
    case 'OL': return list(el, true, depth);
    case 'PRE': return `\`\`\`\n${(el.textContent ?? '').replace(/\n$/, '')}\n\`\`\``;
    case 'BLOCKQUOTE': return blocks(el, depth).trim().split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
    case 'HR': return '---';
    case 'TABLE': return table(el);
    case 'FIGCAPTION': { const s = inline(el).trim(); return s ? `_${s}_` : ''; }
    case 'SCRIPT': case 'STYLE': case 'TEMPLATE': case 'NOSCRIPT': return '';
    default: return BLOCK.has(tag) || tag === 'LI' ? blocks(el, depth) : inline(el).trim();
  }
}

/** Children as blocks separated by blank lines; runs of inline nodes are gathered into one paragraph. */
function blocks(parent: Element, depth = 0): string {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    const text = run.replace(/[ \t]+\n/g, (m) => (m.startsWith('  ') ? '  \n' : '\n')).trim();
    if (text) out.push(text);
    run = '';
  };
  for (const child of parent.childNodes) {
    const isBlock = child.nodeType === 1 && (BLOCK.has((child as Element).tagName) || /^(H[1-6]|UL|OL|PRE|BLOCKQUOTE|HR|TABLE|FIGCAPTION|LI)$/.test((child as Element).tagName));
    if (!isBlock) {
      run += inline(child);
      continue;
    }
    flush();
    const text = block(child as Element, depth).trim();
    if (text) out.push(text);
  }
  flush();
  return out.join('\n\n');
}

export function articleToMarkdown(meta: ExportMeta, body: Element): string {
  const head = [`# ${escapeMarkdown(meta.title)}`];
  const details = [meta.byline && `By ${escapeMarkdown(meta.byline)}`, meta.siteName && escapeMarkdown(meta.siteName), meta.published].filter(Boolean);
  if (details.length) head.push(details.join(' · '));
  head.push(`Source: <${meta.url}>`);
  const clone = body.cloneNode(true) as Element;
  const notes = prepareHighlights(clone);
  // A note's later lines are indented so they stay inside its footnote.
  const footnotes = notes.map(({ n, text }) => `[^${n}]: ${escapeMarkdown(text).split('\n').join('\n    ')}`);
  return `${head.join('\n\n')}\n\n${blocks(clone)}\n${footnotes.length ? `\n${footnotes.join('\n')}\n` : ''}`;
}
