/**
 * Keys left in a tab nobody uses are keys someone else can use: after 15 minutes without a pointer, key,
 * input, wheel or touch event on the page, they are forgotten, as "Forget keys" does; one minute before, the
 * page says so. Never while something holds them (a send in flight: see `useKeepKeysWhile`); when the hold
 * ends, the 15 minutes start again. The time is read from the clock at each step, so a tab that slept (a
 * closed laptop, a throttled background tab) forgets at once when it wakes rather than 15 minutes later.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { KEYS_IDLE_MS, KEYS_IDLE_WARNING_MS } from '../config/timeouts';
import { useKeyHolds, useSessionKeys } from './session-keys';

/** What counts as someone using the page. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Activity is noted at most this often (a wheel or a held key fires dozens of events a second). */
const THROTTLE_MS = 1_000;

export interface IdleKeys {
  /** The keys will be forgotten within `KEYS_IDLE_WARNING_MS`: say so. */
  warning: boolean;
  /** "Keep using them": the 15 minutes start again. */
  keepUsing: () => void;
}

/** Watches for inactivity while there are keys and nothing holds them; calls `onIdle` to forget them. */
export function useIdleKeys(onIdle: () => void): IdleKeys {
  const { keys } = useSessionKeys();
  const { holds } = useKeyHolds();
  const watching = keys !== null && holds.length === 0;
  const [warning, setWarning] = useState(false);
  const onIdleRef = useRef(onIdle);
  const restartRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    if (!watching) return undefined;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      const idle = Date.now() - lastActivity;
      if (idle >= KEYS_IDLE_MS) {
        setWarning(false);
        onIdleRef.current();
        return;
      }
      const warn = idle >= KEYS_IDLE_MS - KEYS_IDLE_WARNING_MS;
      setWarning(warn);
      timer = setTimeout(check, (warn ? KEYS_IDLE_MS : KEYS_IDLE_MS - KEYS_IDLE_WARNING_MS) - idle);
    };
    const restart = () => {
      lastActivity = Date.now();
      check();
    };
    const onActivity = () => {
      if (Date.now() - lastActivity >= THROTTLE_MS) restart();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    restartRef.current = restart;
    timer = setTimeout(check, KEYS_IDLE_MS - KEYS_IDLE_WARNING_MS);
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      restartRef.current = () => undefined;
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      setWarning(false);
    };
  }, [watching]);

  const keepUsing = useCallback(() => restartRef.current(), []);
  return { warning: watching && warning, keepUsing };
}
