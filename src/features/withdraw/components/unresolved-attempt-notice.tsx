import { formatDateTime, shortenMiddle } from '../../../lib/format';
import { resolutionInWords, type AttemptResolution } from '../match-attempt';
import type { UnresolvedAttempt } from '../withdraw-flow';

/**
 * A withdrawal whose outcome is unknown (no answer in time, a lost connection, an unreadable answer, or a
 * reload in the middle of sending): what it was, what the withdrawal list says about it, and the box the
 * person ticks before anything is sent again.
 */
interface UnresolvedAttemptNoticeProps {
  unresolved: UnresolvedAttempt;
  resolution: AttemptResolution;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
}

export function UnresolvedAttemptNotice({ unresolved, resolution, checked, onCheckedChange }: UnresolvedAttemptNoticeProps) {
  const { attempt, restored } = unresolved;
  const found = resolution.kind === 'found';
  return (
    <section aria-labelledby="unresolved-heading" data-testid="unresolved-attempt" className="space-y-2 rounded-md bg-amber-50 p-4 text-sm text-amber-950 ring-2 ring-amber-400">
      <h3 id="unresolved-heading" className="font-semibold">
        {restored ? 'A withdrawal was being sent when this page was closed or reloaded' : 'Did the exchange take it? Check before sending again'}
      </h3>
      <p>
        <span className="font-mono">
          {attempt.qty} {attempt.asset}
        </span>{' '}
        to <span className="font-mono" title={attempt.address}>{shortenMiddle(attempt.address)}</span>, signed at {formatDateTime(attempt.startedAt)}. Its
        outcome is unknown: it may or may not have been accepted.
      </p>
      <p data-testid="attempt-resolution" aria-live="polite" className={found ? 'font-semibold' : ''}>
        {resolutionInWords(resolution)}
      </p>
      <label className="flex items-start gap-2">
        <input type="checkbox" checked={checked} onChange={(event) => onCheckedChange(event.target.checked)} className="mt-0.5" />
        {found
          ? 'I checked my withdrawal list and email: I know the exchange has this withdrawal and I want to send another one.'
          : 'I checked my withdrawal list and email: this withdrawal is not there, so I want to send it again.'}
      </label>
    </section>
  );
}
