/**
 * Cosmos Hub withdrawal addresses: bech32 (@scure/base) with the prefix cosmos and a 20-byte (secp256k1) or
 * 32-byte (module or secp256r1) account. Other prefixes are other networks or roles: refused, named where known.
 */
import { bech32 } from '@scure/base';
import type { AddressResult } from '../chains';
import { describeForeignAddress, refuseForm } from './foreign-address';

const FORM = 'A Cosmos Hub address starts with cosmos1';

/** Prefixes of other networks of the Cosmos family that people confuse with the Hub's. */
const OTHER_NETWORKS: Record<string, string> = {
  osmo: 'Osmosis',
  terra: 'Terra',
  inj: 'Injective',
  celestia: 'Celestia',
  kava: 'Kava',
  akash: 'Akash',
  juno: 'Juno',
  secret: 'Secret Network',
  axelar: 'Axelar',
  dydx: 'dYdX',
};

export function validate(value: string): AddressResult {
  const decoded = bech32.decodeUnsafe(value);
  if (!decoded) {
    if (/^cosmos1/i.test(value)) {
      return {
        ok: false,
        message: 'Not a valid Cosmos Hub address: its checksum or characters are wrong. Copy it again from its source.',
      };
    }
    return refuseForm('cosmos', FORM, value);
  }
  const prefix = decoded.prefix;
  if (prefix === 'cosmosvaloper') {
    return {
      ok: false,
      message:
        'Not a Cosmos Hub account address: this is a validator operator address (cosmosvaloper1…), which identifies a validator for staking and is never a withdrawal destination. Use the account address, starting with cosmos1.',
    };
  }
  if (prefix !== 'cosmos') {
    const network = OTHER_NETWORKS[prefix];
    if (network !== undefined) {
      return { ok: false, message: `${FORM}; this is an address of ${network} (${prefix}1…), another network.` };
    }
    const foreign = describeForeignAddress(value, 'cosmos');
    const what = foreign ?? `a bech32 address with the prefix ${prefix}, of another network or role`;
    return { ok: false, message: `${FORM}; this looks like ${what}.` };
  }
  const account = bech32.fromWordsUnsafe(decoded.words);
  if (!account || (account.length !== 20 && account.length !== 32)) {
    return { ok: false, message: 'Not a Cosmos Hub account address: it holds neither 20 nor 32 bytes.' };
  }
  return { ok: true, value, kind: 'Cosmos Hub address' };
}
