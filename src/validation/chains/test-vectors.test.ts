import { describe, expect, it } from 'vitest';
import { BECH32_ALPHABET, VALID, withOneCharacterChanged } from './test-vectors';

describe('withOneCharacterChanged (the typo loops of the chain tests)', () => {
  it('gives one copy per character of the alphabet, each differing from the vector in exactly that place', () => {
    expect(withOneCharacterChanged('0xab', 'abc')).toEqual(['0xbb', '0xac']);
    const vector = VALID.cosmos[0] ?? '';
    const changed = withOneCharacterChanged(vector, BECH32_ALPHABET);
    // Every character but the separator 1 and the o's of the prefix is in the bech32 alphabet.
    expect(changed).toHaveLength(vector.length - 3);
    for (const copy of changed) expect([...copy].filter((char, index) => char !== vector.charAt(index))).toHaveLength(1);
  });
});
