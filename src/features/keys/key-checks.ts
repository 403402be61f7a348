/** What the keys panel says about a key, and about whether this browser can sign at all. */

/** Shows enough of an API key to recognise it, not enough to reuse it from a screenshot. */
export function maskApiKey(apiKey: string): string {
  return apiKey.length <= 8 ? '•'.repeat(apiKey.length) : `${apiKey.slice(0, 4)}…${apiKey.slice(-4)}`;
}

/** WebCrypto only exists in secure contexts (https, localhost): say why signing cannot work elsewhere. */
export function webCryptoProblem(): string | null {
  if (typeof globalThis.crypto?.subtle?.importKey === 'function') return null;
  const where = typeof location === 'undefined' ? 'this page' : `${location.protocol}//${location.host}`;
  const port = typeof location === 'undefined' || location.port === '' ? '' : `:${location.port}`;
  return (
    `Your browser does not offer WebCrypto on ${where}, so this page cannot sign a withdrawal. ` +
    `Browsers only provide it on https pages and on localhost. Open the app as http://localhost${port} or ` +
    `http://127.0.0.1${port} on the machine that runs it, or serve it over https.`
  );
}
