/**
 * The shared signature vectors (the in-repo copy the page's signing tests use), so the sandbox is checked against
 * exactly the same secret/body/signature triples.
 */
import { readFileSync } from 'node:fs';

export type SignatureVector = { secret: string; body: string; signature: string };

const file = new URL('../../src/signing/__fixtures__/signature-vectors.json', import.meta.url);

export const signatureVectors: SignatureVector[] = (
  JSON.parse(readFileSync(file, 'utf8')) as { vectors: SignatureVector[] }
).vectors;
