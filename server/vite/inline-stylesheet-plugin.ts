/**
 * Puts the built stylesheet into index.html as a `<style>` element instead of a `<link>`: the prerendered first
 * screen then paints with the HTML alone, with no request standing between the page and its first paint (on a
 * phone's network, one round trip or more). The production server allows exactly that element by its hash
 * (server/inline-styles.ts); nothing else inline is allowed. The dev server is not concerned: it injects styles
 * itself.
 */
import type { Plugin } from 'vite';

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g;

/** What of the build's output this needs: its files by name, a stylesheet being an asset with its text. */
type BuiltFiles = Record<string, { type: 'asset' | 'chunk'; source?: string | Uint8Array } | undefined>;

/**
 * `html` with each stylesheet link replaced by the stylesheet's text in a `<style>`; each inlined file is taken out
 * of `files`, so it is not written (nothing else names it: there is one stylesheet, and lazy views add none).
 */
export function inlineStylesheetLinks(html: string, files: BuiltFiles): string {
  return html.replace(STYLESHEET_LINK, (_link, fileName: string) => {
    const file = files[fileName];
    if (file?.type !== 'asset' || file.source === undefined) throw new Error(`index.html links ${fileName}, which the build did not write`);
    const css = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
    if (/<\/style/i.test(css)) throw new Error(`${fileName} contains "</style", which cannot be inlined`);
    Reflect.deleteProperty(files, fileName);
    return `<style>${css}</style>`;
  });
}

/** The stylesheets a build writes: after inlining there must be none, since the lazily loaded code is told so. */
function stylesheetsIn(files: BuiltFiles): string[] {
  return Object.keys(files).filter((fileName) => fileName.endsWith('.css'));
}

export function inlineStylesheet(): Plugin {
  return {
    name: 'everstrike-inline-stylesheet',
    apply: (config, { command }) => command === 'build' && !config.build?.ssr,
    // One stylesheet for the whole app, named by index.html only: with a stylesheet per chunk, Vite's loader for
    // lazily loaded chunks would fetch the entry's (now inlined, not written) before each chunk, and fail.
    config: () => ({ build: { cssCodeSplit: false } }),
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        const inlined = inlineStylesheetLinks(html, context.bundle);
        const left = stylesheetsIn(context.bundle);
        if (left.length > 0) throw new Error(`stylesheets not linked from index.html cannot be inlined: ${left.join(', ')}`);
        return inlined;
      },
    },
  };
}
