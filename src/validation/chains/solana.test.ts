import { describe, expect, it } from 'vitest';
import { validate } from './solana';
import { VALID } from './test-vectors';

describe('Solana addresses', () => {
  it.each(VALID.solana)('accepts the program id %s, warning that Solana has no checksum', (address) => {
    expect(validate(address)).toEqual({ ok: true, value: address, kind: 'Solana address (Solana has no checksum: compare it with its source)' });
  });

  // Solana addresses carry no checksum: a changed character that still gives 32 bytes cannot be caught, so there
  // is no one-character-changed loop here; the kind above tells the person to compare.
  it.each([
    ['TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5D', 'this one decodes to 31'],
    ['TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DAA', 'this one decodes to 33'],
    ['TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5D0', 'A Solana address is 32 to 44 base58 characters'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'this looks like an Ethereum address'],
    ['15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5', 'this looks like a Polkadot address'],
  ])('refuses %s', (address, message) => {
    expect(validate(address)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });
});
