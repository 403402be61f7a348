/**
 * Escape anywhere on the page leaves the review, as Edit does, unless something else already handled it. The
 * panel holds it (not the review's lazily loaded view), so it works from the moment the review opens.
 */
import { useEffect } from 'react';

export function useEscapeTo(action: () => void, active: boolean) {
  useEffect(() => {
    if (!active) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [action, active]);
}

