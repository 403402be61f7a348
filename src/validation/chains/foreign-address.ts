/**
 * What an address given for the wrong chain looks like, told from its shape alone (prefix, alphabet, length),
 * so a refusal can say "this looks like a TRON address" instead of only "invalid". No checksum code: every
 * chain module imports this, and a guess here never accepts anything, it only words a refusal.
 */
import type { AddressResult, ChainId } from '../chains';

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
const BECH32 = '[02-9ac-hj-np-z]';

interface Shape {
  pattern: RegExp;
  /** "a TRON address": completes "this looks like …". */
  description: string;
  /** The chains whose own rules judge this shape (no foreign description for them). */
  chains: readonly ChainId[];
}

const EVM: readonly ChainId[] = ['ethereum', 'bnb-smart-chain', 'avalanche-c'];

// In order: the first shape that matches is the guess (e.g. TRON's T + 33 before the generic Solana shape).
const SHAPES: readonly Shape[] = [
  {
    pattern: /^0x[0-9a-fA-F]{40}$/,
    description: 'an Ethereum address (0x…; BNB Smart Chain and Avalanche C-Chain addresses look the same)',
    chains: EVM,
  },
  { pattern: new RegExp(`^t?bnb1${BECH32}{38}$`), description: 'a BNB Beacon Chain address (bnb1…), a chain that is retired', chains: [] },
  { pattern: new RegExp(`^X-(avax|fuji)1${BECH32}{38,}$`), description: 'an Avalanche X-Chain address (X-avax1…)', chains: [] },
  { pattern: new RegExp(`^P-(avax|fuji)1${BECH32}{38,}$`), description: 'an Avalanche P-Chain address (P-avax1…)', chains: [] },
  { pattern: new RegExp(`^(bc|tb)1${BECH32}{8,87}$`, 'i'), description: 'a Bitcoin address', chains: ['bitcoin'] },
  { pattern: new RegExp(`^addr1${BECH32}{50,}$`), description: 'a Cardano address', chains: ['cardano'] },
  { pattern: new RegExp(`^addr_test1${BECH32}{50,}$`), description: 'a Cardano testnet address', chains: ['cardano'] },
  { pattern: new RegExp(`^stake(_test)?1${BECH32}{50,}$`), description: 'a Cardano stake (reward) address', chains: ['cardano'] },
  { pattern: new RegExp(`^(Ae2|DdzFF|37btjr)${BASE58}{40,}$`), description: 'a Cardano Byron (legacy) address', chains: ['cardano'] },
  {
    pattern: new RegExp(`^cosmosvaloper1${BECH32}{38,58}$`),
    description: 'a Cosmos validator operator address (cosmosvaloper1…), which is never a withdrawal destination',
    chains: ['cosmos'],
  },
  { pattern: new RegExp(`^cosmosvalcons1${BECH32}{38,58}$`), description: 'a Cosmos validator consensus address (cosmosvalcons1…)', chains: ['cosmos'] },
  { pattern: new RegExp(`^cosmos1${BECH32}{38,58}$`), description: 'a Cosmos Hub address', chains: ['cosmos'] },
  { pattern: new RegExp(`^osmo1${BECH32}{38,58}$`), description: 'an Osmosis address (osmo1…)', chains: ['cosmos'] },
  { pattern: new RegExp(`^T${BASE58}{33}$`), description: 'a TRON address', chains: [] },
  { pattern: new RegExp(`^[XT]${BASE58}{46}$`), description: 'an XRP Ledger X-address', chains: ['xrp-ledger'] },
  { pattern: new RegExp(`^r${BASE58}{24,34}$`), description: 'an XRP Ledger address', chains: ['xrp-ledger'] },
  { pattern: new RegExp(`^[13]${BASE58}{25,33}$`), description: 'a Bitcoin address', chains: ['bitcoin'] },
  { pattern: new RegExp(`^[mn2]${BASE58}{25,34}$`), description: 'a Bitcoin testnet address', chains: ['bitcoin'] },
  { pattern: new RegExp(`^1${BASE58}{46,47}$`), description: 'a Polkadot address', chains: ['polkadot'] },
  { pattern: new RegExp(`^[C-HJ]${BASE58}{46,47}$`), description: 'a Kusama address', chains: ['polkadot'] },
  { pattern: new RegExp(`^5${BASE58}{47}$`), description: 'a generic Substrate address (SS58 prefix 42)', chains: ['polkadot'] },
  { pattern: /^[A-Z2-7]{58}$/, description: 'an Algorand address', chains: ['algorand'] },
  // A Solana key (32 bytes) is 43 or 44 characters, fewer only when it starts with zero bytes.
  { pattern: new RegExp(`^${BASE58}{40,44}$`), description: 'a Solana address', chains: ['solana'] },
];

/**
 * What the value looks like, as "a TRON address", or null when it looks like nothing known or like an address
 * of `expected` itself (then the chain's own rules say what is wrong with it).
 */
export function describeForeignAddress(value: string, expected?: ChainId): string | null {
  const shape = SHAPES.find((candidate) => candidate.pattern.test(value));
  if (!shape || (expected !== undefined && shape.chains.includes(expected))) return null;
  return shape.description;
}

/** A refusal for a value that is not of the chain's form: the form expected, then what it looks like instead. */
export function refuseForm(expected: ChainId, form: string, value: string): AddressResult {
  const foreign = describeForeignAddress(value, expected);
  return { ok: false, message: foreign === null ? `${form}.` : `${form}; this looks like ${foreign}.` };
}
