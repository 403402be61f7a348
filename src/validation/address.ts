/**
 * Per-asset withdrawal address rules: the format of the asset's chain and its checksum where it has one
 * (EIP-55 for Ethereum-family assets; Base58Check, bech32 or bech32m for Bitcoin), with the audited
 * @noble/hashes and @scure/base. The form schema loads this module when an address is first checked, so
 * neither the rules nor the checksum algorithms weigh on the first screen.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { knownAsset, type AssetId } from '../config/assets';

export type BitcoinNetwork = 'mainnet' | 'testnet';

export type AddressResult =
  | {
      ok: true;
      /** The address exactly as it will be signed and sent (surrounding whitespace removed). */
      value: string;
      /** A short human description of what was recognised, shown in the review step. */
      kind: string;
      network?: BitcoinNetwork;
    }
  | { ok: false; message: string };

/** Checks a withdrawal address against the format (and checksum, where it has one) of the asset's chain. */
export function validateAddress(asset: AssetId, input: string): AddressResult {
  const value = input.trim();
  if (value === '') return { ok: false, message: 'Enter the address to withdraw to.' };
  if (/\s/.test(value)) return { ok: false, message: 'The address must not contain spaces or line breaks.' };
  return knownAsset(asset)?.chain === 'bitcoin' ? validateBitcoinAddress(value) : validateEthereumAddress(value);
}

const ETHEREUM_SHAPE = /^0x[0-9a-fA-F]{40}$/;

function validateEthereumAddress(value: string): AddressResult {
  if (!ETHEREUM_SHAPE.test(value)) {
    return { ok: false, message: 'An Ethereum address is 0x followed by 40 hexadecimal characters (0-9, a-f).' };
  }
  const hex = value.slice(2);
  const hasChecksumCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (!hasChecksumCase) return { ok: true, value, kind: 'Ethereum address (no checksum capitalisation to verify)' };
  if (value !== toChecksumAddress(hex)) {
    return {
      ok: false,
      message: 'The capitalisation of this address does not match its EIP-55 checksum: it probably contains a typo. Copy it again from its source.',
    };
  }
  return { ok: true, value, kind: 'Ethereum address (EIP-55 checksum verified)' };
}

/** EIP-55: a hex letter is upper case when the matching nibble of keccak256(lowercase hex) is 8 or more. */
export function toChecksumAddress(hex: string): string {
  const lower = hex.toLowerCase();
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const char = lower.charAt(i);
    out += parseInt(hash.charAt(i), 16) >= 8 ? char.toUpperCase() : char;
  }
  return out;
}

const base58check = createBase58check(sha256);

/** Version bytes of legacy Base58Check addresses (P2PKH and P2SH). */
const BASE58_VERSIONS: Record<number, { network: BitcoinNetwork; kind: string }> = {
  0x00: { network: 'mainnet', kind: 'Bitcoin legacy address (P2PKH)' },
  0x05: { network: 'mainnet', kind: 'Bitcoin script address (P2SH)' },
  0x6f: { network: 'testnet', kind: 'Bitcoin testnet legacy address (P2PKH)' },
  0xc4: { network: 'testnet', kind: 'Bitcoin testnet script address (P2SH)' },
};

const SEGWIT_PREFIXES: Record<string, BitcoinNetwork> = { bc: 'mainnet', tb: 'testnet' };

function validateBitcoinAddress(value: string): AddressResult {
  if (/^(bc|tb)1/i.test(value)) return validateSegwitAddress(value);
  if (value.startsWith('0x')) return { ok: false, message: 'This is an Ethereum address; BTC needs a Bitcoin address.' };

  let payload: Uint8Array;
  try {
    payload = base58check.decode(value);
  } catch {
    return {
      ok: false,
      message: 'Not a valid Bitcoin address: its checksum or characters are wrong. Copy it again from its source.',
    };
  }
  const version = payload.length === 21 ? BASE58_VERSIONS[payload[0] ?? -1] : undefined;
  if (!version) return { ok: false, message: 'Not a Bitcoin address: the checksum is fine but the address type is unknown.' };
  return { ok: true, value, kind: version.kind, network: version.network };
}

/** BIP-173 / BIP-350: witness v0 uses bech32 with a 20 or 32 byte program, v1 to v16 use bech32m. */
function validateSegwitAddress(value: string): AddressResult {
  const invalid: AddressResult = {
    ok: false,
    message: 'Not a valid Bitcoin segwit address: its checksum or characters are wrong. Copy it again from its source.',
  };
  const decoded = bech32.decodeUnsafe(value) ?? bech32m.decodeUnsafe(value);
  if (!decoded) return invalid;
  const encoding = bech32.decodeUnsafe(value) ? 'bech32' : 'bech32m';
  const network = SEGWIT_PREFIXES[decoded.prefix];
  const [version, ...programWords] = decoded.words;
  if (!network || version === undefined || version > 16) return invalid;
  const program = bech32.fromWordsUnsafe(programWords);
  if (!program || program.length < 2 || program.length > 40) return invalid;
  if (version === 0 && (encoding !== 'bech32' || (program.length !== 20 && program.length !== 32))) return invalid;
  if (version !== 0 && encoding !== 'bech32m') return invalid;

  const label = version === 0 ? 'segwit v0' : version === 1 ? 'taproot' : `segwit v${version}`;
  const prefix = network === 'testnet' ? 'Bitcoin testnet' : 'Bitcoin';
  return { ok: true, value, kind: `${prefix} ${label} address`, network };
}
