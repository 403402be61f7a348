import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * The keys for this tab, held in React state only: never in localStorage, sessionStorage, cookies,
 * IndexedDB or the URL, so they vanish when the tab is closed or reloaded. The secret itself is not kept:
 * only the non-extractable WebCrypto key imported from it, which can sign but cannot be read back.
 */
export interface SessionKeys {
  apiKey: string;
  signingKey: CryptoKey;
}

interface SessionKeysContextValue {
  keys: SessionKeys | null;
  rememberKeys: (keys: SessionKeys) => void;
  forgetKeys: () => void;
}

const SessionKeysContext = createContext<SessionKeysContextValue | null>(null);

export function SessionKeysProvider({ children }: { children: ReactNode }) {
  const [keys, setKeys] = useState<SessionKeys | null>(null);
  const value = useMemo(() => ({ keys, rememberKeys: setKeys, forgetKeys: () => setKeys(null) }), [keys]);
  return <SessionKeysContext value={value}>{children}</SessionKeysContext>;
}

export function useSessionKeys(): SessionKeysContextValue {
  const value = useContext(SessionKeysContext);
  if (!value) throw new Error('useSessionKeys needs a SessionKeysProvider above it');
  return value;
}

/** Shows enough of an API key to recognise it, not enough to reuse it from a screenshot. */
export function maskApiKey(apiKey: string): string {
  return apiKey.length <= 8 ? '•'.repeat(apiKey.length) : `${apiKey.slice(0, 4)}…${apiKey.slice(-4)}`;
}

/** WebCrypto only exists in secure contexts (https, localhost): say why signing cannot work elsewhere. */
export function webCryptoProblem(): string | null {
  if (typeof globalThis.crypto?.subtle?.importKey === 'function') return null;
  const where = typeof location === 'undefined' ? 'this page' : `${location.protocol}//${location.host}`;
  const port = typeof location === 'undefined' || location.port === '' ? '' : `:${location.port}`;
  return (
    `Your browser does not offer WebCrypto on ${where}, so this page cannot sign a withdrawal. ` +
    `Browsers only provide it on https pages and on localhost. Open the app as http://localhost${port} or ` +
    `http://127.0.0.1${port} on the machine that runs it, or serve it over https.`
  );
}
