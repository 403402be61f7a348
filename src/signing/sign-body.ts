/**
 * HMAC-SHA256 signing with the browser's WebCrypto.
 *
 * The secret is imported from its UTF-8 bytes as a non-extractable key that can only sign: once imported,
 * no script on the page (ours included) can read the secret back out of it.
 */
export async function importSigningSecret(secret: string, subtle: SubtleCrypto = crypto.subtle): Promise<CryptoKey> {
  if (secret.length === 0) throw new RangeError('The secret key is empty');
  return subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** base64 of the raw 32-byte HMAC-SHA256 digest of the exact body bytes: the `x-signature` header. */
export async function signBody(body: string, key: CryptoKey, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const digest = new Uint8Array(await subtle.sign('HMAC', key, new TextEncoder().encode(body)));
  // The platform's own base64 (btoa takes one char per byte); a 32-byte digest needs no chunking.
  return btoa(String.fromCharCode(...digest));
}
