import { render, type RenderResult } from '@testing-library/react';
import { useEffect, useMemo, type ReactElement } from 'react';
import { AppProvider } from '../app/provider';
import { useKeyHolds, useSessionKeys, type SessionKeys } from '../exchange/session-keys';

export type SessionKeysValue = ReturnType<typeof useSessionKeys> & ReturnType<typeof useKeyHolds>;

interface ProbeProps {
  onChange: (value: SessionKeysValue) => void;
  initialKeys: SessionKeys | undefined;
}

/** Reports the session keys context to the test and, if asked, puts keys in it when mounted. */
function SessionKeysProbe({ onChange, initialKeys }: ProbeProps) {
  const keys = useSessionKeys();
  const holds = useKeyHolds();
  const value = useMemo(() => ({ ...keys, ...holds }), [keys, holds]);
  const { rememberKeys } = value;
  useEffect(() => {
    if (initialKeys) rememberKeys(initialKeys);
  }, [initialKeys, rememberKeys]);
  useEffect(() => {
    onChange(value);
  }, [onChange, value]);
  return null;
}

export interface SessionProbe {
  /** The latest value of the session keys context. */
  readonly current: SessionKeysValue;
  readonly keys: SessionKeys | null;
}

/**
 * Renders `ui` inside the app's own providers (a fresh QueryClient each time) and exposes the session keys.
 * With `keys`, they are remembered as soon as the tree mounts, as if entered in the keys panel.
 */
export function renderWithProviders(ui: ReactElement, options: { keys?: SessionKeys } = {}): RenderResult & { session: SessionProbe } {
  let latest: SessionKeysValue | null = null;
  const onChange = (value: SessionKeysValue) => {
    latest = value;
  };
  const session: SessionProbe = {
    get current() {
      if (!latest) throw new Error('The session keys probe has not rendered');
      return latest;
    },
    get keys() {
      return this.current.keys;
    },
  };
  const result = render(
    <AppProvider>
      <SessionKeysProbe onChange={onChange} initialKeys={options.keys} />
      {ui}
    </AppProvider>,
  );
  return { ...result, session };
}
