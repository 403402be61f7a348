import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * The keys for this tab, shared by every feature that reads or signs with them. Held in React state only:
 * never in localStorage, sessionStorage, cookies, IndexedDB or the URL, so they vanish when the tab is
 * closed or reloaded. The secret itself is not kept: only the non-extractable WebCrypto key imported from
 * it, which can sign but cannot be read back.
 *
 * Keys left unused are forgotten after a while (see `useIdleKeys`), never while something holds them: a send
 * in flight must not lose the keys that will read its outcome. Hold them with `useKeyHolds().holdKeys(reason)`
 * (returns the release) or, from a component, `useKeepKeysWhile(active, reason)`; the withdraw flow does
 * `useKeepKeysWhile(stage === 'sending', 'a withdrawal is being sent')`.
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

/**
 * The holds on the keys, in a context of their own: a send takes and releases one, and only the inactivity watch
 * needs to hear of it; the rest of the page re-renders for the keys alone.
 */
interface KeyHoldsContextValue {
  /** Keeps the keys from being forgotten for inactivity until the returned function is called (once is enough). */
  holdKeys: (reason: string) => () => void;
  /** Why the keys are held now (empty when nothing holds them). */
  holds: readonly string[];
}

const SessionKeysContext = createContext<SessionKeysContextValue | null>(null);
const KeyHoldsContext = createContext<KeyHoldsContextValue | null>(null);

interface Hold {
  reason: string;
}

export function SessionKeysProvider({ children }: { children: ReactNode }) {
  const [keys, setKeys] = useState<SessionKeys | null>(null);
  const [holdList, setHoldList] = useState<readonly Hold[]>([]);
  const holdKeys = useCallback((reason: string) => {
    // Each hold is its own object, so two holds with the same reason are released one by one.
    const hold: Hold = { reason };
    setHoldList((current) => [...current, hold]);
    return () => setHoldList((current) => current.filter((other) => other !== hold));
  }, []);
  const forgetKeys = useCallback(() => setKeys(null), []);
  const value = useMemo(() => ({ keys, rememberKeys: setKeys, forgetKeys }), [keys, forgetKeys]);
  const holds = useMemo(() => ({ holdKeys, holds: holdList.map((hold) => hold.reason) }), [holdKeys, holdList]);
  return (
    <SessionKeysContext value={value}>
      <KeyHoldsContext value={holds}>{children}</KeyHoldsContext>
    </SessionKeysContext>
  );
}

export function useSessionKeys(): SessionKeysContextValue {
  const value = useContext(SessionKeysContext);
  if (!value) throw new Error('useSessionKeys needs a SessionKeysProvider above it');
  return value;
}

export function useKeyHolds(): KeyHoldsContextValue {
  const value = useContext(KeyHoldsContext);
  if (!value) throw new Error('useKeyHolds needs a SessionKeysProvider above it');
  return value;
}

/** Holds the keys (no forgetting for inactivity) for as long as `active` is true and the caller is mounted. */
export function useKeepKeysWhile(active: boolean, reason: string): void {
  const { holdKeys } = useKeyHolds();
  useEffect(() => (active ? holdKeys(reason) : undefined), [active, holdKeys, reason]);
}
