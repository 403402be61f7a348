/**
 * Characters that change what text looks like without showing themselves: direction controls (U+202E can make
 * an address read backwards on screen), zero-width characters, other format and control characters, and
 * spaces that are not ASCII spaces. An address typed with one is refused; a value from the exchange with one is
 * shown with each made visible (`⟨U+202E⟩`), so what is on screen is what is copied. Pure.
 */

export interface InvisibleCharacter {
  /** `U+202E` */
  codePoint: string;
  /** `RIGHT-TO-LEFT OVERRIDE`, or a general description where the name is not listed here. */
  name: string;
  /** Index of the character in the string (in UTF-16 units). */
  index: number;
}

/** Names of the ones people meet in practice; any other is described by its kind. */
const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x2800: 'BRAILLE PATTERN BLANK',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/**
 * Format (Cf) and control (Cc) characters, every space or separator but the ASCII space, variation selectors,
 * and the blank-looking letters listed above. The ASCII space is left to the callers (an address refuses it
 * with its own message; a label may hold it).
 */
// Combining marks (U+034F, the variation selectors) are alternatives of their own: inside a class they would
// read as combined with the character before them.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u2800\u3164\uffa0]|\u034f|\p{Variation_Selector}/gu;

function describe(code: number): string {
  const named = NAMES[code];
  if (named) return named;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 'control character';
  if ((code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef)) return 'VARIATION SELECTOR';
  if (code >= 0xe0000 && code <= 0xe007f) return 'TAG character';
  if (/\p{Zs}/u.test(String.fromCodePoint(code))) return 'non-ASCII space';
  return 'invisible format character';
}

export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every invisible character in `text`, in order. */
export function findInvisibleCharacters(text: string): InvisibleCharacter[] {
  const found: InvisibleCharacter[] = [];
  for (const match of text.matchAll(INVISIBLE)) {
    const code = match[0].codePointAt(0) ?? 0;
    found.push({ codePoint: codePointLabel(code), name: describe(code), index: match.index });
  }
  return found;
}

/** "a RIGHT-TO-LEFT OVERRIDE (U+202E)", "2 invisible characters: …": what was found, for a message. */
export function describeInvisibleCharacters(found: readonly InvisibleCharacter[]): string {
  const distinct = [...new Map(found.map((character) => [character.codePoint, character])).values()];
  const list = distinct.map((character) => `${character.name} (${character.codePoint})`).join(', ');
  return found.length === 1 ? `an invisible ${list}` : `${found.length} invisible characters: ${list}`;
}

export interface RevealedText {
  /** The text with each invisible character replaced by `⟨U+XXXX⟩`. */
  text: string;
  /** Whether anything was replaced: the value is suspicious and must be marked so. */
  suspicious: boolean;
}

/** The text with its invisible characters made visible, for showing and copying a value the exchange gave. */
export function revealInvisible(text: string): RevealedText {
  let suspicious = false;
  const revealed = text.replace(INVISIBLE, (character) => {
    suspicious = true;
    return `⟨${codePointLabel(character.codePointAt(0) ?? 0)}⟩`;
  });
  return { text: revealed, suspicious };
}
