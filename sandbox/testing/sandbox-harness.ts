/**
 * What the sandbox's HTTP tests share: a sandbox on a free port with a clock the test moves, and small typed
 * clients for its exchange, control and mailbox endpoints. Each test file starts its own sandbox with `sandboxForTests`,
 * which resets it before every test.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startSandbox } from '../server.mjs';
import type {
  BalanceRow,
  Envelope,
  MailboxEmailView,
  RecordedRequest,
  Sandbox,
  SandboxOptions,
  WithdrawalRow,
} from '../types.mjs';

export const API_KEY = 'test-key';
export const SECRET = 'test-secret';
export const T0 = 1_763_900_000_000;
export const ETH_ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';
export const BTC_ADDRESS = 'n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8';

export type Fields = { asset: string; qty: string; address: string; timestamp: string };
export type PostOptions = { apiKey?: string | null; signature?: string | null; contentType?: string | null; secret?: string };
export type Personal = { balances: Record<string, BalanceRow> } & Record<string, unknown>;
export type ControlAnswer = { status: number; json: { ok: boolean; error?: string } };

export const sign = (body: string, secret = SECRET): string => createHmac('sha256', secret).update(body).digest('base64');

/** The rejection envelope `{code, msg, result: {}}` with its HTTP status, for `toMatchObject`. */
export const rejection = (status: number, code: number, msg: string) => ({ status, json: { code, msg, result: {} } });

export class SandboxHarness {
  clock = T0;
  private started: Sandbox | undefined;

  async start(options: SandboxOptions = {}): Promise<void> {
    this.started = await startSandbox({
      port: 0,
      apiKey: API_KEY,
      secret: SECRET,
      now: () => this.clock,
      quiet: true,
      processingMs: 60_000,
      ...options,
    });
  }

  get sandbox(): Sandbox {
    if (!this.started) throw new Error('the test sandbox is not started');
    return this.started;
  }

  get url(): string {
    return this.sandbox.url;
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }

  /** The form body the page sends, fields in the contract's order; the timestamp defaults to the clock. */
  encode(fields: Partial<Fields> = {}): string {
    const all: Fields = { asset: 'ETH', qty: '1.5', address: ETH_ADDRESS, timestamp: String(this.clock), ...fields };
    return new URLSearchParams([
      ['asset', all.asset],
      ['qty', all.qty],
      ['address', all.address],
      ['timestamp', all.timestamp],
    ]).toString();
  }

  async postBody(body: string, options: PostOptions = {}): Promise<{ status: number; json: Envelope }> {
    const headers: Record<string, string> = {};
    const contentType = options.contentType === undefined ? 'application/x-www-form-urlencoded' : options.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
    const apiKey = options.apiKey === undefined ? API_KEY : options.apiKey;
    if (apiKey !== null) headers['x-api-key'] = apiKey;
    const signature = options.signature === undefined ? sign(body, options.secret) : options.signature;
    if (signature !== null) headers['x-signature'] = signature;
    // A byte body keeps fetch from adding its own text/plain content type.
    const response = await fetch(`${this.url}/auth/withdraw`, { method: 'POST', headers, body: new TextEncoder().encode(body) });
    return { status: response.status, json: (await response.json()) as Envelope };
  }

  withdraw(fields: Partial<Fields> = {}, options: PostOptions = {}) {
    return this.postBody(this.encode(fields), options);
  }

  /** Withdraws and returns the new withdrawal's id (fails the test if it was refused). */
  async withdrawId(fields: Partial<Fields> = {}): Promise<string> {
    const { status, json } = await this.withdraw(fields);
    expect(status).toBe(200);
    return (json.result as { id: string }).id;
  }

  async getJson(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, json: (await response.json()) as Envelope };
  }

  async personal(): Promise<Personal> {
    return (await this.getJson('/personal', { 'x-api-key': API_KEY })).json.result as Personal;
  }

  async balance(asset: string): Promise<BalanceRow | undefined> {
    return (await this.personal()).balances[asset];
  }

  async withdrawalList(): Promise<WithdrawalRow[]> {
    return (await this.getJson('/withdrawals', { 'x-api-key': API_KEY })).json.result as WithdrawalRow[];
  }

  async recorded(): Promise<RecordedRequest[]> {
    const response = await fetch(`${this.url}/__sandbox/requests`);
    return ((await response.json()) as { requests: RecordedRequest[] }).requests;
  }

  async mailboxEmails(): Promise<MailboxEmailView[]> {
    const response = await fetch(`${this.url}/__sandbox/mailbox`);
    return ((await response.json()) as { emails: MailboxEmailView[] }).emails;
  }

  /** POSTs a JSON control request (`/__sandbox/fault`, `/__sandbox/account`, …). */
  async control(path: string, spec: unknown): Promise<ControlAnswer> {
    const response = await fetch(`${this.url}/__sandbox/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof spec === 'string' ? spec : JSON.stringify(spec),
    });
    return { status: response.status, json: (await response.json()) as ControlAnswer['json'] };
  }

  fault(spec: Record<string, unknown>): Promise<ControlAnswer> {
    return this.control('fault', spec);
  }

  async reset(): Promise<void> {
    this.clock = T0;
    const response = await fetch(`${this.url}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(await response.json()).toEqual({ ok: true });
  }
}

/** A sandbox for this test file: started before all tests, reset (clock back to T0) before each, closed after. */
export function sandboxForTests(options: SandboxOptions = {}): SandboxHarness {
  const harness = new SandboxHarness();
  beforeAll(() => harness.start(options));
  afterAll(() => harness.close());
  beforeEach(() => harness.reset());
  return harness;
}
