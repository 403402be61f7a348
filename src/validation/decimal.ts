/**
 * Exact decimal helpers for amounts that arrive from the exchange (JSON numbers or strings). Amounts are
 * compared as digit strings, never as floats.
 */
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** A plain decimal string for an amount from JSON, or null when it is not a non-negative finite amount. */
export function decimalFromJson(value: unknown): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value >= 1e21) return null;
    // toFixed avoids exponent notation (String(1e-7) is "1e-7"); 8 places is the exchange's precision.
    text = value.toFixed(8);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  if (!PLAIN_DECIMAL.test(text)) return null;
  const [integer = '0', fraction = ''] = text.split('.');
  const integerPart = integer.replace(/^0+(?=\d)/, '');
  const fractionPart = fraction.replace(/0+$/, '');
  return fractionPart ? `${integerPart}.${fractionPart}` : integerPart;
}

/** Compares two plain non-negative decimal strings exactly: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const { left, right } = toCommonUnits(a, b);
  return left === right ? 0 : left < right ? -1 : 1;
}

/** The two amounts as integers of the same (smallest common) decimal unit. */
function toCommonUnits(a: string, b: string): { left: bigint; right: bigint; places: number } {
  const [aInteger = '0', aFraction = ''] = a.split('.');
  const [bInteger = '0', bFraction = ''] = b.split('.');
  const places = Math.max(aFraction.length, bFraction.length);
  return { left: BigInt(aInteger + aFraction.padEnd(places, '0')), right: BigInt(bInteger + bFraction.padEnd(places, '0')), places };
}

/** Writes an integer count of 10^-places units as a plain decimal string without trailing zeros ("-0.2", "0"). */
function fromUnits(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const integer = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  const text = fraction ? `${integer}.${fraction}` : integer;
  return negative ? `-${text}` : text;
}

/**
 * a − b exactly, for plain non-negative decimal strings (0.3 − 0.1 is "0.2", never 0.19999999999999998).
 * The result can be "0" or negative ("-0.5"): callers decide what that means.
 */
export function subtractDecimals(a: string, b: string): string {
  const { left, right, places } = toCommonUnits(a, b);
  return fromUnits(left - right, places);
}

/** Cuts a plain decimal string down to at most `places` decimals, rounding down (never up past a balance). */
export function truncateDecimals(value: string, places: number): string {
  const [integer = '0', fraction = ''] = value.split('.');
  const kept = fraction.slice(0, places).replace(/0+$/, '');
  return kept ? `${integer}.${kept}` : integer;
}
