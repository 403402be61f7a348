/**
 * Cardano withdrawal addresses (CIP-19). Shelley: bech32 without the 90-character limit (@scure/base), addr1…
 * on mainnet and addr_test1… on testnets, whose header byte must carry the matching network tag; stake1…
 * reward addresses are refused, they cannot receive a payment. Byron (legacy, Ae2…/DdzFF…): base58 of CBOR
 * with a CRC32, read by cborg (strict CBOR) and checked with crc-32 (SheetJS).
 */
import { base58, bech32 } from '@scure/base';
import { decode, Tagged } from 'cborg';
import { buf as crc32 } from 'crc-32';
import type { AddressNetwork, AddressResult } from '../chains';
import { refuseForm } from './foreign-address';
import { decodeOrNull } from './decode';

const FORM = 'A Cardano address starts with addr1 (testnet: addr_test1), or Ae2 or DdzFF for a legacy Byron address';

const SHELLEY_PREFIXES: Record<string, { network: AddressNetwork; tag: number }> = {
  addr: { network: 'mainnet', tag: 1 },
  addr_test: { network: 'testnet', tag: 0 },
};

export function validate(value: string): AddressResult {
  if (/^stake(_test)?1/i.test(value)) {
    return {
      ok: false,
      message:
        'Not a Cardano payment address: this is a stake (reward) address (stake1…), which names who stakes, not where funds go, and cannot receive a withdrawal. Use the payment address, starting with addr1.',
    };
  }
  if (/^addr(_test)?1/i.test(value)) return validateShelley(value);
  return validateByron(value);
}

function validateShelley(value: string): AddressResult {
  const invalid: AddressResult = {
    ok: false,
    message: 'Not a valid Cardano address: its checksum or characters are wrong. Copy it again from its source.',
  };
  // CIP-19: Shelley addresses are bech32 with no length limit (a base address is 103 characters).
  const decoded = bech32.decodeUnsafe(value, false);
  const prefix = decoded ? SHELLEY_PREFIXES[decoded.prefix] : undefined;
  const bytes = decoded ? bech32.fromWordsUnsafe(decoded.words) : undefined;
  const header = bytes?.[0];
  if (!prefix || !bytes || header === undefined) return invalid;

  const type = header >> 4;
  const tag = header & 0x0f;
  // Types 0-3: payment and stake credentials (28 bytes each); 4-5: payment and a chain pointer (three
  // variable-length numbers); 6-7: payment credential only. Others are not payment addresses.
  const lengthFits = type <= 3 ? bytes.length === 57 : type <= 5 ? bytes.length >= 32 && bytes.length <= 59 : type <= 7 ? bytes.length === 29 : false;
  if (!lengthFits) return { ok: false, message: 'Not a Cardano payment address: its checksum is fine but its type or length is not one of a payment address.' };
  if (tag !== prefix.tag) {
    return {
      ok: false,
      message: `Not a valid Cardano address: it starts with ${decoded?.prefix}1 (${prefix.network}) but says it is for network ${tag}. Copy it again from its source.`,
    };
  }
  const kind = prefix.network === 'testnet' ? 'Cardano Shelley address (testnet)' : 'Cardano Shelley address';
  return { ok: true, value, kind, network: prefix.network };
}

function validateByron(value: string): AddressResult {
  const bytes = decodeOrNull(base58, value);
  if (bytes === null) return refuseForm('cardano', FORM, value);
  const payload = byronPayload(bytes);
  if (payload === null) {
    if (/^(Ae2|DdzFF|37btjr)/.test(value)) {
      return {
        ok: false,
        message: 'Not a valid Cardano Byron address: its checksum (CRC32) or characters are wrong. Copy it again from its source.',
      };
    }
    return refuseForm('cardano', FORM, value);
  }
  const network = byronNetwork(payload);
  if (network === null) return { ok: false, message: 'Not a Cardano address: its checksum is fine but its content is not an address.' };
  const kind = network === 'testnet' ? 'Cardano Byron (legacy) address (testnet)' : 'Cardano Byron (legacy) address';
  return { ok: true, value, kind, network };
}

/** CBOR decoding (cborg, strict about lengths: a crafted length cannot make it allocate), or null. */
function decodeCbor(bytes: Uint8Array): unknown {
  try {
    return decode(bytes, { tags: { 24: Tagged.decoder(24) }, useMaps: true });
  } catch {
    return null;
  }
}

/** A Byron address is CBOR [tag 24 (the payload's CBOR bytes), CRC32 of those bytes]; the payload, or null. */
function byronPayload(bytes: Uint8Array): Uint8Array | null {
  const outer = decodeCbor(bytes);
  if (!Array.isArray(outer) || outer.length !== 2) return null;
  const [tagged, checksum] = outer as unknown[];
  if (!(tagged instanceof Tagged) || !(tagged.value instanceof Uint8Array) || typeof checksum !== 'number') return null;
  // crc-32 gives a signed 32-bit integer; CBOR holds it unsigned.
  return crc32(tagged.value) >>> 0 === checksum ? tagged.value : null;
}

/**
 * A Byron address payload is [root (28 bytes), attributes, type]; attribute 2 (the network magic) is present
 * only on test networks. Null when the payload is not of that shape.
 */
function byronNetwork(payload: Uint8Array): AddressNetwork | null {
  const decoded = decodeCbor(payload);
  if (!Array.isArray(decoded) || decoded.length !== 3) return null;
  const [root, attributes, type] = decoded as unknown[];
  if (!(root instanceof Uint8Array) || root.length !== 28 || typeof type !== 'number' || !(attributes instanceof Map)) return null;
  return attributes.has(2) ? 'testnet' : 'mainnet';
}
