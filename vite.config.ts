import { defineConfig } from 'vite';
import { crx, type CrxPlugin } from '@crxjs/vite-plugin';
import { manifestFor, type Target } from './build/target-manifest.ts';
import { bundledLicences } from './build/bundled-licences.ts';
import { RULES } from './src/suppress/rules.ts';
import { vendorCss } from './src/suppress/vendor-css.ts';

/** Where the vendor stylesheet lands in the build; the manifest lists it with the content script. */
const VENDOR_CSS = 'suppress.css';

/** The MAIN-world guard as crxjs emits it (from the `?iife` import in guard-registration.ts). */
const GUARD_FILE = /^src\/guard\/main-world(\.[\w-]+)?\.js$/;

/**
 * crxjs lists every script it emits as web-accessible, the MAIN-world guard included, and without
 * dynamic URLs: any page could then fetch it at a fixed address and learn that ClearRead is
 * installed. The guard is injected by scripting.registerContentScripts, which needs no such entry,
 * so it is taken out of the manifest crxjs renders. (A plain `generateBundle` would run too early:
 * crxjs moves its manifest writer behind every other plugin; `renderCrxManifest` hooks are run by
 * that writer, in plugin order, so this one sees crxjs's own list.)
 */
function guardNotWebAccessible(): CrxPlugin {
  return {
    name: 'clearread:guard-not-web-accessible',
    enforce: 'post',
    renderCrxManifest(manifest) {
      const lists = (manifest.web_accessible_resources ?? [])
        .map((r) => ({ ...r, resources: r.resources.filter((f) => !GUARD_FILE.test(f)) }))
        .filter((r) => r.resources.length);
      if (lists.length) manifest.web_accessible_resources = lists;
      else delete manifest.web_accessible_resources;
      return manifest;
    },
  };
}

/**
 * The vendor rules as one stylesheet (src/suppress/vendor-css.ts), built from the rules data and
 * listed as the content script's CSS: the browser applies it in every frame before the page
 * paints, with no script time at all.
 */
function vendorStylesheet(): CrxPlugin {
  return {
    name: 'clearread:vendor-stylesheet',
    enforce: 'post',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: VENDOR_CSS, source: vendorCss(RULES) });
    },
    renderCrxManifest(manifest) {
      for (const script of manifest.content_scripts ?? []) {
        if (script.world !== 'MAIN') script.css = [...(script.css ?? []), VENDOR_CSS];
      }
      return manifest;
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: target }), guardNotWebAccessible(), vendorStylesheet(), bundledLicences(import.meta.dirname)],
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
