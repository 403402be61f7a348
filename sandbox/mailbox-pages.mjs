// @ts-check
/**
 * The HTML of the simulated mailbox: the list of confirmation emails and the small pages its "Confirm withdrawal"
 * and "Cancel withdrawal" links lead to. Pure functions from data to replies; every value is escaped, and the
 * pages carry a strict content security policy (no scripts at all: an email link is a plain GET).
 */
import { fromUnits } from './amounts.mjs';
import { escapeHtml, htmlPage } from './http-plumbing.mjs';

/** @typedef {import('./types.mjs').Reply} Reply */
/** @typedef {import('./types.mjs').Withdrawal} Withdrawal */
/** @typedef {import('./types.mjs').WithdrawalStatus} WithdrawalStatus */
/** @typedef {import('./types.mjs').MailboxEmail} MailboxEmail */
/** @typedef {import('./ledger.mjs').Transition} Transition */

/** @type {Record<WithdrawalStatus, string>} */
const STATUS_WORDS = {
  PENDING: 'Waiting for your confirmation',
  ACTIVE: 'Confirmed, processing',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Rejected by the exchange',
};

/**
 * @param {Withdrawal} withdrawal
 * @returns {string}
 */
export function statusInWords(withdrawal) {
  const words = STATUS_WORDS[withdrawal.status];
  return withdrawal.transactionHash === null ? words : `${words} (transaction ${withdrawal.transactionHash})`;
}

/**
 * @param {'confirm' | 'cancel'} action
 * @param {string} withdrawalId
 * @returns {string} A same-origin link target.
 */
export function mailboxLink(action, withdrawalId) {
  return `/mailbox/${action}/${encodeURIComponent(withdrawalId)}`;
}

/**
 * @param {bigint} units
 * @param {string} asset
 */
const amount = (units, asset) => `${fromUnits(units)} ${asset}`;

/**
 * @param {[string, string][]} rows label, value (both unescaped)
 * @returns {string}
 */
function definitionList(rows) {
  return `<dl>${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

/**
 * @param {MailboxEmail} email
 * @param {Withdrawal} withdrawal
 * @returns {string}
 */
function emailArticle(email, withdrawal) {
  const details = definitionList([
    ['To', email.to],
    ['Sent', new Date(email.time).toISOString()],
    ['Asset', withdrawal.asset],
    ['Quantity', amount(withdrawal.qty, withdrawal.asset)],
    ['Net (after the fee)', amount(withdrawal.net, withdrawal.asset)],
    ['Address', withdrawal.address],
    ['Withdrawal id', withdrawal.id],
    ['Status', statusInWords(withdrawal)],
  ]);
  return [
    `<article aria-labelledby="${escapeHtml(email.id)}">`,
    `<h2 id="${escapeHtml(email.id)}">${escapeHtml(email.subject)}</h2>`,
    details,
    '<p>A withdrawal was requested with your API key. If it was you, confirm it; if not, cancel it.</p>',
    `<p><a class="action" href="${escapeHtml(mailboxLink('confirm', withdrawal.id))}">Confirm withdrawal</a>`,
    `<a class="action" href="${escapeHtml(mailboxLink('cancel', withdrawal.id))}">Cancel withdrawal</a></p>`,
    '</article>',
  ].join('\n');
}

/**
 * The mailbox page: newest email first, at most `entries.length` shown out of `total`.
 * @param {{ to: string, entries: { email: MailboxEmail, withdrawal: Withdrawal }[], total: number }} view
 * @returns {Reply}
 */
export function renderMailbox({ to, entries, total }) {
  const intro =
    `<h1>Sandbox mailbox</h1>\n<p>Confirmation emails the sandbox exchange sent to ${escapeHtml(to)}, newest first. ` +
    'Simulated: nothing leaves this machine. Reload to see a status change.</p>';
  if (total === 0) {
    return htmlPage(200, 'Sandbox mailbox', `${intro}\n<p>No emails yet. Each accepted withdrawal sends one here.</p>`);
  }
  const more = total > entries.length ? `\n<p>Showing the ${entries.length} newest of ${total} emails.</p>` : '';
  const articles = entries.map(({ email, withdrawal }) => emailArticle(email, withdrawal)).join('\n');
  return htmlPage(200, `Sandbox mailbox (${total})`, `${intro}${more}\n${articles}`);
}

/**
 * @param {number} status
 * @param {string} title
 * @param {string} message
 * @returns {Reply}
 */
function outcomePage(status, title, message) {
  const body =
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>\n` + '<p><a href="/mailbox">Back to the mailbox</a></p>';
  return htmlPage(status, `${title} (sandbox)`, body);
}

/**
 * The page a "Confirm withdrawal" link leads to.
 * @param {string} id The id from the link.
 * @param {Transition | undefined} transition What the ledger did; undefined for an unknown id.
 * @returns {Reply}
 */
export function renderConfirmOutcome(id, transition) {
  if (!transition) return unknownWithdrawal(id);
  const { changed, withdrawal: w } = transition;
  const what = `Withdrawal ${w.id} of ${amount(w.qty, w.asset)}`;
  if (changed) return outcomePage(200, 'Withdrawal confirmed', `${what} is confirmed and now processing.`);
  if (w.status === 'ACTIVE' || w.status === 'COMPLETED') {
    return outcomePage(200, 'Already confirmed', `${what} was already confirmed. Status: ${statusInWords(w)}.`);
  }
  return outcomePage(409, 'Cannot confirm', `${what} can no longer be confirmed. Status: ${statusInWords(w)}.`);
}

/**
 * The page a "Cancel withdrawal" link leads to.
 * @param {string} id The id from the link.
 * @param {Transition | undefined} transition What the ledger did; undefined for an unknown id.
 * @returns {Reply}
 */
export function renderCancelOutcome(id, transition) {
  if (!transition) return unknownWithdrawal(id);
  const { changed, withdrawal: w } = transition;
  const what = `Withdrawal ${w.id} of ${amount(w.qty, w.asset)}`;
  if (changed) {
    return outcomePage(200, 'Withdrawal cancelled', `${what} is cancelled; the quantity is back in your free balance.`);
  }
  if (w.status === 'CANCELLED') return outcomePage(200, 'Already cancelled', `${what} was already cancelled.`);
  const why = w.emailConfirmed ? 'was already confirmed and ' : '';
  return outcomePage(409, 'Cannot cancel', `${what} ${why}can no longer be cancelled. Status: ${statusInWords(w)}.`);
}

/**
 * The page a confirm or cancel link leads to when another site made the browser follow it: nothing changed.
 * @returns {Reply}
 */
export function renderRefusedLink() {
  return outcomePage(
    403,
    'Link not followed',
    'This link was opened from another site, so nothing was confirmed or cancelled. Open the mailbox and follow the link there.',
  );
}

/**
 * @param {string} id
 * @returns {Reply}
 */
function unknownWithdrawal(id) {
  return outcomePage(404, 'Unknown withdrawal', `There is no withdrawal ${id} (a reset clears them all).`);
}
