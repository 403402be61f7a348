/**
 * The hashes of the `<style>` elements of a built page, for its content security policy: the build inlines its
 * stylesheet (server/vite/inline-stylesheet-plugin.ts), and the policy allows that text and no other.
 */
import { createHash } from 'node:crypto';

const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g;

/** CSP source expressions (`'sha256-…'`) for each inline `<style>` of `html`, in order, without repeats. */
export function inlineStyleHashes(html: string): string[] {
  const hashes = [...html.matchAll(STYLE_ELEMENT)].map(([, css = '']) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
  return [...new Set(hashes)];
}
