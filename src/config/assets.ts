/**
 * The assets the page can offer. Which assets exist is the exchange's word (GET /assets, read in
 * src/exchange/assets.ts); what the page knows of each, above all the chain a withdrawal of it goes to, is the
 * contract's table (contract/everstrike.mjs), shared with the sandbox. An asset the table does not know is still
 * offered, with no chain: its address is not checked here.
 */
import { KNOWN_ASSETS, MAX_QUANTITY_DECIMALS, MEMO_ASSETS_WITHOUT_RULES, type ChainId, type KnownAsset } from '../../contract/everstrike.mjs';

export { MAX_QUANTITY_DECIMALS };
export type { ChainId };

/** The exchange's id of an asset, e.g. "ETH". */
export type AssetId = string;

/** What an asset id may look like: it is signed and sent as it is, so nothing else is offered. */
export const ASSET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

/** The first asset offered when the list has it. */
export const DEFAULT_ASSET: AssetId = 'ETH';

/** An asset as the form offers it. */
export interface OfferedAsset {
  id: AssetId;
  name: string;
  /** The chain a withdrawal of it is sent on; null when the page has no address rules for it. */
  chain: ChainId | null;
  /** Deposits on its chain usually need a memo or destination tag, which this API cannot send. */
  memo: boolean;
  /** The most decimals a quantity may have: the asset's own, and never more than the exchange's 8. */
  maxDecimals: number;
  /** The withdrawal fee the exchange lists (exact decimal); null when it does not say. */
  fee: string | null;
  /** The smallest quantity the exchange lists for a withdrawal (exact decimal); null when it does not say. */
  minimum: string | null;
  /** Whether the exchange lists withdrawals of it as enabled; null when it does not say. */
  withdrawalsEnabled: boolean | null;
}

const KNOWN_BY_ID = new Map<AssetId, KnownAsset>(KNOWN_ASSETS.map((asset) => [asset.id, asset]));
const MEMO_WITHOUT_RULES: ReadonlySet<string> = new Set(MEMO_ASSETS_WITHOUT_RULES);

export function knownAsset(id: AssetId): KnownAsset | undefined {
  return KNOWN_BY_ID.get(id);
}

export function isAssetId(text: string): boolean {
  return ASSET_ID_PATTERN.test(text);
}

/** min(asset decimals, 8); 8 when the decimals are unknown. */
export function maxDecimalsFor(decimals: number | null | undefined): number {
  return typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0 ? Math.min(decimals, MAX_QUANTITY_DECIMALS) : MAX_QUANTITY_DECIMALS;
}

/** Whether a withdrawal of this asset usually needs a memo or tag at the destination. */
export function needsMemo(id: AssetId): boolean {
  return knownAsset(id)?.memo ?? MEMO_WITHOUT_RULES.has(id.toUpperCase());
}

/** The table's entry as offered when the exchange has not said anything about it. */
export function offeredFromKnown(known: KnownAsset): OfferedAsset {
  return {
    id: known.id,
    name: known.name,
    chain: known.chain,
    memo: known.memo,
    maxDecimals: maxDecimalsFor(known.decimals),
    fee: null,
    minimum: null,
    withdrawalsEnabled: null,
  };
}

/** Offered when the exchange's list cannot be read: the spot assets and the docs' ERC-20 tokens. */
export const BUILT_IN_ASSETS: readonly OfferedAsset[] = KNOWN_ASSETS.map(offeredFromKnown);

const TABLE_ORDER = new Map(KNOWN_ASSETS.map((asset, index) => [asset.id, index]));

/** A stable order, whatever order the exchange lists them in: the table's, then the others by id. */
export function compareAssets(a: OfferedAsset, b: OfferedAsset): number {
  const left = TABLE_ORDER.get(a.id) ?? Number.POSITIVE_INFINITY;
  const right = TABLE_ORDER.get(b.id) ?? Number.POSITIVE_INFINITY;
  if (left !== right) return left - right;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The asset to start with: ETH when offered, else the first. */
export function defaultAsset(assets: readonly OfferedAsset[]): AssetId {
  return assets.some((asset) => asset.id === DEFAULT_ASSET) ? DEFAULT_ASSET : (assets[0]?.id ?? DEFAULT_ASSET);
}
