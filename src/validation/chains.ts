/**
 * Withdrawal-address rules per chain, keyed by chain id and independent of assets. This module is small and on
 * the first screen: it holds the chains' names and the checks common to every chain (empty, invisible
 * characters, spaces), then loads only the chosen chain's rules (`chains/<chain>.ts`), each its own chunk, so
 * the checksum code of a chain is fetched only when that chain is chosen.
 */
import { CHAIN_IDS, type ChainId } from '../../contract/everstrike.mjs';
import { describeInvisibleCharacters, findInvisibleCharacters } from './invisible-characters';

// The chain ids are the contract's (contract/everstrike.mjs), which the asset table names them by.
export { CHAIN_IDS };
export type { ChainId };

export const CHAIN_NAMES: Record<ChainId, string> = {
  ethereum: 'Ethereum (ERC-20)',
  'bnb-smart-chain': 'BNB Smart Chain (BEP-20)',
  'avalanche-c': 'Avalanche C-Chain',
  bitcoin: 'Bitcoin',
  solana: 'Solana',
  'xrp-ledger': 'XRP Ledger',
  cardano: 'Cardano',
  cosmos: 'Cosmos Hub',
  polkadot: 'Polkadot',
  algorand: 'Algorand',
};

export type AddressNetwork = 'mainnet' | 'testnet';

export type AddressResult =
  | {
      ok: true;
      /** The address exactly as it will be signed and sent (surrounding whitespace removed). */
      value: string;
      /** A short human description of what was recognised, shown in the review step. */
      kind: string;
      network?: AddressNetwork;
    }
  | { ok: false; message: string };

/** What every chain module exports: the rules for a value already trimmed and pre-checked. */
export interface ChainRules {
  validate(value: string): AddressResult;
}

// One literal import() per chain, so the bundler gives each chain its own chunk.
const RULES: Record<ChainId, () => Promise<ChainRules>> = {
  ethereum: () => import('./chains/ethereum'),
  'bnb-smart-chain': () => import('./chains/bnb-smart-chain'),
  'avalanche-c': () => import('./chains/avalanche-c'),
  bitcoin: () => import('./chains/bitcoin'),
  solana: () => import('./chains/solana'),
  'xrp-ledger': () => import('./chains/xrp-ledger'),
  cardano: () => import('./chains/cardano'),
  cosmos: () => import('./chains/cosmos'),
  polkadot: () => import('./chains/polkadot'),
  algorand: () => import('./chains/algorand'),
};

/** Line breaks and tabs are refused as spaces (below), not as invisible characters. */
const ASCII_WHITESPACE = /^[\t\n\v\f\r]$/;

/**
 * The checks every chain shares, on the trimmed input: something was entered, nothing invisible hides in it,
 * and no space or line break splits it. Gives the value that the chain's rules then judge.
 */
export function precheckAddress(input: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = input.trim();
  if (value === '') return { ok: false, message: 'Enter the address to withdraw to.' };
  const invisible = findInvisibleCharacters(value).filter((found) => !ASCII_WHITESPACE.test(value.charAt(found.index)));
  if (invisible.length > 0) {
    return {
      ok: false,
      message: `The address contains ${describeInvisibleCharacters(invisible)}: it can make the address read differently from what would be sent. Type or copy it again from its source.`,
    };
  }
  if (/\s/.test(value)) return { ok: false, message: 'The address must not contain spaces or line breaks.' };
  return { ok: true, value };
}

/** Fetches a chain's rules ahead of the first check (a failure here is left to that check to report). */
export function preloadChainRules(chain: ChainId): void {
  RULES[chain]().catch(() => undefined);
}

/** Checks a withdrawal address against the format, and the checksum where it has one, of the chain. */
export async function validateAddress(chain: ChainId, input: string): Promise<AddressResult> {
  const checked = precheckAddress(input);
  if (!checked.ok) return checked;
  const rules = await RULES[chain]();
  return rules.validate(checked.value);
}
