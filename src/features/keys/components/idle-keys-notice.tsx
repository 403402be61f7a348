/**
 * One minute before unused keys are forgotten, a note at the bottom of the window says so, with "Keep using
 * them". The live region is always there (empty until needed), so the note is announced once, politely.
 */
import { Button } from '../../../components/ui/button';
import { callout } from '../../../components/ui/tones';
import { KEYS_IDLE_WARNING_MS } from '../../../config/timeouts';
import { useIdleKeys } from '../../../exchange/idle-keys';

export function IdleKeysNotice({ onIdle }: { onIdle: () => void }) {
  const { warning, keepUsing } = useIdleKeys(onIdle);
  const minutes = KEYS_IDLE_WARNING_MS / 60_000;
  return (
    <div role="status" className="fixed inset-x-3 bottom-3 z-10 mx-auto max-w-md">
      {warning ? (
        <div data-testid="idle-keys-notice" className={`flex flex-wrap items-center justify-between gap-3 rounded-md p-3 text-sm shadow-lg ring-1 ${callout.warning}`}>
          <p>
            Your keys will be forgotten in {minutes} minute{minutes === 1 ? '' : 's'} for inactivity.
          </p>
          <Button variant="secondary" onClick={keepUsing}>
            Keep using them
          </Button>
        </div>
      ) : null}
    </div>
  );
}
