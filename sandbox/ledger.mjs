// @ts-check
/**
 * The account's ledger: balances and withdrawals in exact 1e-8 units, the withdraw permission, and the withdrawal
 * lifecycle the real exchange runs:
 *
 *   accepted → PENDING (free → locked) ─ confirmed from the email → ACTIVE ─ after processingMs → COMPLETED
 *                                     │                                       (locked → withdrawn, tx hash)
 *                                     └ cancelled from the email → CANCELLED (locked → free)
 *
 * It owns the processing timers (cleared by reset and dispose). No HTTP here; events go to `onEvent`.
 */
import { randomBytes } from 'node:crypto';
import { toUnits } from './amounts.mjs';
import { ASSET_LIST } from './exchange-data.mjs';

/** @typedef {import('./types.mjs').Balance} Balance */
/** @typedef {import('./types.mjs').Withdrawal} Withdrawal */
/** @typedef {'accepted' | 'confirmed' | 'cancelled' | 'completed'} LedgerEventType */

/**
 * What a confirm or cancel did: `changed` is false when the withdrawal was already past that step.
 * @typedef {object} Transition
 * @property {boolean} changed
 * @property {Withdrawal} withdrawal
 */

/**
 * @typedef {object} LedgerOptions
 * @property {() => number} now
 * @property {number} processingMs How long ACTIVE lasts before COMPLETED.
 * @property {(type: LedgerEventType, withdrawal: Withdrawal) => void} [onEvent]
 */

/** @returns {string} */
const newWithdrawalId = () => `wd_${randomBytes(6).toString('hex')}`;
/** @returns {string} A fake transaction hash: 0x and 64 hex digits. */
const newTransactionHash = () => `0x${randomBytes(32).toString('hex')}`;

/**
 * @param {LedgerOptions} options
 */
export function createLedger({ now, processingMs, onEvent = () => {} }) {
  /** @type {Map<string, Balance>} */
  const balances = new Map();
  /** @type {Map<string, Withdrawal>} in acceptance order (oldest first); ids are looked up, never scanned */
  const withdrawals = new Map();
  /** @type {Map<string, ReturnType<typeof setTimeout>>} */
  const processing = new Map();
  let withdrawEnabled = true;
  /** @type {Set<string>} assets whose withdrawals the exchange has switched off */
  const disabledAssets = new Set();

  /**
   * @param {string} assetId
   * @returns {Balance}
   */
  function balanceEntry(assetId) {
    const balance = balances.get(assetId);
    if (!balance) throw new Error(`sandbox: no balance for ${assetId}`);
    return balance;
  }

  function clearTimers() {
    for (const timer of processing.values()) clearTimeout(timer);
    processing.clear();
  }

  function reset() {
    clearTimers();
    balances.clear();
    for (const asset of ASSET_LIST) {
      balances.set(asset.id, { free: toUnits(asset.startingBalance), locked: 0n, withdrawn: 0n });
    }
    withdrawals.clear();
    withdrawEnabled = true;
    disabledAssets.clear();
  }
  reset();

  /** @param {Withdrawal} withdrawal */
  function complete(withdrawal) {
    processing.delete(withdrawal.id);
    if (withdrawal.status !== 'ACTIVE') return;
    const balance = balanceEntry(withdrawal.asset);
    balance.locked -= withdrawal.qty;
    balance.withdrawn += withdrawal.qty;
    withdrawal.status = 'COMPLETED';
    withdrawal.transactionHash = newTransactionHash();
    onEvent('completed', withdrawal);
  }

  return {
    reset,
    /** Cancels the processing timers for good (the sandbox is closing). */
    dispose: clearTimers,

    /** @returns {boolean} */
    isWithdrawEnabled: () => withdrawEnabled,
    /** @param {boolean} enabled */
    setWithdrawEnabled(enabled) {
      withdrawEnabled = enabled;
    },
    /** @param {string} assetId */
    isAssetEnabled: (assetId) => !disabledAssets.has(assetId),
    /** @param {readonly string[]} assetIds Replaces the set of assets whose withdrawals are switched off. */
    setDisabledAssets(assetIds) {
      disabledAssets.clear();
      for (const id of assetIds) disabledAssets.add(id);
    },

    /**
     * A copy of an asset's balance.
     * @param {string} assetId
     * @returns {Balance}
     */
    balanceOf(assetId) {
      return { ...balanceEntry(assetId) };
    },

    /**
     * Sets an asset's free balance (control endpoint); locked and withdrawn amounts stay.
     * @param {string} assetId
     * @param {bigint} units
     */
    setFree(assetId, units) {
      balanceEntry(assetId).free = units;
    },

    /**
     * Accepts a withdrawal if the free balance covers it: PENDING, the quantity moves free → locked.
     * @param {{ asset: string, qty: bigint, fee: bigint, address: string }} request
     * @returns {Withdrawal | undefined} undefined when the free balance is too small.
     */
    submit({ asset, qty, fee, address }) {
      const balance = balanceEntry(asset);
      if (qty > balance.free) return undefined;
      balance.free -= qty;
      balance.locked += qty;
      /** @type {Withdrawal} */
      const withdrawal = {
        id: newWithdrawalId(),
        asset,
        qty,
        net: qty - fee,
        address,
        status: 'PENDING',
        time: Math.trunc(now()),
        emailConfirmed: false,
        transactionHash: null,
      };
      withdrawals.set(withdrawal.id, withdrawal);
      onEvent('accepted', withdrawal);
      return withdrawal;
    },

    /**
     * The email's "Confirm" link: PENDING → ACTIVE, then COMPLETED after processingMs. Harmless when repeated.
     * @param {string} id
     * @returns {Transition | undefined} undefined for an unknown id.
     */
    confirm(id) {
      const withdrawal = withdrawals.get(id);
      if (!withdrawal) return undefined;
      if (withdrawal.status !== 'PENDING') return { changed: false, withdrawal };
      withdrawal.status = 'ACTIVE';
      withdrawal.emailConfirmed = true;
      processing.set(
        id,
        setTimeout(() => complete(withdrawal), processingMs),
      );
      onEvent('confirmed', withdrawal);
      return { changed: true, withdrawal };
    },

    /**
     * The email's "Cancel" link: PENDING → CANCELLED, the quantity moves locked → free. Later steps cannot be undone.
     * @param {string} id
     * @returns {Transition | undefined} undefined for an unknown id.
     */
    cancel(id) {
      const withdrawal = withdrawals.get(id);
      if (!withdrawal) return undefined;
      if (withdrawal.status !== 'PENDING') return { changed: false, withdrawal };
      const balance = balanceEntry(withdrawal.asset);
      balance.locked -= withdrawal.qty;
      balance.free += withdrawal.qty;
      withdrawal.status = 'CANCELLED';
      onEvent('cancelled', withdrawal);
      return { changed: true, withdrawal };
    },

    /**
     * @param {string} id
     * @returns {Withdrawal | undefined}
     */
    get: (id) => withdrawals.get(id),

    /** @returns {Withdrawal[]} newest first */
    list: () => [...withdrawals.values()].reverse(),
  };
}

/** @typedef {ReturnType<typeof createLedger>} Ledger */
