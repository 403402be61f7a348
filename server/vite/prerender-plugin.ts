/**
 * Prerenders the first screen into the built index.html, so it paints before any JavaScript has run; the
 * page then hydrates that markup (src/main.tsx). At build time it bundles the prerender entry for Node
 * (a second, server-side Vite build), renders it with React's renderToString and puts the markup into
 * `<div id="root">`. What only the browser can know (the exchange badge, WebCrypto, an attempt kept in this
 * tab's storage) renders as a neutral placeholder and is filled in after hydration.
 */
import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';

const ROOT_ELEMENT = '<div id="root"></div>';

interface PrerenderEntry {
  renderFirstScreen: () => string;
}

function isPrerenderEntry(value: unknown): value is PrerenderEntry {
  return typeof value === 'object' && value !== null && typeof (value as Partial<PrerenderEntry>).renderFirstScreen === 'function';
}

/** @param entry the module (relative to the project root) exporting `renderFirstScreen(): string` */
export function prerender(entry = 'src/entry-prerender.tsx'): Plugin {
  let root = process.cwd();
  return {
    name: 'everstrike-prerender',
    apply: (config, { command }) => command === 'build' && !config.build?.ssr,
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html has no ${ROOT_ELEMENT} to prerender into`);
        const outDir = join(root, 'node_modules/.tmp/prerender');
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          plugins: [react()],
          build: { ssr: entry, outDir, emptyOutDir: true, rolldownOptions: { output: { entryFileNames: 'entry.mjs' } } },
        });
        // A fresh URL each build: Node caches modules by URL.
        const loaded: unknown = await import(`${pathToFileURL(join(outDir, 'entry.mjs')).href}?build=${Date.now()}`);
        if (!isPrerenderEntry(loaded)) throw new Error(`${entry} does not export renderFirstScreen()`);
        return html.replace(ROOT_ELEMENT, `<div id="root">${loaded.renderFirstScreen()}</div>`);
      },
    },
  };
}
