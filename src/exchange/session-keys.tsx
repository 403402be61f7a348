import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * The keys for this tab, shared by every feature that reads or signs with them. Held in React state only:
 * never in localStorage, sessionStorage, cookies, IndexedDB or the URL, so they vanish when the tab is
 * closed or reloaded. The secret itself is not kept: only the non-extractable WebCrypto key imported from
 * it, which can sign but cannot be read back.
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
