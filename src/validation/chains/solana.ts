/**
 * Solana withdrawal addresses: a public key of 32 bytes in base58 (@scure/base). Solana addresses carry no
 * checksum, so a mistyped one that still decodes to 32 bytes cannot be told apart: the kind says so.
 */
import { base58 } from '@scure/base';
import type { AddressResult } from '../chains';
import { refuseForm } from './foreign-address';
import { decodeOrNull } from './decode';

const FORM = 'A Solana address is 32 to 44 base58 characters (no 0, O, I or l) that decode to 32 bytes';

export function validate(value: string): AddressResult {
  const key = decodeOrNull(base58, value);
  if (key === null) return refuseForm('solana', FORM, value);
  if (key.length !== 32) return refuseForm('solana', `${FORM}; this one decodes to ${key.length}`, value);
  return { ok: true, value, kind: 'Solana address (Solana has no checksum: compare it with its source)' };
}
