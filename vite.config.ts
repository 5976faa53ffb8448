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
    },
  };
});
