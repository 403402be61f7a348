/**
 * The assets the app offers, from the exchange's public docs. ETH and the ERC-20 style tokens share one
 * Ethereum address format; BTC takes Bitcoin addresses.
 */
export type AddressFamily = 'ethereum' | 'bitcoin';

export const ASSETS = [
  { id: 'ETH', name: 'Ethereum', family: 'ethereum' },
  { id: 'BTC', name: 'Bitcoin', family: 'bitcoin' },
  { id: 'USDT', name: 'Tether USD', family: 'ethereum' },
  { id: 'DAI', name: 'Dai', family: 'ethereum' },
  { id: 'MKR', name: 'Maker', family: 'ethereum' },
  { id: 'ONT', name: 'Ontology', family: 'ethereum' },
  { id: 'MAN', name: 'Matrix AI Network', family: 'ethereum' },
] as const satisfies ReadonlyArray<{ id: string; name: string; family: AddressFamily }>;

export type AssetId = (typeof ASSETS)[number]['id'];

export const ASSET_IDS = ASSETS.map((asset) => asset.id) as [AssetId, ...AssetId[]];

export function assetFamily(asset: AssetId): AddressFamily {
  const found = ASSETS.find((candidate) => candidate.id === asset);
  if (!found) throw new RangeError(`Unknown asset ${asset}`);
  return found.family;
}

/** The exchange accepts at most 8 decimals for a quantity. */
export const MAX_QUANTITY_DECIMALS = 8;
