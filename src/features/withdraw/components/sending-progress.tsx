import { useEffect, useState } from 'react';
import { callout, mutedText } from '../../../components/ui/tones';
import { WITHDRAW_TIMEOUT_MS } from '../../../config/timeouts';

/**
 * While the one request is in flight, in the review under Confirm (now an inert "Sending…" that keeps the
 * focus): the seconds waited against the timeout, on screen and in the progress bar's value, never in a live
 * region. It takes the place of the line that said why Confirm waits, at the bottom of the review, so it moves
 * nothing above it.
 */
const TIMEOUT_SECONDS = WITHDRAW_TIMEOUT_MS / 1000;

/** Whole seconds since the component appeared, ticking once a second. */
function useElapsedSeconds(): number {
  const [startedAt] = useState(Date.now);
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.floor((now - startedAt) / 1000);
}

export function SendingProgress() {
  const waited = Math.min(useElapsedSeconds(), TIMEOUT_SECONDS);
  const waitedText = `${waited} s of ${TIMEOUT_SECONDS} s`;
  return (
    <div data-testid="withdrawal-status" className={`space-y-2 rounded-md p-3 text-sm ring-1 ${callout.neutral}`}>
      <p>
        <span className="font-semibold">Signing and sending…</span> <span data-testid="sending-elapsed" className="tabular-nums">{waitedText}</span>
      </p>
      <progress
        max={TIMEOUT_SECONDS}
        value={waited}
        aria-label="Time waiting for the exchange’s answer"
        aria-valuetext={waitedText}
        className="block h-1.5 w-full appearance-none overflow-hidden rounded-full bg-slate-300 text-indigo-600 dark:bg-slate-600 dark:text-indigo-400 [&::-moz-progress-bar]:bg-current [&::-webkit-progress-bar]:bg-transparent [&::-webkit-progress-value]:bg-current"
      />
      <p className={`text-xs ${mutedText}`}>
        Keep this tab open until the exchange answers. Nothing is sent again: after {TIMEOUT_SECONDS} s without an answer the page says the outcome is unknown.
      </p>
    </div>
  );
}
