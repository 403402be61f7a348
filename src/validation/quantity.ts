import { MAX_QUANTITY_DECIMALS } from '../config/assets';

export type QuantityResult = { ok: true; value: string } | { ok: false; message: string };

const PLAIN_DECIMAL = /^(\d*)(?:\.(\d*))?$/;
/** 15 integer digits is far above any real balance and keeps the string meaningful to every reader. */
const MAX_INTEGER_DIGITS = 15;

/**
 * Turns what the person typed into the quantity string that is signed and sent, with at most `maxDecimals`
 * significant decimals (the asset's own, never more than the exchange's 8).
 *
 * It never goes through a JavaScript number: "0.0000001" stays "0.0000001" (not 1e-7) and "0.3" stays
 * "0.3". The only rewriting is cosmetic and value-preserving: surrounding spaces, leading zeros of the
 * integer part and trailing zeros of the fraction go ("007.50" becomes "7.5").
 */
export function parseQuantity(input: string, maxDecimals: number = MAX_QUANTITY_DECIMALS): QuantityResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter a quantity.' };
  if (/^[+-]/.test(text)) return { ok: false, message: 'Enter the quantity without a sign.' };
  if (/[eE]/.test(text)) return { ok: false, message: 'Write the quantity as a plain decimal, without an exponent (e.g. 0.0001).' };
  if (text.includes(',')) return { ok: false, message: 'Use a dot as the decimal separator and no thousands separators (e.g. 1250.5).' };

  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return { ok: false, message: 'The quantity can only contain digits and one decimal point.' };
  const integerDigits = match[1] ?? '';
  const fractionDigits = match[2] ?? '';
  if (integerDigits === '' && fractionDigits === '') {
    return { ok: false, message: 'The quantity can only contain digits and one decimal point.' };
  }
  if (fractionDigits.replace(/0+$/, '').length > maxDecimals) {
    const limit = maxDecimals === 0 ? 'no decimals' : `at most ${maxDecimals} decimal${maxDecimals === 1 ? '' : 's'}`;
    return { ok: false, message: maxDecimals < MAX_QUANTITY_DECIMALS ? `This asset takes ${limit}.` : `The exchange accepts ${limit}.` };
  }

  const integerPart = integerDigits.replace(/^0+(?=\d)/, '') || '0';
  const fractionPart = fractionDigits.replace(/0+$/, '');
  if (integerPart.length > MAX_INTEGER_DIGITS) return { ok: false, message: 'That quantity is too large.' };
  if (/^0*$/.test(integerPart + fractionPart)) return { ok: false, message: 'The quantity must be greater than zero.' };

  return { ok: true, value: fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}` };
}
