import { createHmac } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { Result } from 'axe-core';
import { SANDBOX_DEMO_KEYS } from '../contract/everstrike.mjs';
import type { RecordedRequest } from '../sandbox/types.mjs';
import { sandboxUrl } from './ports.ts';

/** The sandbox's demo credentials (fake, valid only there). */
export const API_KEY = SANDBOX_DEMO_KEYS.apiKey;
export const SECRET = SANDBOX_DEMO_KEYS.secret;
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
    expect((await this.request.post(`${sandboxUrl}/__sandbox/reset`, { data: {} })).ok()).toBe(true);
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

  /** Sets the withdraw permission, free balances (decimal strings) and/or assets switched off; reset restores them. */
  async account(settings: { withdrawEnabled?: boolean; balances?: Record<string, string>; disabledAssets?: string[] }): Promise<void> {
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

/** Sends a withdrawal straight to the sandbox, signed as the page would sign it (to set up a history quickly). */
export async function withdrawDirectly(request: APIRequestContext, values: { asset?: string; qty: string; address?: string }): Promise<void> {
  const body = new URLSearchParams({ asset: values.asset ?? 'ETH', qty: values.qty, address: values.address ?? ETH_ADDRESS, timestamp: String(Date.now()) }).toString();
  const signature = createHmac('sha256', SECRET).update(body).digest('base64');
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': API_KEY, 'x-signature': signature };
  const answer = await request.post(`${sandboxUrl}/auth/withdraw`, { headers, data: body });
  expect(await answer.json()).toMatchObject({ code: 200 });
}

export type ColorScheme = 'light' | 'dark';

/** The widths every state is checked at: a desktop window and a small phone. */
export const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 800 } } as const;

/** axe's findings in a form a person can read in a test report: rule, what it means, where, how to fix. */
function readableViolations(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `[${violation.id}] ${violation.help}: ${node.target.join(' ')}\n  ${node.failureSummary?.replaceAll('\n', '\n  ') ?? ''}`),
  );
}

/** Runs axe-core with its default rules on the whole page and fails with its findings, readably, if any. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(readableViolations(violations), `axe-core found accessibility violations (${where})`).toEqual([]);
}

/** The page does not scroll sideways: nothing is wider than the window. */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `the page scrolls sideways (${where})`).toBeLessThanOrEqual(clientWidth);
}

/** One look of the page: a colour scheme at one of the widths. */
export interface Look {
  colorScheme: ColorScheme;
  widthName: keyof typeof WIDTHS;
}

/** Every look a state is checked in: both schemes at both widths. */
export const LOOKS: readonly Look[] = (Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).flatMap((widthName) =>
  (['light', 'dark'] as const).map((colorScheme) => ({ colorScheme, widthName })),
);

/** "dark, 360 px": a look in words, for test titles and messages. */
export const lookInWords = (look: Look): string => `${look.colorScheme}, ${WIDTHS[look.widthName].width} px`;

/**
 * Checks one state of the page in one look: no axe violation, no sideways scrolling, and a full-page screenshot
 * into the test's output folder (test-results/, not committed). The page is left in the light scheme at desktop width.
 */
export async function checkLook(page: Page, testInfo: TestInfo, state: string, look: Look): Promise<void> {
  await page.setViewportSize(WIDTHS[look.widthName]);
  await page.emulateMedia({ colorScheme: look.colorScheme });
  const where = `${state}, ${lookInWords(look)}`;
  await expectNoAxeViolations(page, where);
  await expectNoSidewaysScroll(page, where);
  await page.screenshot({ path: testInfo.outputPath(`${state}-${look.colorScheme}-${look.widthName}.png`), fullPage: true });
  await page.setViewportSize(WIDTHS.desktop);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Checks one state in every look (see checkLook); a test that does this checks four looks. */
export async function checkEveryLook(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  for (const look of LOOKS) await checkLook(page, testInfo, state, look);
}

/** What shows that an element has the focus: its outline, its box shadow (Tailwind's rings) and its border. */
export interface FocusLook {
  outline: boolean;
  boxShadow: string;
  border: string;
}

/** How the element looks now, as far as focus indicators go. */
export async function focusLook(locator: Locator): Promise<FocusLook> {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    const transparent = (color: string) => color === 'transparent' || /rgba?\(.*,\s*0\)$/.test(color) || color.endsWith('/ 0)');
    return {
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor),
      boxShadow: style.boxShadow,
      border: `${style.borderWidth} ${style.borderStyle} ${style.borderColor}`,
    };
  });
}

/** How many indicators appear when the element takes the focus (exactly one is wanted: never two rings). */
export function focusIndicatorsAdded(unfocused: FocusLook, focused: FocusLook): number {
  return Number(focused.outline && !unfocused.outline) + Number(focused.boxShadow !== unfocused.boxShadow) + Number(focused.border !== unfocused.border);
}

/** The sandbox's own withdrawal list (GET /withdrawals with the demo key), newest first. */
export async function sandboxWithdrawals(request: APIRequestContext): Promise<{ id: string; status: string }[]> {
  const answer = await request.get(`${sandboxUrl}/withdrawals`, { headers: { 'x-api-key': API_KEY } });
  return ((await answer.json()) as { result: { id: string; status: string }[] }).result;
}

/**
 * Records the page's layout shifts (Layout Instability API) from the start, whatever caused them; `take`
 * returns and forgets those recorded so far, each with what moved. Call before `page.goto`.
 */
export async function recordLayoutShifts(page: Page): Promise<{ take: () => Promise<string[]> }> {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    Object.assign(window, { layoutShifts: shifts });
    type Shift = PerformanceEntry & { value: number; sources?: { node?: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        const moved = (entry.sources ?? []).map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 80) : 'text'));
        shifts.push(`${entry.value.toFixed(4)}: ${moved.join(' | ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return {
    take: () => page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts.splice(0)),
  };
}
