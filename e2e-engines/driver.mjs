// @ts-check
/**
 * The few things the engine specs do to a page, as one small interface both engines implement (Firefox through
 * Puppeteer over WebDriver BiDi, WebKit through WebKitWebDriver), so the specs are written once. Elements are
 * found inside the page, as a person finds them (a label's text, a button's name) by `findInPage`, which both
 * drivers run as a page script; typing and clicking then go through the engine's own input, like a person's.
 */

/**
 * What to find: a form control by its label's text, a button by its accessible name, or a checkbox by its label.
 * `prefix` matches the start of the text (for long labels); otherwise the whole text, whitespace collapsed.
 * @typedef {{ kind: 'label' | 'button' | 'checkbox', name: string, prefix?: boolean }} Query
 */

/**
 * @typedef {object} Driver
 * @property {string} engine what runs, for messages ("Firefox 153.8.0esr")
 * @property {(path: string) => Promise<void>} goto loads a path of the app in a fresh tab, with the origin's storage
 *   empty (the page keeps an unresolved attempt in localStorage, shared by every tab)
 * @property {(query: Query, value: string) => Promise<void>} fill replaces the control's value by typing
 * @property {(query: Query, value: string) => Promise<void>} select chooses an option of a select by its value
 * @property {(query: Query) => Promise<void>} click clicks once the element is there and enabled
 * @property {<A extends unknown[], T>(fn: (...args: A) => T, ...args: A) => Promise<T>} evaluate runs `fn` in the page
 *   (synchronous and self-contained: it is sent as source; arguments and result as JSON)
 * @property {() => Promise<string[]>} reload reloads, accepting what the page asks; returns the prompts seen
 * @property {boolean} seesPrompts whether `reload` can report prompts (WebDriver classic accepts beforeunload unseen)
 * @property {() => Promise<void>} close ends the browser and everything started for it
 */

/** How long a wait lasts before it fails: the page answers in well under a second, but a WebKit round trip takes 0.5 s on a busy machine. */
export const WAIT_MS = 15_000;

/**
 * Runs in the page: the visible element `query` names, or null. `mode` saves round trips (each costs most of a
 * step in WebKit on a busy machine): 'enabled' finds it only once it is not disabled (to click it), 'focus' also
 * focuses it and selects its text (so typing replaces it), 'state' says whether it is there, disabled (or
 * aria-disabled) and checked. Self-contained (no closure, no import), as page scripts are sent as source.
 * @param {Query} query
 * @param {'find' | 'enabled' | 'focus' | 'state'} [mode]
 * @returns {HTMLElement | null | { present: boolean, disabled: boolean, checked: boolean }}
 */
export function findInPage(query, mode = 'find') {
  const collapse = (/** @type {string | null | undefined} */ text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const named = (/** @type {string | null | undefined} */ text) => (query.prefix ? collapse(text).startsWith(query.name) : collapse(text) === query.name);
  const visible = (/** @type {Element | null | undefined} */ element) => element instanceof HTMLElement && element.getClientRects().length > 0;
  /** @type {Element | null | undefined} */
  let element;
  if (query.kind === 'button') {
    element = [...document.querySelectorAll('button, [role="button"]')].find((button) => visible(button) && named(button.getAttribute('aria-label') ?? button.textContent));
  } else {
    const fits = (/** @type {HTMLElement | null} */ control) => (query.kind === 'checkbox' ? control instanceof HTMLInputElement && control.type === 'checkbox' : control !== null);
    element = [...document.querySelectorAll('label')].find((label) => named(label.textContent) && fits(label.control) && visible(label.control))?.control;
  }
  const found = element instanceof HTMLElement ? element : null;
  const disabled = found?.getAttribute('aria-disabled') === 'true' || ((found instanceof HTMLButtonElement || found instanceof HTMLInputElement || found instanceof HTMLSelectElement) && found.disabled);
  if (mode === 'state') return { present: found !== null, disabled, checked: found instanceof HTMLInputElement && found.checked };
  if (mode === 'enabled') return disabled ? null : found;
  if (mode === 'focus' && found !== null) {
    found.focus();
    if (found instanceof HTMLInputElement || found instanceof HTMLTextAreaElement) found.select();
  }
  return found;
}

/**
 * Runs in the page: the collapsed text of the element with this data-testid, or null when there is none.
 * @param {string} testId
 */
export function textInPage(testId) {
  const element = document.querySelector(`[data-testid="${testId}"]`);
  return element === null ? null : (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Runs in the page: sets a select's value as a choice would and tells React (a change event).
 * @param {HTMLElement} select
 * @param {string} value
 */
export function chooseInPage(select, value) {
  if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
  if (![...select.options].some((option) => option.value === value)) throw new Error(`no option "${value}"`);
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Runs in the page: empties the origin's storage; says whether there was anything (then the page is loaded again). */
export function clearStorageInPage() {
  const had = localStorage.length + sessionStorage.length > 0;
  localStorage.clear();
  sessionStorage.clear();
  return had;
}

/**
 * Polls `probe` until `ok` holds for its value; fails after `ms` with what was last seen.
 * @template T
 * @param {string} what for the message
 * @param {() => Promise<T>} probe
 * @param {(value: T) => boolean} ok
 * @param {number} [ms]
 * @returns {Promise<T>}
 */
export async function waitUntil(what, probe, ok, ms = WAIT_MS) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${ms} ms for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
