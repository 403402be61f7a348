// @ts-check
/**
 * The simulated inbox of the account's owner. Every accepted withdrawal "sends" a confirmation email here, like
 * the real exchange does; `GET /mailbox` shows them and their links confirm or cancel the withdrawal through the
 * ledger. Not part of the exchange API: mailbox requests are never recorded and never take faults.
 */
import { randomBytes } from 'node:crypto';
import { fromUnits } from './amounts.mjs';
import { htmlPage } from './http-plumbing.mjs';
import { mailboxLink, renderCancelOutcome, renderConfirmOutcome, renderMailbox, renderRefusedLink } from './mailbox-pages.mjs';

/** @typedef {import('./types.mjs').Reply} Reply */
/** @typedef {import('./types.mjs').Withdrawal} Withdrawal */
/** @typedef {import('./types.mjs').MailboxEmail} MailboxEmail */
/** @typedef {import('./types.mjs').MailboxEmailView} MailboxEmailView */
/** @typedef {import('./ledger.mjs').Ledger} Ledger */

/** The mailbox page shows this many emails at most (a load test may send thousands). */
export const MAILBOX_PAGE_LIMIT = 100;

const LINK_PATTERN = /^\/mailbox\/(confirm|cancel)\/([^/]+)$/;

/**
 * @param {string} text A path segment.
 * @returns {string} Decoded, or as received when it is not valid percent-encoding (it then matches no id).
 */
function decodeSegment(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * @param {{ now: () => number, to: string, ledger: Ledger, baseUrl: () => string }} options
 */
export function createMailbox({ now, to, ledger, baseUrl }) {
  /** @type {MailboxEmail[]} oldest first */
  let emails = [];

  /** @returns {{ email: MailboxEmail, withdrawal: Withdrawal }[]} newest first */
  function entries(limit = Infinity) {
    /** @type {{ email: MailboxEmail, withdrawal: Withdrawal }[]} */
    const found = [];
    for (let i = emails.length - 1; i >= 0 && found.length < limit; i -= 1) {
      const email = /** @type {MailboxEmail} */ (emails[i]);
      const withdrawal = ledger.get(email.withdrawalId);
      if (withdrawal) found.push({ email, withdrawal });
    }
    return found;
  }

  /**
   * The "Confirm withdrawal" link (also `GET /__sandbox/confirm/<id>`).
   * @param {string} id
   * @returns {Reply}
   */
  function confirmFromEmail(id) {
    return renderConfirmOutcome(id, ledger.confirm(id));
  }

  /**
   * The "Cancel withdrawal" link.
   * @param {string} id
   * @returns {Reply}
   */
  function cancelFromEmail(id) {
    return renderCancelOutcome(id, ledger.cancel(id));
  }

  return {
    confirmFromEmail,
    cancelFromEmail,

    /**
     * Sends the confirmation email for a withdrawal just accepted.
     * @param {Withdrawal} withdrawal
     * @returns {MailboxEmail}
     */
    send(withdrawal) {
      /** @type {MailboxEmail} */
      const email = {
        id: `em_${randomBytes(6).toString('hex')}`,
        to,
        subject: `Confirm your withdrawal of ${fromUnits(withdrawal.qty)} ${withdrawal.asset}`,
        withdrawalId: withdrawal.id,
        time: Math.trunc(now()),
      };
      emails.push(email);
      return email;
    },

    clear() {
      emails = [];
    },

    /** @returns {MailboxEmailView[]} newest first, for `GET /__sandbox/mailbox` */
    views() {
      return entries().map(({ email, withdrawal }) => ({
        ...email,
        status: withdrawal.status,
        confirmUrl: `${baseUrl()}${mailboxLink('confirm', withdrawal.id)}`,
        cancelUrl: `${baseUrl()}${mailboxLink('cancel', withdrawal.id)}`,
      }));
    },

    /**
     * Answers a request under /mailbox. A link that another site made the browser follow (an image, a link or
     * a form on another page) changes nothing: only the mailbox's own page, a typed URL or a client without
     * fetch metadata (curl, the tests) confirms or cancels.
     * @param {string} method
     * @param {string} path
     * @param {{ fromAnotherSite?: boolean }} [from]
     * @returns {Reply}
     */
    handle(method, path, { fromAnotherSite = false } = {}) {
      const link = LINK_PATTERN.exec(path);
      if (path !== '/mailbox' && !link) {
        return htmlPage(404, 'Not found (sandbox mailbox)', '<p>Not found. <a href="/mailbox">Open the mailbox</a>.</p>');
      }
      // A link changes state, so only a GET follows it (a HEAD from a link checker does nothing).
      const allow = link ? 'GET' : 'GET, HEAD';
      if (method !== 'GET' && !(method === 'HEAD' && !link)) {
        const page = htmlPage(405, 'Method not allowed', '<p>Method not allowed.</p>');
        return { ...page, headers: { ...page.headers, allow } };
      }
      if (!link) return renderMailbox({ to, entries: entries(MAILBOX_PAGE_LIMIT), total: emails.length });
      if (fromAnotherSite) return renderRefusedLink();
      const id = decodeSegment(link[2] ?? '');
      return link[1] === 'confirm' ? confirmFromEmail(id) : cancelFromEmail(id);
    },
  };
}

/** @typedef {ReturnType<typeof createMailbox>} Mailbox */
