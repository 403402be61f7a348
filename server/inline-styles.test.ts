import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineStyleHashes } from './inline-styles.ts';

describe('inlineStyleHashes', () => {
  it("gives the CSP hash of each <style>'s exact text, once each", () => {
    // The hash of "" is a published constant: sha256 of nothing, in base64.
    expect(inlineStyleHashes('<style></style>')).toEqual(["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
    const css = 'body{color:#123}\n';
    const expected = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    expect(inlineStyleHashes(`<head><style>${css}</style><style>${css}</style><style>p{}</style></head>`)).toEqual([expected, expect.stringMatching(/^'sha256-/)]);
  });

  it('gives none for a page without one (a style attribute is not a <style>)', () => {
    expect(inlineStyleHashes('<!doctype html><p style="color:red">x</p><link rel="stylesheet" href="/a.css">')).toEqual([]);
  });
});
