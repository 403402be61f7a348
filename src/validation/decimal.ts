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
  const [aInteger = '0', aFraction = ''] = a.split('.');
  const [bInteger = '0', bFraction = ''] = b.split('.');
  const width = Math.max(aFraction.length, bFraction.length);
  const left = BigInt(aInteger + aFraction.padEnd(width, '0'));
  const right = BigInt(bInteger + bFraction.padEnd(width, '0'));
  return left === right ? 0 : left < right ? -1 : 1;
}
