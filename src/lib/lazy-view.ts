/**
 * Views the first screen never shows, loaded on demand and fetched ahead of need once the page is idle.
 * React.lazy suspends on its first render even when the code has already arrived (it waits on a promise);
 * a view that takes the focus then appears a frame after the change that shows it, and the focus rests on
 * the page in between. So once the code is here, React.lazy is handed a thenable that is already settled
 * (it calls back synchronously, which React.lazy accepts), and the view renders in the same frame.
 */
import { lazy, type ComponentType } from 'react';

export interface LazyView<P> {
  Component: ComponentType<P>;
  /** Fetches the view's code now; resolves when it has arrived. */
  preload: () => Promise<unknown>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: { default: ComponentType<P> } | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = { default: component })));
  const Component = lazy(() => {
    if (!loaded) return preload();
    const settled = loaded;
    // A thenable that calls back at once: React.lazy then resolves during this very render.
    return { then: (onFulfilled: (value: typeof settled) => unknown) => onFulfilled(settled) } as unknown as Promise<typeof settled>;
  });
  return { Component, preload };
}

/** Runs `task` when the browser is idle (or after a moment where it cannot say), once the page is interactive. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 200);
  return () => clearTimeout(timer);
}
