/**
 * The form's resolver: the withdrawal schema through react-hook-form's zod resolver. It is its own module so the
 * panel can load it (with the schema and the resolver library) at the first validation or once the page is idle,
 * not as part of the first screen.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { ChainId, OfferedAsset } from '../../config/assets';
import type { LimitsFor } from './account-limits';
import { withdrawSchema } from './withdraw-schema';

export function withdrawResolver(limitsFor: LimitsFor, offered: readonly OfferedAsset[]) {
  return zodResolver(withdrawSchema(limitsFor, offered));
}

/** Fetches the address rules of the chosen asset's chain before the first check needs them. */
export function preloadAddressRules(chain: ChainId | null): void {
  if (chain === null) return;
  import('../../validation/chains').then(({ preloadChainRules }) => preloadChainRules(chain)).catch(() => undefined);
}
