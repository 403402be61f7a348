import { expect, test, type Page } from '@playwright/test';
import { enterKeys, ETH_ADDRESS, fillWithdrawal, SandboxControl, WIDTHS } from './support.ts';

/**
 * A measurement, not a check: the cumulative layout shift over one withdrawal (from Confirm to the result and
 * the reads that follow it) with the exchange answering after 0, 800, 1500 and 3000 ms, at each width. Shifts
 * within 500 ms of an input are left out, as CLS leaves them out. Logs each figure and what moved; asserts only
 * that the withdrawal completed. Run alone: `npx playwright test e2e/flow-cls.spec.ts`.
 */

const LATENCIES_MS = [0, 800, 1500, 3000];

interface Shift {
  value: number;
  moved: string[];
}

async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: { value: number; moved: string[] }[] = [];
    Object.assign(window, { flowShifts: shifts });
    type Entry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Entry[]) {
        if (entry.hadRecentInput) continue;
        const moved = (entry.sources ?? []).map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 100) : String(source.node?.textContent ?? '').slice(0, 40)));
        shifts.push({ value: entry.value, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const takeShifts = (page: Page) => page.evaluate(() => (window as unknown as { flowShifts: Shift[] }).flowShifts.splice(0));

for (const [widthName, size] of Object.entries(WIDTHS)) {
  for (const latency of LATENCIES_MS) {
    test(`layout shift over a withdrawal answered after ${latency} ms (${widthName})`, async ({ page, request }) => {
      const sandbox = new SandboxControl(request);
      await sandbox.reset();
      if (latency > 0) await sandbox.fault({ path: '/auth/withdraw', delayMs: latency, passThrough: true });
      await page.setViewportSize(size);
      await recordShifts(page);
      await page.goto('/');
      await expect(page.getByTestId('environment-badge')).toBeVisible();
      await enterKeys(page);
      await fillWithdrawal(page, { qty: '0.5', address: ETH_ADDRESS });
      await page.getByRole('button', { name: 'Review withdrawal' }).click();
      const confirm = page.getByRole('button', { name: 'Confirm withdrawal' });
      await expect(confirm).toBeEnabled();
      await page.waitForTimeout(600);
      await takeShifts(page);

      await confirm.click();
      await expect(page.getByRole('heading', { name: 'The exchange accepted the withdrawal request' })).toBeFocused({ timeout: latency + 10_000 });
      await expect(page.getByTestId('history-row')).toHaveCount(1);
      await page.waitForTimeout(1_500);
      const shifts = await takeShifts(page);
      const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
      console.log(`CLS ${widthName} ${latency} ms: ${cls.toFixed(4)}`);
      for (const shift of shifts) console.log(`  ${shift.value.toFixed(4)}: ${shift.moved.join(' | ')}`);
    });
  }
}
