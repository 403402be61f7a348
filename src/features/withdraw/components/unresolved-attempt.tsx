import { useEffect } from 'react';
import { useWithdrawalList } from '../../../exchange/withdrawals';
import { findAttemptMatch, resolveAttempt } from '../match-attempt';
import type { UnresolvedAttempt as Unresolved } from '../withdraw-flow';
import { UnresolvedAttemptNotice } from './unresolved-attempt-notice';

interface UnresolvedAttemptProps {
  unresolved: Unresolved;
  apiKey: string | null;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  /** The attempt showed up in the list: its outcome is known (the gate stays until the person checks). */
  onFound: (startedAt: number) => void;
}

/**
 * Resolves an attempt whose outcome is unknown against the withdrawal list: reads it (polled until the
 * attempt shows up), says what it found, and reports a match. Mounted only while there is such an attempt,
 * so neither its code nor its reads weigh on a page that has none.
 */
export function UnresolvedAttempt({ unresolved, apiKey, checked, onCheckedChange, onFound }: UnresolvedAttemptProps) {
  const list = useWithdrawalList(apiKey, {
    keepPollingWhile: (rows) => rows === undefined || findAttemptMatch(unresolved.attempt, rows) === null,
  });
  const resolution = resolveAttempt(unresolved, apiKey !== null, list);

  const foundStartedAt = resolution.kind === 'found' ? unresolved.attempt.startedAt : undefined;
  useEffect(() => {
    if (foundStartedAt !== undefined) onFound(foundStartedAt);
  }, [foundStartedAt, onFound]);

  return <UnresolvedAttemptNotice unresolved={unresolved} resolution={resolution} checked={checked} onCheckedChange={onCheckedChange} />;
}
