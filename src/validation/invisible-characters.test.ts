import { describe, expect, it } from 'vitest';
import { describeInvisibleCharacters, findInvisibleCharacters, revealInvisible } from './invisible-characters';

const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';

describe('findInvisibleCharacters', () => {
  it('finds direction controls, zero-width characters, non-ASCII spaces and controls, with their index', () => {
    const text = `0x\u202E82\u200B9\u00A0b\u0007d\uFEFF`;
    expect(findInvisibleCharacters(text)).toEqual([
      { codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', index: 2 },
      { codePoint: 'U+200B', name: 'ZERO WIDTH SPACE', index: 5 },
      { codePoint: 'U+00A0', name: 'non-ASCII space', index: 7 },
      { codePoint: 'U+0007', name: 'control character', index: 9 },
      { codePoint: 'U+FEFF', name: 'ZERO WIDTH NO-BREAK SPACE', index: 11 },
    ]);
  });

  it('finds characters outside the basic plane (tags, variation selectors)', () => {
    expect(findInvisibleCharacters('a\u{E0041}b\uFE0F').map((c) => c.name)).toEqual(['TAG character', 'VARIATION SELECTOR']);
  });

  it('finds nothing in plain addresses, look-alike letters (those are visible) or the ASCII space', () => {
    expect(findInvisibleCharacters(ADDRESS)).toEqual([]);
    expect(findInvisibleCharacters('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toEqual([]);
    expect(findInvisibleCharacters('0х829 Cyrillic')).toEqual([]);
  });
});

describe('describeInvisibleCharacters', () => {
  it('names one character, or counts several and names each kind once', () => {
    expect(describeInvisibleCharacters(findInvisibleCharacters('a\u202Eb'))).toBe('an invisible RIGHT-TO-LEFT OVERRIDE (U+202E)');
    expect(describeInvisibleCharacters(findInvisibleCharacters('\u200Ba\u200Bb\u2066'))).toBe(
      '3 invisible characters: ZERO WIDTH SPACE (U+200B), LEFT-TO-RIGHT ISOLATE (U+2066)',
    );
  });
});

describe('revealInvisible', () => {
  it('replaces each invisible character with its code point and marks the value suspicious', () => {
    expect(revealInvisible(`0x829b\u202E0383a`)).toEqual({ text: '0x829b⟨U+202E⟩0383a', suspicious: true });
    expect(revealInvisible('a\u{E0041}')).toEqual({ text: 'a⟨U+E0041⟩', suspicious: true });
  });

  it('leaves a clean value as it is', () => {
    expect(revealInvisible(ADDRESS)).toEqual({ text: ADDRESS, suspicious: false });
  });
});
