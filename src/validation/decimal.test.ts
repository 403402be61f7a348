import { describe, expect, it } from 'vitest';
import { compareDecimals, decimalFromJson } from './decimal';

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
