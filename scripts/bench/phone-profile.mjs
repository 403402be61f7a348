// @ts-check
/**
 * The phone the bench measures on, beside the unthrottled desktop: a 360 px wide touch screen, the CPU slowed 4×
 * and the network of Lighthouse's slow 4G (150 ms round trip, 1.6 Mbps down, 750 Kbps up), both applied over
 * CDP to each page before it navigates, so a cold load pays them from its first byte.
 */

export const PHONE_VIEWPORT = { width: 360, height: 800 };
export const PHONE_CONTEXT = { viewport: PHONE_VIEWPORT, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
export const CPU_SLOWDOWN = 4;
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * Slows `page` down to the phone: CPU and network.
 * @param {import('@playwright/test').Page} page
 */
export async function throttleToPhone(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}
