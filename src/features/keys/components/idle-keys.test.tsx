import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYS_IDLE_MS, KEYS_IDLE_WARNING_MS } from '../../../config/timeouts';
import { useKeepKeysWhile } from '../../../exchange/session-keys';
import { importSigningSecret } from '../../../signing/sign-body';
import { renderWithProviders } from '../../../testing/render';
import { KeysPanel } from './keys-panel';

const API_KEY = 'ak_test_7Hq2mZ9xW3kP';
const MINUTE = 60_000;
const NOTE = 'Your keys will be forgotten in 1 minute for inactivity.';

beforeEach(() => {
  // Only the clock and the timers the page uses: React's scheduler and user-event keep their own.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Something else on the page that holds the keys while `sending` (as the withdraw flow does) and a field to type in. */
function ElsewhereOnThePage() {
  const [sending, setSending] = useState(false);
  useKeepKeysWhile(sending, 'a withdrawal is being sent');
  return (
    <>
      <label>
        Quantity <input />
      </label>
      <button type="button" onClick={() => setSending((value) => !value)}>
        {sending ? 'Stop sending' : 'Start sending'}
      </button>
    </>
  );
}

async function setup() {
  const keys = { apiKey: API_KEY, signingKey: await importSigningSecret('secret') };
  const view = renderWithProviders(
    <>
      <KeysPanel />
      <ElsewhereOnThePage />
    </>,
    { keys },
  );
  return view;
}

const pass = (ms: number) => act(() => vi.advanceTimersByTime(ms));

/** What a person's typing fires (user-event waits on timers these tests hold still). */
function typeInto(input: HTMLElement, text: string) {
  fireEvent.keyDown(input, { key: text.slice(-1) });
  fireEvent.input(input, { target: { value: text } });
}

describe('unused keys are forgotten', () => {
  it('says so one minute before, then forgets them as "Forget keys" does, with a note and the typed form kept', async () => {
    const { session } = await setup();
    typeInto(screen.getByLabelText('Quantity'), '0.25');
    expect(session.keys).not.toBeNull();
    const region = screen.getByText((_, element) => element?.getAttribute('role') === 'status' && element.closest('section') !== null && element.className.includes('fixed'));
    expect(region).toBeEmptyDOMElement();

    pass(KEYS_IDLE_MS - KEYS_IDLE_WARNING_MS - 1);
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
    pass(1);
    expect(region).toHaveTextContent(NOTE);
    expect(screen.getByRole('button', { name: 'Keep using them' })).toBeVisible();
    expect(session.keys).not.toBeNull();

    pass(KEYS_IDLE_WARNING_MS);
    expect(session.keys).toBeNull();
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
    expect(screen.getByTestId('keys-forgotten-idle')).toHaveTextContent('Your keys were forgotten after 15 minutes without activity.');
    expect(screen.getByLabelText('API key')).toHaveValue('');
    expect(screen.getByLabelText('Quantity')).toHaveValue('0.25');
  });

  it('moves the focus to the API key field when it was on "Forget keys", which is gone', async () => {
    await setup();
    act(() => screen.getByRole('button', { name: 'Forget keys' }).focus());
    pass(KEYS_IDLE_MS);
    expect(screen.getByLabelText('API key')).toHaveFocus();
  });

  it('leaves the focus in the field the person left it in', async () => {
    await setup();
    const quantity = screen.getByLabelText('Quantity');
    act(() => quantity.focus());
    pass(KEYS_IDLE_MS);
    expect(screen.getByLabelText('API key')).toBeInTheDocument();
    expect(quantity).toHaveFocus();
  });

  it('"Keep using them" starts the 15 minutes again', async () => {
    const { session } = await setup();
    pass(14 * MINUTE);
    act(() => screen.getByRole('button', { name: 'Keep using them' }).click());
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
    pass(MINUTE + 1_000);
    expect(session.keys).not.toBeNull();
    pass(13 * MINUTE - 1_000);
    expect(screen.getByText(NOTE)).toBeInTheDocument();
    pass(MINUTE);
    expect(session.keys).toBeNull();
  });

  it('counts a key press, a click or typing anywhere on the page as use', async () => {
    const { session } = await setup();
    pass(10 * MINUTE);
    typeInto(screen.getByLabelText('Quantity'), '1');
    pass(10 * MINUTE);
    expect(session.keys).not.toBeNull();
    fireEvent.pointerDown(document.body);
    pass(14 * MINUTE + 59_000);
    expect(session.keys).not.toBeNull();
    pass(1_000);
    expect(session.keys).toBeNull();
  });

  it('never forgets them while something holds them (a send in flight), and counts again from the release', async () => {
    const { session } = await setup();
    act(() => screen.getByRole('button', { name: 'Start sending' }).click());
    pass(60 * MINUTE);
    expect(session.keys).not.toBeNull();
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
    expect(session.current.holds).toEqual(['a withdrawal is being sent']);

    act(() => screen.getByRole('button', { name: 'Stop sending' }).click());
    expect(session.current.holds).toEqual([]);
    pass(KEYS_IDLE_MS - 1_000);
    expect(session.keys).not.toBeNull();
    pass(1_000);
    expect(session.keys).toBeNull();
  });

  it('forgets at once when a tab that slept past the 15 minutes is shown again', async () => {
    const { session } = await setup();
    // A closed laptop: the clock moves on, the timers do not fire.
    act(() => vi.setSystemTime(Date.now() + 16 * MINUTE));
    expect(session.keys).not.toBeNull();
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(session.keys).toBeNull();
  });

  it('does not watch without keys, and releases a hold only once', async () => {
    const keys = { apiKey: API_KEY, signingKey: await importSigningSecret('secret') };
    const { session } = renderWithProviders(<KeysPanel />);
    pass(KEYS_IDLE_MS * 2);
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
    act(() => session.current.rememberKeys(keys));
    let release: () => void = () => undefined;
    act(() => {
      const first = session.current.holdKeys('one');
      session.current.holdKeys('two');
      release = first;
    });
    act(() => {
      release();
      release();
    });
    expect(session.current.holds).toEqual(['two']);
    pass(KEYS_IDLE_MS * 2);
    expect(session.keys).not.toBeNull();
  });
});
