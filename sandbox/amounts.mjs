// @ts-check
/**
 * Exact amounts. The sandbox keeps every balance and quantity as a bigint of 1e-8 units, so that 0.1 + 0.2 is 0.3
 * and a withdrawal of the whole balance leaves exactly zero. Pure functions, no I/O.
 */

/** 1 unit of an asset in 1e-8 units. */
export const SCALE = 100_000_000n;

/** A plain decimal with at most 8 places, no sign, exponent or leading zeros ("0", "1.5", "0.00000001"). */
export const DECIMAL_PATTERN = /^(?:0|[1-9]\d*)(?:\.\d{1,8})?$/;

/**
 * Parses a decimal string already checked against DECIMAL_PATTERN into 1e-8 units.
 * @param {string} text
 * @returns {bigint}
 */
export function toUnits(text) {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(8, '0'));
}

/**
 * Formats 1e-8 units as a plain decimal string without trailing zeros ("1.495", "25000").
 * @param {bigint} units
 * @returns {string}
 */
export function fromUnits(units) {
  const sign = units < 0n ? '-' : '';
  const magnitude = units < 0n ? -units : units;
  const whole = magnitude / SCALE;
  const fraction = (magnitude % SCALE).toString().padStart(8, '0').replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * The nearest JSON number, for `/personal` balances (the real API sends numbers; the page converts them exactly).
 * @param {bigint} units
 * @returns {number}
 */
export function unitsToNumber(units) {
  return Number(fromUnits(units));
}
