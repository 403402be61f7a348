import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['5', '5'],
    ['0.05', '0.05'],
    ['0.0000001', '0.0000001'],
    ['0.00000001', '0.00000001'],
    ['1.50', '1.5'],
    ['1.0', '1'],
    ['1.', '1'],
    ['.5', '0.5'],
    ['007.250', '7.25'],
    ['  1250.5 ', '1250.5'],
    ['0.3', '0.3'],
    ['123456789012345.12345678', '123456789012345.12345678'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'Enter a quantity.'],
    ['   ', 'Enter a quantity.'],
    ['0', 'greater than zero'],
    ['0.00000000', 'greater than zero'],
    ['-1', 'without a sign'],
    ['+1', 'without a sign'],
    ['1e-7', 'without an exponent'],
    ['1E3', 'without an exponent'],
    ['1,5', 'decimal separator'],
    ['1,000.5', 'decimal separator'],
    ['0.000000001', 'at most 8 decimals'],
    ['1.2.3', 'digits and one decimal point'],
    ['.', 'digits and one decimal point'],
    ['12 34', 'digits and one decimal point'],
    ['0x10', 'digits and one decimal point'],
    ['Infinity', 'digits and one decimal point'],
    ['NaN', 'digits and one decimal point'],
    ['１２', 'digits and one decimal point'],
    ['1234567890123456', 'too large'],
  ])('refuses %j', (input, message) => {
    const result = parseQuantity(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
