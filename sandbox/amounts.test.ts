/** Exact 1e-8 amounts: parsing and formatting without floats. */
import { describe, expect, it } from 'vitest';
import { DECIMAL_PATTERN, fromUnits, toUnits, unitsToNumber } from './amounts.mjs';

describe('amounts', () => {
  it.each([
    ['0', 0n],
    ['1.5', 150_000_000n],
    ['0.00000001', 1n],
    ['25000', 2_500_000_000_000n],
    ['1234567890.12345678', 123_456_789_012_345_678n],
  ])('%s is %s units and back', (text, units) => {
    expect(DECIMAL_PATTERN.test(text)).toBe(true);
    expect(toUnits(text)).toBe(units);
    expect(fromUnits(units)).toBe(text);
  });

  it('formats without trailing zeros, and negatives with a sign', () => {
    expect(fromUnits(toUnits('1.50'))).toBe('1.5');
    expect(fromUnits(-50_000n)).toBe('-0.0005');
  });

  it('adds exactly where floats do not', () => {
    expect(fromUnits(toUnits('0.1') + toUnits('0.2'))).toBe('0.3');
    expect(unitsToNumber(toUnits('0.1') + toUnits('0.2'))).toBe(0.3);
  });

  it.each(['1e-7', '01', '1.', '.5', '-1', '1.000000001', ' 1', ''])('%j is not a plain decimal', (text) => {
    expect(DECIMAL_PATTERN.test(text)).toBe(false);
  });
});
