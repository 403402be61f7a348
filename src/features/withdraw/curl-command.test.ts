import { describe, expect, it } from 'vitest';
import { curlCommand, shellQuote } from './curl-command';

/**
 * How a POSIX shell splits a command line that uses only single quotes and backslashes (sh(1), "Quoting"):
 * inside '…' every character is literal; outside, a backslash takes the next character literally and
 * unquoted blanks separate words. Written independently of the code under test, as its oracle.
 */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const char = command.charAt(i);
    if (char === "'") {
      const close = command.indexOf("'", i + 1);
      if (close === -1) throw new Error('unterminated quote');
      word = (word ?? '') + command.slice(i + 1, close);
      i = close;
    } else if (char === '\\') {
      word = (word ?? '') + command.charAt(i + 1);
      i += 1;
    } else if (char === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (/[$`"*?;&|<>()]/.test(char)) {
      throw new Error(`unquoted special character ${char}`);
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$HOME `id` "x" \\n', "'$HOME `id` \"x\" \\n'"],
    ['', "''"],
  ])('quotes %j as %s', (text, quoted) => {
    expect(shellQuote(text)).toBe(quoted);
  });

  it.each([["it's"], ['a b  c'], ['$(rm -rf /) `id` $HOME'], ["'''"], ['x\ny']])('gives the shell back exactly %j', (text) => {
    expect(shellWords(shellQuote(text))).toEqual([text]);
  });
});

describe('curlCommand', () => {
  const input = {
    url: 'https://api.testnet.everstrike.io/auth/withdraw',
    apiKey: 'sandbox-demo-key',
    signature: 'q3v+/Ab=',
    body: 'asset=ETH&qty=1.5&address=0x829bd824b016326a401d083b33d092293333a830&timestamp=1764000000000',
  };

  it('posts the exact body with the key and signature headers', () => {
    expect(curlCommand(input)).toBe(
      "curl -X POST 'https://api.testnet.everstrike.io/auth/withdraw' -H 'content-type: application/x-www-form-urlencoded' " +
        "-H 'x-api-key: sandbox-demo-key' -H 'x-signature: q3v+/Ab=' " +
        "--data-raw 'asset=ETH&qty=1.5&address=0x829bd824b016326a401d083b33d092293333a830&timestamp=1764000000000'",
    );
  });

  it('splits into exactly the intended words in a real shell, even with quotes and spaces in a value', () => {
    const words = shellWords(curlCommand({ ...input, apiKey: "key with ' and spaces" }));
    expect(words).toEqual([
      'curl',
      '-X',
      'POST',
      input.url,
      '-H',
      'content-type: application/x-www-form-urlencoded',
      '-H',
      "x-api-key: key with ' and spaces",
      '-H',
      'x-signature: q3v+/Ab=',
      '--data-raw',
      input.body,
    ]);
  });
});
