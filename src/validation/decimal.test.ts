import { describe, expect, it } from 'vitest';
import { compareDecimals, decimalFromJson, subtractDecimals, truncateDecimals } from './decimal';

describe('decimalFromJson', () => {
  it.each([
    [10, '10'],
    [1.5, '1.5'],
    [0.0000001, '0.0000001'],
    [25000, '25000'],
    [0, '0'],
    ['12.3400', '12.34'],
    [' 007 ', '7'],
  ])('reads %j as %j', (value, expected) => {
    expect(decimalFromJson(value)).toBe(expected);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], [1e21], ['1e-7'], ['-2'], ['abc'], [null], [undefined], [{}]])('refuses %j', (value) => {
    expect(decimalFromJson(value)).toBeNull();
  });
});

describe('compareDecimals', () => {
  it.each([
    ['1', '1', 0],
    ['1.5', '1.50', 0],
    ['0.3', '0.30000001', -1],
    ['10', '9.99999999', 1],
    ['0.00000001', '0', 1],
    ['123456789012345.12345678', '123456789012345.12345679', -1],
  ] as const)('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });
});

describe('subtractDecimals', () => {
  it.each([
    ['0.3', '0.1', '0.2'],
    ['0.3', '0.2', '0.1'],
    ['1.5', '0.005', '1.495'],
    ['1250.5', '5', '1245.5'],
    ['10', '0.00000001', '9.99999999'],
    ['0.00000002', '0.00000001', '0.00000001'],
    ['123456789012345.12345678', '0.00000001', '123456789012345.12345677'],
    ['1', '1', '0'],
    ['1.10', '1.1', '0'],
    ['0.005', '0.005', '0'],
    ['0.004', '0.005', '-0.001'],
    ['0', '5', '-5'],
    ['1', '1.00000001', '-0.00000001'],
  ])('%s − %s is exactly %s', (a, b, expected) => {
    expect(subtractDecimals(a, b)).toBe(expected);
  });

  it('is exact where floats are not', () => {
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(subtractDecimals('0.3', '0.1')).toBe('0.2');
    // 0.1 + 0.2 style: 0.30000000000000004 as a float.
    expect(subtractDecimals('0.3', '0.2')).toBe('0.1');
  });
});

describe('truncateDecimals', () => {
  it.each([
    ['10', 8, '10'],
    ['8.5', 8, '8.5'],
    ['0.12345678', 8, '0.12345678'],
    ['0.123456789', 8, '0.12345678'],
    ['1.000000009', 8, '1'],
    ['0.999999999', 8, '0.99999999'],
  ])('cuts %s to %i decimals as %s, rounding down', (value, places, expected) => {
    expect(truncateDecimals(value, places)).toBe(expected);
  });
});
