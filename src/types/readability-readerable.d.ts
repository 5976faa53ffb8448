// The light entry point of @mozilla/readability (a CommonJS default export). Importing it alone
// keeps the 2.8k-line parser out of the always-on content script.
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    document: Document,
    options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Node) => boolean },
  ): boolean;
}
