/**
 * The one place each outcome of a confirmation is put into words: the title the result opens with (it takes
 * the focus), the sentences under it, and the one short sentence the live region says, unasked, for accepted,
 * refused, not delivered, unknown, a code other than success, and a page that could not sign. The reducer,
 * the result view and the unresolved-attempt notice read from here; what an error means comes from
 * describe-error.ts. Announcements lead with what the person must know or do and never carry the raw body or
 * the exchange's full answer, which stay on screen. Pure.
 */
import { describeError } from '../../exchange/describe-error';
import type { AttemptResolution } from './match-attempt';
import type { Stage } from './withdraw-flow';

/** Announcements longer than this are cut at a word: the full text is on screen. */
export const MAX_ANNOUNCEMENT_LENGTH = 150;

/** What a confirmation came to, as far as words go. */
export type Outcome =
  | { kind: 'accepted'; maskedEmail: string | null }
  /** The exchange's answer (or its absence): refused, not delivered, unknown, a code other than success. */
  | { kind: 'answer'; error: unknown }
  /** The page could not sign the withdrawal: nothing left the page. */
  | { kind: 'sign-failed'; error: unknown };

export type OutcomeTone = 'success' | 'danger' | 'warning';

export interface OutcomeWords {
  title: string;
  /** What the person must know or do next, under the title. */
  body: string;
  /** A last line for outcomes where the entries are kept for another try; empty otherwise. */
  next: string;
  /** The one short sentence for the live region. */
  announcement: string;
  tone: OutcomeTone;
  /** The exchange may have the withdrawal: the resend is gated on checking the list. */
  outcomeUnknown: boolean;
}

/** What the result a stage shows came to, if it shows one. */
export function stageOutcome(stage: Stage, maskedEmail: string | null): Outcome | null {
  switch (stage.name) {
    case 'sent':
      return { kind: 'accepted', maskedEmail };
    case 'failed':
      return stage.at === 'signing' ? { kind: 'sign-failed', error: stage.error } : { kind: 'answer', error: stage.error };
    case 'unknown':
      return { kind: 'answer', error: stage.error };
    default:
      return null;
  }
}

function firstSentence(text: string): string {
  const [first = ''] = text.trim().split(/(?<=[.!?])\s+/);
  return first;
}

function capped(text: string): string {
  if (text.length <= MAX_ANNOUNCEMENT_LENGTH) return text;
  const cut = text.slice(0, MAX_ANNOUNCEMENT_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

const KEPT = 'Your entries are unchanged: fix what is needed and confirm again, or edit.';

export function outcomeWords(outcome: Outcome): OutcomeWords {
  switch (outcome.kind) {
    case 'accepted': {
      const { maskedEmail } = outcome;
      return {
        title: 'The exchange accepted the withdrawal request',
        body: `Not processed yet: Everstrike processes this withdrawal only after you confirm it from the email it sends you${maskedEmail ? ` (to ${maskedEmail})` : ''}. Open that email and confirm. To cancel it instead, use the cancel link in that email: the API cannot cancel a withdrawal.`,
        next: '',
        announcement: capped(`Not processed yet: confirm the withdrawal from the email Everstrike sent ${maskedEmail ? `to ${maskedEmail}` : 'you'}.`),
        tone: 'success',
        outcomeUnknown: false,
      };
    }
    case 'sign-failed': {
      const { detail } = describeError(outcome.error);
      const title = 'The page could not sign the withdrawal';
      const body = `${detail.trim().replace(/[.!?]$/, '')}. Nothing was sent.`;
      return { title, body, next: KEPT, announcement: capped(`${title}: nothing was sent.`), tone: 'danger', outcomeUnknown: false };
    }
    case 'answer': {
      const { title, detail, outcomeUnknown } = describeError(outcome.error);
      if (outcomeUnknown) {
        const announcement = capped(`${title}. It may have been accepted: check your withdrawal list before sending again.`);
        return { title, body: detail, next: '', announcement, tone: 'warning', outcomeUnknown };
      }
      return { title, body: detail, next: KEPT, announcement: capped(`${title}: ${firstSentence(detail)}`), tone: 'danger', outcomeUnknown };
    }
  }
}

/** The heading of the notice about an attempt whose outcome is unknown. */
export function unresolvedTitle(restored: boolean, otherTab = false): string {
  if (otherTab) return 'Another tab of this page is sending a withdrawal, or could not tell whether it was taken';
  return restored ? 'A withdrawal was being sent when this page was closed or reloaded' : 'Did the exchange take it? Check before sending again';
}

/**
 * What the withdrawal list says about an attempt whose outcome is unknown, as news: without the time of the
 * read, so the list being read again every few seconds says nothing new until the answer changes.
 */
export function resolutionAnnouncement(resolution: AttemptResolution): string {
  switch (resolution.kind) {
    case 'needs-keys':
      return 'Add your API key and secret to look for the unknown withdrawal in your list.';
    case 'reading':
      return 'Reading your withdrawal list…';
    case 'read-failed':
      return 'Your withdrawal list could not be read: check it on the exchange before you send again.';
    case 'found':
      return capped(`The exchange has the withdrawal: ${resolution.row.statusWords.toLowerCase()}.`);
    case 'not-found':
      return 'The withdrawal is not in your list yet.';
  }
}
