/**
 * What a screen reader is told, unasked, about a withdrawal: short sentences that lead with what the person
 * must know or do (confirm from the email; the refusal's title; that the outcome is unknown), never the raw
 * body or the exchange's full answer, which stay on screen. Each text changes only when there is news, so a
 * live region showing it is not re-announced by a re-render or by a poll of the withdrawal list. Pure.
 */
import { describeError } from '../../exchange/describe-error';
import type { AttemptResolution } from './match-attempt';
import type { Stage } from './withdraw-flow';

/** Announcements longer than this are cut at a word: the full text is on screen. */
export const MAX_ANNOUNCEMENT_LENGTH = 150;

function firstSentence(text: string): string {
  const [first = ''] = text.trim().split(/(?<=[.!?])\s+/);
  return first;
}

function capped(text: string): string {
  if (text.length <= MAX_ANNOUNCEMENT_LENGTH) return text;
  const cut = text.slice(0, MAX_ANNOUNCEMENT_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/**
 * The result of the one request a confirmation sends, for the panel's live region; empty while there is no
 * result (the sending state takes the focus and is read from there; clearing the text also lets the same
 * result be announced again after the next attempt).
 */
export function withdrawalAnnouncement(stage: Stage, maskedEmail: string | null): string {
  switch (stage.name) {
    case 'sent':
      return capped(`Not processed yet: confirm the withdrawal from the email Everstrike sent ${maskedEmail ? `to ${maskedEmail}` : 'you'}.`);
    case 'failed':
    case 'unknown': {
      const { title, detail, outcomeUnknown } = describeError(stage.error);
      if (outcomeUnknown) return capped(`${title}. It may have been accepted: check your withdrawal list before sending again.`);
      return capped(`${title}: ${firstSentence(detail)}`);
    }
    default:
      return '';
  }
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
