import { useEffect, useState } from 'react';

/**
 * Whether `active` has lasted `delayMs`: progress that is shown only once it is worth a look. An answer that
 * comes sooner replaces what was there without a "sending" frame in between (nothing flickers, and the page
 * draws nothing while the answer is on its way).
 */
export function useShownAfter(active: boolean, delayMs: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setTimeout(() => setElapsed(true), delayMs);
    return () => {
      clearTimeout(timer);
      setElapsed(false);
    };
  }, [active, delayMs]);
  return active && elapsed;
}
