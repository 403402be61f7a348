// @ts-check
/**
 * The sandbox's types, declared once. The sandbox's modules, its tests and the end-to-end support code import them
 * from here (`import type { RecordedRequest } from '../sandbox/types.mjs'`), so a shape changes in one place.
 * This module has no runtime content.
 */

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] TCP port; 0 picks a free one. Default 8787.
 * @property {string} [host] Interface to bind. Default 127.0.0.1.
 * @property {string} [apiKey] Accepted `x-api-key`. Default env SANDBOX_API_KEY or "sandbox-demo-key".
 * @property {string} [secret] HMAC secret. Default env SANDBOX_SECRET or "sandbox-demo-secret".
 * @property {() => number} [now] Clock in ms since the epoch (for /time, the timestamp window, record times).
 * @property {(line: string) => void} [log] Where the banner and the one-line lifecycle messages go.
 * @property {boolean} [quiet] Print nothing at all.
 * @property {number} [processingMs] How long a confirmed withdrawal stays ACTIVE before it is COMPLETED. Default 3000.
 * @property {() => number} [random] Source of numbers in [0, 1) for fault `probability`. Default Math.random.
 * @property {string[]} [publicHosts] Host names (as sent in Host) it answers to besides the loopback names on its
 *   port; default env SANDBOX_PUBLIC_HOSTS, else none.
 */

/**
 * @typedef {object} Sandbox
 * @property {string} url Base URL, e.g. http://127.0.0.1:8787 (no trailing slash).
 * @property {number} port The bound port (useful with port 0).
 * @property {() => Promise<void>} close Stop listening, cancel every timer and drop open connections.
 */

/** @typedef {import('../contract/everstrike.mjs').WithdrawalStatus} WithdrawalStatus */

/**
 * @typedef {object} AssetInfo
 * @property {string} id
 * @property {string} name
 * @property {number} decimals The asset's own decimals, as `GET /assets` gives them.
 * @property {string} startingBalance Exact decimal.
 * @property {string} withdrawalFee Exact decimal.
 * @property {string | null} minimum The smallest quantity accepted, when above the fee (exact decimal).
 * @property {string} depositAddress The account's deposit address for it (valid for its chain).
 * @property {RegExp} addressShape The withdrawal address shape the sandbox accepts for it.
 */

/**
 * @typedef {object} Balance Amounts in 1e-8 units.
 * @property {bigint} free
 * @property {bigint} locked
 * @property {bigint} withdrawn
 */

/**
 * A withdrawal as the ledger keeps it (amounts in 1e-8 units).
 * @typedef {object} Withdrawal
 * @property {string} id
 * @property {string} asset
 * @property {bigint} qty Gross quantity.
 * @property {bigint} net Quantity minus the fee.
 * @property {string} address
 * @property {WithdrawalStatus} status
 * @property {number} time Accepted at (ms).
 * @property {boolean} emailConfirmed
 * @property {string | null} transactionHash
 */

/**
 * A row of `GET /withdrawals`, the shape the page reads.
 * @typedef {object} WithdrawalRow
 * @property {string} id
 * @property {string} asset
 * @property {string} qty Gross, exact decimal.
 * @property {string} net Exact decimal.
 * @property {string} fee qty − net, exact decimal.
 * @property {string} address
 * @property {WithdrawalStatus} status
 * @property {number} time
 * @property {boolean} email_confirmed
 * @property {{ hash: string } | null} transaction
 */

/**
 * Per-asset balance in `GET /personal` (JSON numbers, as the real API sends them).
 * @typedef {object} BalanceRow
 * @property {number} free
 * @property {number} locked
 * @property {number} withdrawn
 * @property {number} pnl
 * @property {number} margin
 * @property {number} fees
 */

/**
 * A confirmation email the sandbox "sent".
 * @typedef {object} MailboxEmail
 * @property {string} id
 * @property {string} to
 * @property {string} subject
 * @property {string} withdrawalId
 * @property {number} time
 */

/**
 * An entry of `GET /__sandbox/mailbox`.
 * @typedef {object} MailboxEmailView
 * @property {string} id
 * @property {string} to
 * @property {string} subject
 * @property {string} withdrawalId
 * @property {WithdrawalStatus} status The withdrawal's current status.
 * @property {string} confirmUrl Absolute URL of the "Confirm withdrawal" link.
 * @property {string} cancelUrl Absolute URL of the "Cancel withdrawal" link.
 * @property {number} time
 */

/**
 * One entry of `GET /__sandbox/requests`.
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path Path without the query string.
 * @property {string} url The request target as received (path and query).
 * @property {Record<string, string | string[]>} headers Lower-case names.
 * @property {string} body The body decoded as UTF-8.
 * @property {number} time
 */

/**
 * A queued fault (see faults.mjs).
 * @typedef {object} Fault
 * @property {string} path
 * @property {number} status
 * @property {string} contentType
 * @property {string} body
 * @property {number} delayMs
 * @property {boolean} drop
 * @property {boolean} passThrough
 * @property {number} probability Chance in [0, 1] that the fault applies to a matching request.
 * @property {number} remaining
 */

/**
 * The body of `POST /__sandbox/account`, validated.
 * @typedef {object} AccountUpdate
 * @property {boolean} [withdrawEnabled]
 * @property {Map<string, bigint>} [balances] Free balance per asset, in 1e-8 units.
 * @property {string[]} [disabledAssets] Assets whose withdrawals are switched off (GET /assets says so).
 */

/** The exchange's envelope, as tests read it. @typedef {import('../contract/everstrike.mjs').Envelope<unknown>} Envelope */

/**
 * An answer ready to send.
 * @typedef {object} Reply
 * @property {number} status
 * @property {string} contentType
 * @property {string} body
 * @property {Record<string, string>} [headers]
 */

/**
 * A request after its body was read.
 * @typedef {object} ApiRequest
 * @property {string} method
 * @property {string} path Path without the query string.
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {Buffer} raw The body bytes (at most 16 KiB).
 * @property {boolean} tooLarge The body went over 16 KiB.
 * @property {boolean} [fromAnotherSite] The browser marked it as sent by another site (see request-guards.mjs).
 */

export {};
