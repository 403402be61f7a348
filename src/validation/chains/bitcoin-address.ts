/**
 * Bitcoin withdrawal addresses: legacy Base58Check (P2PKH, P2SH) and segwit (BIP-173 bech32 for witness v0,
 * BIP-350 bech32m for v1 to v16), mainnet and testnet, with the audited @noble/hashes and @scure/base.
 * bitcoin.ts is the chain's entry that chains.ts loads; address.ts (the asset-keyed wrapper) imports this
 * directly, so the chain entry stays a chunk of its own.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import type { AddressNetwork, AddressResult } from '../chains';
import { describeForeignAddress, refuseForm } from './foreign-address';
import { decodeOrNull } from './decode';

const base58check = createBase58check(sha256);

/** Version bytes of legacy Base58Check addresses (P2PKH and P2SH). */
const BASE58_VERSIONS: Record<number, { network: AddressNetwork; kind: string }> = {
  0x00: { network: 'mainnet', kind: 'Bitcoin legacy address (P2PKH)' },
  0x05: { network: 'mainnet', kind: 'Bitcoin script address (P2SH)' },
  0x6f: { network: 'testnet', kind: 'Bitcoin testnet legacy address (P2PKH)' },
  0xc4: { network: 'testnet', kind: 'Bitcoin testnet script address (P2SH)' },
};

const SEGWIT_PREFIXES: Record<string, AddressNetwork> = { bc: 'mainnet', tb: 'testnet' };

const FORM = 'A Bitcoin address starts with 1, 3 or bc1 (testnet: m, n, 2 or tb1)';

export function validateBitcoinAddress(value: string): AddressResult {
  if (/^(bc|tb)1/i.test(value)) return validateSegwitAddress(value);
  // Another chain's address is named as such; anything else is judged (and refused) by its checksum.
  if (describeForeignAddress(value, 'bitcoin') !== null) return refuseForm('bitcoin', FORM, value);

  const payload = decodeOrNull(base58check, value);
  if (payload === null) {
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
