/**
 * A lazily imported module, imported once and then kept: `import()` of a module already loaded still resolves a
 * task later (the browser posts it), so code on the money path (sending, reading its answer) asks here instead and
 * gets the module it already has after a microtask. A failed import is not kept: the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return () => {
    if (loaded !== undefined) return Promise.resolve(loaded);
    loading ??= load().then(
      (value) => (loaded = value),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
}
