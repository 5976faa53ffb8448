/** Delivers an export: to the clipboard, or as a download the browser saves like any other. */

export async function copyText(doc: Document, text: string, within: Node): Promise<boolean> {
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The page's permissions policy can refuse the async clipboard; the old command still works.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
  (within as ParentNode).append(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } finally {
    area.remove();
  }
}

export function downloadText(doc: Document, text: string, fileName: string, type: string, within: Node): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  (within as ParentNode).append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
