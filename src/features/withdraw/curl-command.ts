/**
 * A signed withdrawal as a curl command, for a person who wants to send it from a terminal instead. It
 * carries the API key, the signature and the exact body, never the secret. Pure.
 */

/** One shell word, single-quoted: nothing inside is interpreted; a ' becomes '\'' (close, escaped quote, reopen). */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

export interface CurlInput {
  /** The exchange's withdraw URL, e.g. https://api.testnet.everstrike.io/auth/withdraw */
  url: string;
  apiKey: string;
  signature: string;
  /** The exact signed body. */
  body: string;
}

export function curlCommand({ url, apiKey, signature, body }: CurlInput): string {
  return [
    'curl',
    '-X POST',
    shellQuote(url),
    `-H ${shellQuote('content-type: application/x-www-form-urlencoded')}`,
    `-H ${shellQuote(`x-api-key: ${apiKey}`)}`,
    `-H ${shellQuote(`x-signature: ${signature}`)}`,
    `--data-raw ${shellQuote(body)}`,
  ].join(' ');
}
