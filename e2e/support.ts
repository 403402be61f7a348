import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { RecordedRequest } from '../sandbox/types.mjs';
import { sandboxUrl } from './ports.ts';

/** The sandbox's demo credentials (fake, valid only there). */
export const API_KEY = 'sandbox-demo-key';
export const SECRET = 'sandbox-demo-secret';
export const ETH_ADDRESS = '0x829bd824b016326a401d083b33d092293333a830';

export type { RecordedRequest };

/** One simulated confirmation email (GET /__sandbox/mailbox); the URLs are absolute. */
export interface SandboxEmail {
  id: string;
  withdrawalId: string;
  status: string;
  confirmUrl: string;
  cancelUrl: string;
}

/** Talks to the sandbox's control endpoints directly (they are never reachable through the app's proxy). */
export class SandboxControl {
  constructor(private readonly request: APIRequestContext) {}

  async reset(): Promise<void> {
    expect((await this.request.post(`${sandboxUrl}/__sandbox/reset`)).ok()).toBe(true);
  }

  async requests(): Promise<RecordedRequest[]> {
    const response = await this.request.get(`${sandboxUrl}/__sandbox/requests`);
    return ((await response.json()) as { requests: RecordedRequest[] }).requests;
  }

  async withdrawPosts(): Promise<RecordedRequest[]> {
    return (await this.requests()).filter((entry) => entry.method === 'POST' && entry.path === '/auth/withdraw');
  }

  async fault(fault: Record<string, unknown>): Promise<void> {
    expect((await this.request.post(`${sandboxUrl}/__sandbox/fault`, { data: fault })).ok()).toBe(true);
  }

  /** Sets the withdraw permission and/or free balances (decimal strings); reset restores them. */
  async account(settings: { withdrawEnabled?: boolean; balances?: Record<string, string> }): Promise<void> {
    expect((await this.request.post(`${sandboxUrl}/__sandbox/account`, { data: settings })).ok()).toBe(true);
  }

  /** The confirmation emails in the sandbox's mailbox, newest first. */
  async emails(): Promise<SandboxEmail[]> {
    const response = await this.request.get(`${sandboxUrl}/__sandbox/mailbox`);
    return ((await response.json()) as { emails: SandboxEmail[] }).emails;
  }
}

export async function enterKeys(page: Page, apiKey = API_KEY, secret = SECRET): Promise<void> {
  await page.getByLabel('API key', { exact: true }).fill(apiKey);
  await page.getByLabel('Secret key', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Use keys for this tab' }).click();
  await expect(page.getByRole('button', { name: 'Forget keys' })).toBeVisible();
}

export async function fillWithdrawal(page: Page, values: { asset?: string; qty: string; address: string }): Promise<void> {
  await page.getByLabel('Asset').selectOption(values.asset ?? 'ETH');
  await page.getByLabel('Quantity').fill(values.qty);
  await page.getByLabel('Address', { exact: true }).fill(values.address);
}

export async function reviewAndConfirm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review withdrawal' }).click();
  await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
}
