import type { ExchangeTarget } from '../config/proxy-contract';
import { focusRing, linkText } from './ui/tones';

/**
 * The local sandbox delivers its "emails" to a mailbox page of its own; against the sandbox the page links
 * to it wherever the person is told to confirm by email. Against any real exchange it shows nothing.
 */
export function SandboxMailboxLink({ target }: { target: ExchangeTarget | undefined }) {
  if (target?.environment !== 'local') return null;
  return (
    <a href={`${target.url}/mailbox`} target="_blank" rel="noreferrer" className={`rounded-sm ${linkText} ${focusRing}`}>
      Open the sandbox mailbox
    </a>
  );
}
