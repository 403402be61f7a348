/**
 * Runs work the first screen does not need (fetching the code of views it never shows) once the browser is
 * idle, so it never competes with the first paint or the first input. Returns how to cancel it.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 200);
  return () => clearTimeout(timer);
}
