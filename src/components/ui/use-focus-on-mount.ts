import { useLayoutEffect, useRef } from 'react';

/**
 * Moves keyboard focus to an element when it appears as the answer to what the person just did (the keys they
 * entered), in the commit it appears in, so keyboard and screen-reader users land on it instead of on
 * `<body>`. `start` also scrolls it to the top of the window; `nearest` scrolls only as far as needed, just
 * before the next frame is drawn (where the browser lays the page out anyway). The element needs
 * `tabIndex={-1}` unless it is focusable. It acts on mount only: a component that is on screen when the page
 * loads must not use it. (The withdraw flow moves its focus by its own cue: features/withdraw/use-flow-cue.ts.)
 */
export function useFocusOnMount<T extends HTMLElement>(scroll: 'start' | 'nearest' = 'start') {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    const frame = requestAnimationFrame(() => element.scrollIntoView({ block: scroll }));
    return () => cancelAnimationFrame(frame);
  }, [scroll]);
  return ref;
}
