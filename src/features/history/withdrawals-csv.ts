/**
 * The listed withdrawals as a CSV file a person can keep or hand to an accountant: exact decimals as written,
 * ISO-8601 UTC times, full addresses and hashes. RFC 4180 quoting, and a text cell that a spreadsheet would
 * run as a formula (= + - @, tab, CR) is prefixed with ' so opening the file runs nothing. Invisible characters
 * (a U+202E that reverses an address on screen) are written made visible, `⟨U+202E⟩`, as the page shows them. Pure.
 */
import type { Environment } from '../../config/proxy-contract';
import type { WithdrawalRow } from '../../exchange/withdrawals';
import { revealInvisible } from '../../validation/invisible-characters';

export const CSV_COLUMNS = ['id', 'time_utc', 'asset', 'qty', 'fee', 'net', 'address', 'status', 'transaction_hash'] as const;

/** What spreadsheets take as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused if it could be a formula, quoted if it holds a comma, a quote, CR or LF (quotes doubled). */
export function csvCell(value: string, { text = true }: { text?: boolean } = {}): string {
  const safe = text && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A value the exchange gave as text, with its invisible (and control) characters made visible first. */
const text = (value: string) => csvCell(revealInvisible(value).text);

/** An exact decimal (never a float), or empty when unknown. A decimal is not text: nothing to defuse. */
const decimal = (value: string | null) => csvCell(value ?? '', { text: false });

function csvLine(row: WithdrawalRow): string {
  return [
    text(row.id),
    csvCell(row.time === null ? '' : new Date(row.time).toISOString(), { text: false }),
    text(row.asset),
    // A quantity the exchange gave in another form is kept as given, as text (defused if need be).
    row.qty === null ? text(row.qtyAsGiven) : decimal(row.qty),
    decimal(row.fee),
    decimal(row.net),
    text(row.address),
    text(row.status),
    text(row.transactionHash ?? ''),
  ].join(',');
}

/** The header and one line per row, in the order given, each line ended by CRLF (RFC 4180). */
export function withdrawalsCsv(rows: readonly WithdrawalRow[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map(csvLine)].map((line) => `${line}\r\n`).join('');
}

/** `everstrike-local-withdrawals-2026-12-01.csv`: which exchange, and the day (UTC, as the times in it). */
export function withdrawalsCsvFileName(environment: Environment | undefined, now: number): string {
  return `everstrike-${environment ?? 'unknown'}-withdrawals-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
