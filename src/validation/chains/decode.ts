/** The bytes `codec` decodes `text` to, or null where it refuses the text (scure's codecs throw on a bad character or checksum). */
export function decodeOrNull(codec: { decode(text: string): Uint8Array }, text: string): Uint8Array | null {
  try {
    return codec.decode(text);
  } catch {
    return null;
  }
}
