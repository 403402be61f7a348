import { useLayoutEffect, useRef } from 'react';

/**
 * Moves keyboard focus to an element when it appears as the answer to what the person just did (the review
 * they opened, the exchange's answer, the keys they entered), so keyboard and screen-reader users land on it
 * instead of on `<body>`. `start` also scrolls it to the top of the window (a result can land below the
 * fold); `nearest` scrolls only as far as needed. The element needs `tabIndex={-1}` unless it is focusable.
 * It acts on mount only: a component that is on screen when the page loads must not use it.
 *
 * `now` focuses in the same commit the element appears in (a layout effect): right where the control that had
 * the focus has just gone away. `next-frame` focuses just before the next frame is drawn: for a view whose
 * appearance leaves the control that had the focus in the page (hidden or inert, not removed), so the focus
 * still never rests on `<body>`, and the commit that shows the view forces no layout of the page.
 */
export function useFocusOnMount<T extends HTMLElement>(scroll: 'start' | 'nearest' = 'start', timing: 'now' | 'next-frame' = 'now') {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (timing === 'now') element.focus({ preventScroll: true });
    // Scrolling needs the page laid out: done just before the next frame is drawn, where the browser lays it
    // out anyway, rather than forcing a second layout now.
    const frame = requestAnimationFrame(() => {
      if (timing === 'next-frame') element.focus({ preventScroll: true });
      element.scrollIntoView({ block: scroll });
    });
    return () => cancelAnimationFrame(frame);
  }, [scroll, timing]);
  return ref;
}
