/**
 * The controller's one effect: after the commit that renders a transition, it puts the focus where the flow's
 * cue says (the form's first field, the review's heading, the result's heading) and says the cue's sentence in
 * the live region. The targets are rendered by the panel itself (never inside a lazily loaded view), so they
 * exist in that very commit and the focus never rests on the page in between. Heading targets are scrolled to
 * the top of the window just before the next frame, where the browser lays the page out anyway.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Cue } from './withdraw-flow';

export function useFlowCue(cue: Cue) {
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const reviewHeadingRef = useRef<HTMLHeadingElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const liveRegionRef = useRef<HTMLParagraphElement>(null);

  useLayoutEffect(() => {
    // The first render is the page as loaded (or prerendered): nothing has happened yet.
    if (cue.seq === 0) return undefined;
    if (liveRegionRef.current) liveRegionRef.current.textContent = cue.announcement;
    if (cue.focus === 'first-field') {
      firstFieldRef.current?.focus();
      return undefined;
    }
    const heading = cue.focus === 'review' ? reviewHeadingRef.current : cue.focus === 'result' ? resultHeadingRef.current : null;
    if (!heading) return undefined;
    heading.focus({ preventScroll: true });
    const frame = requestAnimationFrame(() => heading.scrollIntoView({ block: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [cue]);

  return { firstFieldRef, reviewHeadingRef, resultHeadingRef, liveRegionRef };
}
