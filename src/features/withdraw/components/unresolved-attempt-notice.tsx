import { callout, focusRing } from '../../../components/ui/tones';
import { formatDateTime, shortenMiddle } from '../../../lib/format';
import { resolutionAnnouncement, unresolvedTitle } from '../outcome-words';
import { resolutionInWords, type AttemptResolution } from '../match-attempt';
import type { UnresolvedAttempt } from '../withdraw-flow';

/**
 * A withdrawal whose outcome is unknown (no answer in time, a lost connection, an unreadable answer, or a
 * reload in the middle of sending): what it was, what the withdrawal list says about it, and the box the
 * person ticks before anything is sent again. What the list says is announced as news only (not the time
 * of each read), so the list being polled does not repeat it.
 */
interface UnresolvedAttemptNoticeProps {
  unresolved: UnresolvedAttempt;
  resolution: AttemptResolution;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
}

export function UnresolvedAttemptNotice({ unresolved, resolution, checked, onCheckedChange }: UnresolvedAttemptNoticeProps) {
  const { attempt, restored, otherTab } = unresolved;
  const found = resolution.kind === 'found';
  return (
    <section aria-labelledby="unresolved-heading" data-testid="unresolved-attempt" className={`space-y-2 rounded-md p-4 text-sm ring-2 ${callout.warning}`}>
      <h3 id="unresolved-heading" className="font-semibold">
        {unresolvedTitle(restored, otherTab)}
      </h3>
      <p>
        <span className="font-mono">
          {attempt.qty} {attempt.asset}
        </span>{' '}
        to <span className="font-mono" title={attempt.address}>{shortenMiddle(attempt.address)}</span>, signed at {formatDateTime(attempt.startedAt)}. Its
        outcome is unknown: it may or may not have been accepted.
      </p>
      {/* What the list says, and the box's wording with it, change after the list is read: the lines they can
          take are held from the start, so the answer arriving moves nothing below. */}
      <p data-testid="attempt-resolution" className={`min-h-[3lh] sm:min-h-[2lh] ${found ? 'font-semibold' : ''}`}>
        {resolutionInWords(resolution)}
      </p>
      <p role="status" className="sr-only">
        {resolutionAnnouncement(resolution)}
      </p>
      <label className="flex min-h-[3lh] items-start gap-2 sm:min-h-[2lh]">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          className={`mt-0.5 size-4 shrink-0 accent-indigo-600 dark:accent-indigo-400 ${focusRing}`}
        />
        {found
          ? 'I checked my withdrawal list and email: I know the exchange has this withdrawal and I want to send another one.'
          : 'I checked my withdrawal list and email: this withdrawal is not there, so I want to send it again.'}
      </label>
    </section>
  );
}
