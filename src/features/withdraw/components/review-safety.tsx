import type { ReactNode } from 'react';
import { callout, focusRing, mutedText, strongText } from '../../../components/ui/tones';
import { formatDateTime } from '../../../lib/format';
import { revealInvisible } from '../../../validation/invisible-characters';
import { markDifferences } from '../../../validation/look-alike';
import type { Acknowledgement, ReviewChecks } from '../review-checks';
import type { WithdrawalDraft } from '../withdraw-schema';

/**
 * What the review asks the person to look at before Confirm, from review-checks.ts: each gate is a notice with
 * the one tick Confirm waits for. A plain view: the flow decides what is required and whether it was given.
 */
interface ReviewSafetyProps {
  draft: WithdrawalDraft;
  checks: ReviewChecks;
  acknowledged: readonly Acknowledgement[];
  onAcknowledge: (what: Acknowledgement, given: boolean) => void;
  /** Ticks cannot change while the withdrawal is on its way. */
  locked: boolean;
  /** The withdrawal list as read since the review opened: no keys (none), being read, read, or not readable. */
  list: 'none' | 'pending' | 'read' | 'unread';
}

function Gate({ testId, tone, children, tick, what, props }: { testId: string; tone: 'warning' | 'danger'; children: ReactNode; tick: string; what: Acknowledgement; props: ReviewSafetyProps }) {
  return (
    <div data-testid={testId} role={tone === 'danger' ? 'alert' : undefined} className={`space-y-2 rounded-md p-3 text-sm ring-1 ${callout[tone]}`}>
      {children}
      <label className="flex items-start gap-2 font-medium">
        <input
          type="checkbox"
          checked={props.acknowledged.includes(what)}
          disabled={props.locked}
          onChange={(event) => props.onAcknowledge(what, event.target.checked)}
          className={`mt-0.5 size-4 shrink-0 accent-indigo-600 dark:accent-indigo-400 ${focusRing}`}
        />
        {tick}
      </label>
    </div>
  );
}

/** An address with the characters that differ from `other` marked (and announced as such). */
function MarkedAddress({ address, other, testId }: { address: string; other: string; testId: string }) {
  return (
    <span data-testid={testId} className="font-mono break-all">
      {markDifferences(address, other).map(({ char, differs }, index) =>
        differs ? (
          <mark key={index} className="rounded-sm bg-rose-300 px-px text-rose-950 dark:bg-rose-700 dark:text-rose-50">
            {char}
          </mark>
        ) : (
          <span key={index}>{char}</span>
        ),
      )}
    </span>
  );
}

export function ReviewSafety(props: ReviewSafetyProps) {
  const { draft, checks } = props;
  const required = new Set(checks.required);
  return (
    <div className="space-y-3">
      {required.has('look-alike')
        ? checks.lookAlikes.map((previous) => (
            <Gate key={previous} testId="review-look-alike" tone="danger" tick="I compared every character: this is the address I mean." what="look-alike" props={props}>
              <p className="font-semibold">
                This address looks like one you withdrew {draft.asset} to before, but it is not the same address. Attackers plant addresses that
                start and end alike (address poisoning).
              </p>
              <dl className="space-y-1">
                <div>
                  <dt className={`text-xs ${mutedText}`}>Used before</dt>
                  <dd>
                    <MarkedAddress address={previous} other={draft.address} testId="look-alike-previous" />
                  </dd>
                </div>
                <div>
                  <dt className={`text-xs ${mutedText}`}>This withdrawal (differences marked)</dt>
                  <dd>
                    <MarkedAddress address={draft.address} other={previous} testId="look-alike-current" />
                  </dd>
                </div>
              </dl>
            </Gate>
          ))
        : null}
      {required.has('second-withdrawal') ? (
        <Gate testId="review-duplicate" tone="danger" tick="I mean a second withdrawal of the same amount to the same address." what="second-withdrawal" props={props}>
          <p className="font-semibold">The exchange already has this same withdrawal ({draft.qty} {draft.asset} to this address):</p>
          <ul className="list-disc pl-5">
            {checks.duplicates.map((row) => (
              <li key={row.id}>
                <span className="font-mono">{revealInvisible(row.id).text}</span>, {row.statusWords}
                {row.time === null ? '' : `, ${formatDateTime(row.time)}`}
              </li>
            ))}
          </ul>
        </Gate>
      ) : null}
      {required.has('list-unread') ? (
        <Gate testId="review-list-unread" tone="warning" tick="I checked my withdrawal list myself: this is not a second one by mistake." what="list-unread" props={props}>
          <p>Your withdrawal list could not be read, so the page cannot tell whether this same withdrawal was already sent.</p>
        </Gate>
      ) : null}
      {required.has('unchecked-address') ? (
        <Gate testId="review-unchecked" tone="warning" tick="I checked this address myself" what="unchecked-address" props={props}>
          <p>
            This page has no address rules for {draft.asset}: the address above was <strong>not</strong> checked. Compare it with its source,
            character by character.
          </p>
        </Gate>
      ) : null}
      {required.has('no-memo') ? (
        <Gate testId="review-memo" tone="warning" tick="The destination needs no memo or tag" what="no-memo" props={props}>
          <p>
            No memo or destination tag will be sent: the exchange&apos;s withdraw call has none. Exchange deposit addresses for {draft.asset}{' '}
            usually need one, and funds sent without it may never be credited.
          </p>
        </Gate>
      ) : null}
      {props.list === 'none' ? null : (
        // One line for what the list says of this address, there from the review's first paint and as tall as its
        // longest wording, so the answer arriving moves nothing below it (Confirm included).
        <p data-testid="review-address-history" className={`min-h-[3lh] text-sm sm:min-h-[2lh] ${props.list === 'read' && checks.firstTime ? strongText : mutedText}`}>
          {props.list === 'pending' ? `Checking your withdrawal list for earlier withdrawals of ${draft.asset} to this address…` : null}
          {props.list === 'unread' ? `Whether you withdrew ${draft.asset} to this address before is unknown: your withdrawal list could not be read.` : null}
          {props.list === 'read' && checks.firstTime ? (
            <span data-testid="review-first-time">First withdrawal of {draft.asset} to this address, as far as your withdrawal list shows: check it with extra care.</span>
          ) : null}
          {props.list === 'read' && !checks.firstTime ? (
            <span data-testid="review-known-address">You have withdrawn {draft.asset} to this exact address before, as your withdrawal list shows.</span>
          ) : null}
        </p>
      )}
    </div>
  );
}
