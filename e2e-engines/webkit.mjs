// @ts-check
/**
 * The engine specs' driver for WebKit (Safari's engine): Debian's WebKitGTK MiniBrowser in automation mode, driven
 * by WebKitWebDriver (W3C WebDriver) through selenium-webdriver. MiniBrowser has no headless mode, so it draws on
 * an Xvfb display this module starts on a free display number and stops with the browser.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Builder, WebElement } from 'selenium-webdriver';
import { chooseInPage, clearStorageInPage, findInPage, waitUntil } from './driver.mjs';

export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';
const LIB_DIRS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib'];

/** Debian's MiniBrowser, wherever its WebKitGTK API version puts it (webkit2gtk-4.0, -4.1, webkitgtk-6.0…). */
export function findMiniBrowser() {
  if (process.env.MINIBROWSER_PATH) return existsSync(process.env.MINIBROWSER_PATH) ? process.env.MINIBROWSER_PATH : undefined;
  for (const dir of LIB_DIRS) {
    if (!existsSync(dir)) continue;
    const versions = readdirSync(dir).filter((name) => /^webkit(?:2)?gtk-\d/.test(name)).sort().reverse();
    for (const version of versions) {
      const binary = join(dir, version, 'MiniBrowser');
      if (existsSync(binary)) return binary;
    }
  }
  return undefined;
}

/** A port no one listens on now (the driver needs a number; the moment between is short and loopback only). */
function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
      });
    })
  );
}

/**
 * Starts `command` and waits until `ready` (from its output) says it is up.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {(output: string) => string | undefined} ready
 */
function startProcess(command, args, env, ready) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const started = /** @type {Promise<string>} */ (
    new Promise((resolve, reject) => {
      let output = '';
      const read = (/** @type {Buffer} */ chunk) => {
        if (output.length > 20_000) return;
        output += chunk.toString();
        const answer = ready(output);
        if (answer !== undefined) resolve(answer);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`${command} exited (${code}): ${output.slice(-500)}`)));
      setTimeout(() => reject(new Error(`${command} did not start within 10 s: ${output.slice(-500)}`)), 10_000).unref();
    })
  );
  return { child, started };
}

/** @param {import('node:child_process').ChildProcess} child */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}

/**
 * Starts MiniBrowser on its own Xvfb display; `baseUrl` is the app's.
 * @param {string} baseUrl
 * @returns {Promise<import('./driver.mjs').Driver>}
 */
export async function startWebKit(baseUrl) {
  const miniBrowser = findMiniBrowser();
  if (miniBrowser === undefined) throw new Error('MiniBrowser not found (apt-get install webkit2gtk-driver)');
  // -displayfd: Xvfb picks a free display itself and prints its number once it accepts clients.
  const xvfb = startProcess(XVFB_PATH, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], process.env, (out) => out.match(/^(\d+)\n/)?.[1]);
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [xvfb.child];
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  // Whatever ends the run (a failure, a signal), no Xvfb or driver outlives it.
  const killAll = () => children.forEach((child) => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
  process.on('exit', killAll);
  const close = async () => {
    await driver?.quit().catch(() => undefined);
    for (const child of [...children].reverse()) await stop(child);
    process.off('exit', killAll);
  };
  try {
    const display = await xvfb.started;
    const port = await freePort();
    const env = { ...process.env, DISPLAY: `:${display}`, GDK_BACKEND: 'x11', WEBKIT_DISABLE_COMPOSITING_MODE: '1' };
    const webDriver = startProcess(WEBKIT_DRIVER_PATH, [`--port=${port}`], env, (out) => (/listening|started/i.test(out) ? 'up' : undefined));
    children.push(webDriver.child);
    await Promise.race([webDriver.started, new Promise((resolve) => setTimeout(resolve, 500))]);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] } })
      .build();
    await driver.manage().window().setRect({ width: 1280, height: 800 });
  } catch (error) {
    await close();
    throw error;
  }
  const session = driver;
  const capabilities = await session.getCapabilities();

  /**
   * @param {import('./driver.mjs').Query} query
   * @param {'find' | 'enabled' | 'focus'} mode see findInPage
   */
  const element = async (query, mode) => {
    const found = await waitUntil(
      `${query.kind} "${query.name}"${mode === 'enabled' ? ' enabled' : ''}`,
      () => session.executeScript(findInPage, query, mode),
      (value) => value instanceof WebElement,
    );
    if (!(found instanceof WebElement)) throw new Error(`no ${query.kind} "${query.name}"`);
    return found;
  };

  return {
    engine: `WebKitGTK ${capabilities.getBrowserVersion() ?? '(version unknown)'} (${capabilities.getBrowserName()})`,
    seesPrompts: false,
    async goto(path) {
      // A new tab for each spec, and the origin's storage emptied (an unresolved attempt from another spec is not this one's).
      const previous = await session.getWindowHandle();
      await session.switchTo().newWindow('tab');
      const next = await session.getWindowHandle();
      await session.switchTo().window(previous);
      await session.close();
      await session.switchTo().window(next);
      await session.get(new URL(path, baseUrl).href);
      if (await session.executeScript(clearStorageInPage)) await session.navigate().refresh();
    },
    async fill(query, value) {
      // Focused and selected first: WebDriver then types over the selection instead of after the text.
      await (await element(query, 'focus')).sendKeys(value);
    },
    async select(query, value) {
      await session.executeScript(chooseInPage, await element(query, 'find'), value);
    },
    async click(query) {
      await (await element(query, 'enabled')).click();
    },
    evaluate: async (fn, ...args) => /** @type {ReturnType<typeof fn>} */ (/** @type {unknown} */ (await session.executeScript(fn, ...args))),
    async reload() {
      await session.navigate().refresh();
      return [];
    },
    close,
  };
}
