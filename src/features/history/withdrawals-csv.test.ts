import { describe, expect, it } from 'vitest';
import { toWithdrawalRow } from '../../exchange/withdrawals';
import { csvCell, withdrawalsCsv, withdrawalsCsvFileName } from './withdrawals-csv';

const ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
const HASH = '0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const TIME = Date.UTC(2026, 11, 1, 19, 7, 43);

/** A small RFC 4180 reader, independent of the writer: fields of each record, quotes undone. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(field, 'the text ends with CRLF').toBe('');
  return records;
}

describe('withdrawalsCsv', () => {
  it('writes the header and one line per withdrawal: exact decimals, ISO-8601 UTC, full address and hash', () => {
    const rows = [
      toWithdrawalRow({ id: 'wd_2', asset: 'ETH', qty: '1.50000000', net: '1.495', address: ADDRESS, status: 'COMPLETED', time: TIME, transaction: { hash: HASH } }),
      toWithdrawalRow({ id: 7, asset: 'USDT', qty: 0.1, net: null, address: 'TXYZ', status: 'PENDING', time: null }),
    ];
    const text = withdrawalsCsv(rows);
    expect(text.split('\r\n')[0]).toBe('id,time_utc,asset,qty,fee,net,address,status,transaction_hash');
    expect(parseCsv(text)).toEqual([
      ['id', 'time_utc', 'asset', 'qty', 'fee', 'net', 'address', 'status', 'transaction_hash'],
      ['wd_2', '2026-12-01T19:07:43.000Z', 'ETH', '1.5', '0.005', '1.495', ADDRESS, 'COMPLETED', HASH],
      ['7', '', 'USDT', '0.1', '', '', 'TXYZ', 'PENDING', ''],
    ]);
  });

  it('writes only the header for an empty list', () => {
    expect(withdrawalsCsv([])).toBe('id,time_utc,asset,qty,fee,net,address,status,transaction_hash\r\n');
  });

  it('keeps a quantity that is not a plain decimal as the exchange gave it, defused', () => {
    const row = toWithdrawalRow({ id: 'x', asset: 'ETH', qty: '-1e3', address: ADDRESS, status: 'REJECTED' });
    expect(parseCsv(withdrawalsCsv([row]))[1]?.[3]).toBe("'-1e3");
  });

  it('quotes what needs it, defuses what a spreadsheet would run and shows control characters, so a reader gets each value back', () => {
    const nasty = toWithdrawalRow({ id: '=HYPERLINK("http://evil","x")', asset: 'E,TH', qty: '1', address: 'a"b\r\nc', status: '@SUM(A1)', time: TIME, transaction: { hash: '+1\t2' } });
    const line = withdrawalsCsv([nasty]).split('\r\n').slice(1).join('\r\n');
    expect(line.startsWith('"\'=HYPERLINK(""http://evil"",""x"")"')).toBe(true);
    expect(parseCsv(withdrawalsCsv([nasty]))[1]).toEqual(["'=HYPERLINK(\"http://evil\",\"x\")", '2026-12-01T19:07:43.000Z', 'E,TH', '1', '', '', 'a"b⟨U+000D⟩⟨U+000A⟩c', "'@SUM(A1)", "'+1⟨U+0009⟩2"]);
  });

  it('writes invisible characters made visible, as the page shows them', () => {
    const row = toWithdrawalRow({ id: 'r', asset: 'ETH', qty: '1', address: '0x829b\u202Ed824', status: 'PENDING', time: TIME, transaction: { hash: 'ab\u200Bcd' } });
    const [, line] = parseCsv(withdrawalsCsv([row]));
    expect(line?.[6]).toBe('0x829b⟨U+202E⟩d824');
    expect(line?.[8]).toBe('ab⟨U+200B⟩cd');
    expect(withdrawalsCsv([row])).not.toMatch(/[\u202E\u200B]/);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['-2', "'-2"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('withdrawalsCsvFileName', () => {
  it('names the exchange and the UTC day', () => {
    expect(withdrawalsCsvFileName('local', Date.UTC(2026, 11, 1, 23, 59))).toBe('everstrike-local-withdrawals-2026-12-01.csv');
    expect(withdrawalsCsvFileName('mainnet', Date.UTC(2027, 0, 2))).toBe('everstrike-mainnet-withdrawals-2027-01-02.csv');
    expect(withdrawalsCsvFileName(undefined, Date.UTC(2027, 0, 2))).toBe('everstrike-unknown-withdrawals-2027-01-02.csv');
  });
});
