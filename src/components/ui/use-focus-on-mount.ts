import { useLayoutEffect, useRef } from 'react';

/**
 * Moves keyboard focus to an element when it appears as the answer to what the person just did (the review
 * they opened, the exchange's answer, the keys they entered), so keyboard and screen-reader users land on it
 * instead of on `<body>`. `start` also scrolls it to the top of the window (a result can land below the
 * fold); `nearest` scrolls only as far as needed. The element needs `tabIndex={-1}` unless it is focusable.
 * It acts on mount only: a component that is on screen when the page loads must not use it.
 */
export function useFocusOnMount<T extends HTMLElement>(scroll: 'start' | 'nearest' = 'start') {
  const ref = useRef<T>(null);
  // A layout effect: the focus moves in the same frame the element appears, never leaving <body> focused between.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    // Scrolling needs the page laid out: done just before the next frame is drawn, where the browser lays it
    // out anyway, rather than forcing a second layout now.
    const frame = requestAnimationFrame(() => element.scrollIntoView({ block: scroll }));
    return () => cancelAnimationFrame(frame);
  }, [scroll]);
  return ref;
}
