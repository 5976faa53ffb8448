import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type Target } from './build/target-manifest.ts';

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: target })],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Readable stack traces from users beat a few saved kilobytes in an unpacked extension.
      minify: true,
      sourcemap: false,
      target: 'es2022',
      // Vite's preload helper would add <link rel=modulepreload> tags to the page's <head> when the
      // content script loads the reader: a change to the live page we could not undo.
      modulePreload: false,
    },
  };
});
