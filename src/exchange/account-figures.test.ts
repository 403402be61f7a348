import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../validation/quantity';
import { amountReceived, maskEmail, maxQuantity, receivedInWords, selectAccountFigures } from './account-figures';

describe('selectAccountFigures', () => {
  const personal = {
    email: 'alice.sandbox@example.org',
    withdrawal_allowance: 100000,
    balances: { ETH: { free: 10.5, locked: 0 } },
    permissions: { withdraw_enabled: true },
  };
  const assets = { ETH: { fees: { withdrawal: 0.005 } } };

  it('reads balance, fee, permission, allowance and the masked email exactly', () => {
    expect(selectAccountFigures('ETH', personal, assets)).toEqual({
      asset: 'ETH',
      free: '10.5',
      fee: '0.005',
      withdrawEnabled: true,
      allowance: '100000',
      maskedEmail: 'a••••••••x@example.org',
    });
  });

  it('shows tiny amounts without exponent notation, and float noise as the exchange’s 8 decimals', () => {
    expect(selectAccountFigures('BTC', { balances: { BTC: { free: 1e-7 } } }, undefined).free).toBe('0.0000001');
    expect(selectAccountFigures('ETH', { balances: { ETH: { free: 0.1 + 0.2 } } }, undefined).free).toBe('0.3');
    expect(selectAccountFigures('ETH', { balances: { ETH: { free: '8.50000000' } } }, undefined).free).toBe('8.5');
  });

  it('keeps a string allowance as given', () => {
    expect(selectAccountFigures('ETH', { withdrawal_allowance: '2 BTC per day' }, undefined).allowance).toBe('2 BTC per day');
  });

  it('leaves out (null) what the answers do not hold', () => {
    const unknown = { free: null, fee: null, withdrawEnabled: null, allowance: null, maskedEmail: null };
    expect(selectAccountFigures('USDT', { balances: { ETH: { free: 1 } } }, {})).toEqual({ asset: 'USDT', ...unknown });
    expect(selectAccountFigures('USDT', undefined, undefined)).toEqual({ asset: 'USDT', ...unknown });
    expect(selectAccountFigures('ETH', { email: 42, withdrawal_allowance: { daily: 1 } }, undefined)).toMatchObject({ allowance: null, maskedEmail: null });
  });
});

describe('maskEmail', () => {
  it.each([
    ['alice.sandbox@example.org', 'a••••••••x@example.org'],
    ['annie@example.org', 'a••••••••e@example.org'],
    ['abc@x.io', 'a••••••••c@x.io'],
    ['ab@x.io', 'a••••••••@x.io'],
    ['a@x.io', 'a••••••••@x.io'],
    ['  bob@example.org ', 'b••••••••b@example.org'],
    ['we"ird@name"@example.org', 'w••••••••"@example.org'],
  ])('masks %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it.each([['not-an-email'], ['@example.org'], ['alice@'], ['']])('masks %j whole', (email) => {
    expect(maskEmail(email)).toBe('••••••••');
  });

  it('does not give away the length of the local part', () => {
    expect(maskEmail('abcdefghijklmnopqrstuvwxyz@example.org')).toHaveLength(maskEmail('abc@example.org').length);
  });
});

describe('amountReceived', () => {
  it.each([
    ['1.5', '0.005', '1.495'],
    ['0.3', '0.1', '0.2'],
    ['1250.5', '5', '1245.5'],
    ['0.00000002', '0.00000001', '0.00000001'],
    ['10', '0.00000001', '9.99999999'],
    ['007.50', '0.5', '7'],
  ])('for %s with a fee of %s is exactly %s', (qty, fee, expected) => {
    expect(amountReceived(qty, fee)).toEqual({ kind: 'amount', value: expected });
  });

  it('is nothing when the fee takes it all', () => {
    expect(amountReceived('0.005', '0.005')).toEqual({ kind: 'nothing' });
    expect(amountReceived('0.004', '0.005')).toEqual({ kind: 'nothing' });
    expect(amountReceived('0.00000001', '0.00000001')).toEqual({ kind: 'nothing' });
  });

  it('is unknown with an unknown fee, and no figure while the quantity is not a valid decimal', () => {
    expect(amountReceived('1', null)).toEqual({ kind: 'unknown-fee' });
    for (const typed of ['', '1e-7', '1,5', '0', '0.000000001', 'abc']) {
      expect(amountReceived(typed, '0.005')).toEqual({ kind: 'no-quantity' });
    }
  });
});

describe('receivedInWords', () => {
  it('says each case plainly', () => {
    expect(receivedInWords({ kind: 'amount', value: '1.495' }, 'ETH')).toBe('1.495 ETH');
    expect(receivedInWords({ kind: 'no-quantity' }, 'ETH')).toBe('—');
    expect(receivedInWords({ kind: 'unknown-fee' }, 'ETH')).toMatch(/^unknown/);
    expect(receivedInWords({ kind: 'nothing' }, 'ETH')).toMatch(/^nothing/);
  });
});

describe('maxQuantity', () => {
  it.each([
    ['10', '10'],
    ['8.5', '8.5'],
    ['0.3', '0.3'],
    ['0.00000001', '0.00000001'],
    ['123456789012345.12345678', '123456789012345.12345678'],
    ['1.123456789', '1.12345678'],
  ])('fills %s as %s, a quantity the form accepts as it is', (free, max) => {
    expect(maxQuantity(free)).toBe(max);
    expect(parseQuantity(max)).toEqual({ ok: true, value: max });
  });
});
