/**
 * The account figures the form shows for one asset (free balance, fee, what arrives, permission,
 * allowance, masked email), selected from whatever GET /personal and GET /assets held. Pure: exact
 * decimal strings only, never JavaScript floats; anything missing is null, i.e. "unknown".
 */
import { MAX_QUANTITY_DECIMALS, type AssetId } from '../config/assets';
import { compareDecimals, decimalFromJson, subtractDecimals, truncateDecimals } from '../validation/decimal';
import { parseQuantity } from '../validation/quantity';

/** What the page checks a quantity against before signing; null where the exchange has not said. */
export interface AccountLimits {
  asset: AssetId;
  free: string | null;
  fee: string | null;
  withdrawEnabled: boolean | null;
}

export interface AccountFigures extends AccountLimits {
  /** The withdrawal allowance as the exchange gave it. */
  allowance: string | null;
  /** The confirmation email, masked for the screen. */
  maskedEmail: string | null;
}

/** The parts of the two answers the figures come from (both read loosely: an unexpected shape shows less). */
export interface PersonalAnswer {
  email?: unknown;
  withdrawal_allowance?: unknown;
  balances?: Record<string, { free?: unknown }> | undefined;
  permissions?: { withdraw_enabled?: boolean | undefined } | undefined;
}
/** GET /assets: per asset id, its facts (the fee, and whatever else the exchange gives: read in assets.ts). */
export type AssetsAnswer = Record<string, { fees?: { withdrawal?: unknown } | undefined; [fact: string]: unknown }>;

export function selectAccountFigures(asset: AssetId, personal: PersonalAnswer | undefined, assets: AssetsAnswer | undefined): AccountFigures {
  return {
    asset,
    free: decimalFromJson(personal?.balances?.[asset]?.free),
    fee: decimalFromJson(assets?.[asset]?.fees?.withdrawal),
    withdrawEnabled: personal?.permissions?.withdraw_enabled ?? null,
    allowance: allowanceAsGiven(personal?.withdrawal_allowance),
    maskedEmail: typeof personal?.email === 'string' ? maskEmail(personal.email) : null,
  };
}

function allowanceAsGiven(value: unknown): string | null {
  if (typeof value === 'number') return decimalFromJson(value) ?? String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

const MASK = '•'.repeat(8);

/**
 * `alice.sandbox@example.org` → `a••••••••x@example.org`: the first and last character of the local part,
 * a fixed run of bullets (so the length is not given away), the domain kept. A local part of one or two
 * characters keeps only its first; something that is not an address is masked whole.
 */
export function maskEmail(email: string): string {
  const text = email.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return MASK;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  const [first = ''] = local;
  const last = local.length > 2 ? local.slice(-1) : '';
  return `${first}${MASK}${last}@${domain}`;
}

/** What arrives at the address for a quantity, as the form shows it. */
export type AmountReceived =
  /** The quantity is not (yet) a valid decimal: "—". */
  | { kind: 'no-quantity' }
  | { kind: 'unknown-fee' }
  /** The fee takes the whole quantity. */
  | { kind: 'nothing' }
  | { kind: 'amount'; value: string };

export function amountReceived(typedQuantity: string, fee: string | null): AmountReceived {
  const quantity = parseQuantity(typedQuantity);
  if (!quantity.ok) return { kind: 'no-quantity' };
  if (fee === null) return { kind: 'unknown-fee' };
  if (compareDecimals(quantity.value, fee) <= 0) return { kind: 'nothing' };
  return { kind: 'amount', value: subtractDecimals(quantity.value, fee) };
}

/** "You receive", in words. */
export function receivedInWords(received: AmountReceived, asset: string): string {
  switch (received.kind) {
    case 'no-quantity':
      return '—';
    case 'unknown-fee':
      return 'unknown (the fee is unknown)';
    case 'nothing':
      return 'nothing: the fee takes the whole quantity';
    case 'amount':
      return `${received.value} ${asset}`;
  }
}

/** What "Max" fills in: the free balance exactly, cut (down) to the decimals the exchange accepts. */
export function maxQuantity(free: string): string {
  return truncateDecimals(free, MAX_QUANTITY_DECIMALS);
}
