import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signBody } from '../../../signing/sign-body';
import { expectedSignature } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { KeysPanel } from './keys-panel';

const API_KEY = 'ak_test_7Hq2mZ9xW3kP';
const SECRET = 'sk_test_Zq9-secret-value-31415';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function setup() {
  const user = userEvent.setup();
  const view = renderWithProviders(<KeysPanel />);
  return { user, ...view };
}

async function enterKeys(user: ReturnType<typeof userEvent.setup>, apiKey = API_KEY, secret = SECRET) {
  await user.click(screen.getByLabelText('API key'));
  await user.paste(apiKey);
  await user.click(screen.getByLabelText('Secret key'));
  await user.paste(secret);
  await user.click(screen.getByRole('button', { name: 'Use keys for this tab' }));
}

describe('KeysPanel', () => {
  it('shows both required-field errors as alerts and keeps no keys', async () => {
    const { user, session } = setup();
    await user.click(screen.getByRole('button', { name: 'Use keys for this tab' }));

    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual(['Paste your Everstrike API key.', 'Paste your Everstrike secret key.']);
    expect(screen.getByLabelText('API key')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Secret key')).toHaveAttribute('aria-invalid', 'true');
    expect(session.keys).toBeNull();
  });

  it('shows no error for tabbing through the empty fields, only once the keys are submitted', async () => {
    const { user } = setup();
    await user.tab();
    expect(screen.getByLabelText('API key')).toHaveFocus();
    // API key → Show → Secret key → Show → Use keys for this tab, all empty.
    for (let stop = 0; stop < 4; stop += 1) await user.tab();
    expect(screen.getByRole('button', { name: 'Use keys for this tab' })).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByLabelText('API key')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByLabelText('Secret key')).toHaveAttribute('aria-invalid', 'false');

    await user.keyboard('{Enter}');
    expect(await screen.findAllByRole('alert')).toHaveLength(2);
  });

  it('after "Use keys for this tab" the focus is on what it did, and after "Forget keys" on the API key field', async () => {
    const { user } = setup();
    await enterKeys(user);
    const inUse = await screen.findByTestId('keys-in-use');
    expect(inUse).toHaveFocus();
    expect(inUse).toHaveTextContent('Using API key ak_t…W3kP');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Forget keys' })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('API key')).toHaveFocus();
  });

  it('treats whitespace-only entries as missing', async () => {
    const { user, session } = setup();
    await enterKeys(user, '   ', '  ');
    expect(await screen.findAllByRole('alert')).toHaveLength(2);
    expect(session.keys).toBeNull();
  });

  it('after "Use keys for this tab" shows the masked API key and "Forget keys", hides the secret and stores nothing', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const { user, session, container } = setup();
    await enterKeys(user);

    expect(await screen.findByRole('button', { name: 'Forget keys' })).toBeInTheDocument();
    expect(screen.getByText('ak_t…W3kP')).toBeInTheDocument();
    expect(screen.queryByLabelText('Secret key')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('API key')).not.toBeInTheDocument();
    expect(container.innerHTML).not.toContain(SECRET);
    expect(container.innerHTML).not.toContain(API_KEY);

    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');

    expect(session.keys?.apiKey).toBe(API_KEY);
  });

  it('keeps the secret only as a non-extractable, sign-only HMAC-SHA256 CryptoKey that signs like the secret', async () => {
    const { user, session } = setup();
    await enterKeys(user);
    await waitFor(() => expect(session.keys).not.toBeNull());

    const signingKey = session.keys?.signingKey;
    if (!signingKey) throw new Error('no signing key');
    expect(signingKey).toBeInstanceOf(CryptoKey);
    expect(signingKey.extractable).toBe(false);
    expect(signingKey.usages).toEqual(['sign']);
    expect(signingKey.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-256' } });
    await expect(crypto.subtle.exportKey('raw', signingKey)).rejects.toThrow();

    const body = 'asset=ETH&qty=1&address=0x829bd824b016326a401d083b33d092293333a830&timestamp=1700000000000';
    await expect(signBody(body, signingKey)).resolves.toBe(await expectedSignature(SECRET, body));
    // Nothing but the API key and the key object is kept.
    expect(Object.keys(session.keys ?? {}).sort()).toEqual(['apiKey', 'signingKey']);
  });

  it('"Forget keys" drops the keys and brings back empty inputs', async () => {
    const { user, session } = setup();
    await enterKeys(user);
    await user.click(await screen.findByRole('button', { name: 'Forget keys' }));

    expect(screen.getByLabelText('API key')).toHaveValue('');
    expect(screen.getByLabelText('Secret key')).toHaveValue('');
    expect(screen.getByLabelText('Secret key')).toHaveAttribute('type', 'password');
    expect(screen.queryByRole('button', { name: 'Forget keys' })).not.toBeInTheDocument();
    expect(session.keys).toBeNull();
  });

  it('the show/hide toggle switches an input between password and text', async () => {
    const { user } = setup();
    const secret = screen.getByLabelText('Secret key');
    expect(secret).toHaveAttribute('type', 'password');

    await user.click(screen.getByRole('button', { name: 'Show Secret key' }));
    expect(secret).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide Secret key' })).toHaveAttribute('aria-pressed', 'true');
    // Only the field whose toggle was pressed is revealed.
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'password');

    await user.click(screen.getByRole('button', { name: 'Hide Secret key' }));
    expect(secret).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Show Secret key' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('explains why signing cannot work when WebCrypto is unavailable, instead of asking for keys', () => {
    const realCrypto = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: realCrypto.getRandomValues.bind(realCrypto) });
    renderWithProviders(<KeysPanel />);

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('does not offer WebCrypto on http://localhost:3000');
    expect(alert).toHaveTextContent('Open the app as http://localhost:3000 or http://127.0.0.1:3000');
    expect(screen.queryByLabelText('API key')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Secret key')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use keys for this tab' })).not.toBeInTheDocument();
  });
});
