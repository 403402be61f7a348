import { StrictMode, useLayoutEffect } from 'react';
import { App } from './app';
import { AppProvider } from './provider';

/**
 * Marks the moment the page accepts input: the commit that hydrated it, with its handlers attached (a layout
 * effect, before the effects that start the first reads); `npm run bench` reads it.
 */
function InteractiveMark() {
  useLayoutEffect(() => {
    performance.mark('interactive');
  }, []);
  return null;
}

/** The whole page, as prerendered at build time and as hydrated in the browser. */
export function AppRoot() {
  return (
    <StrictMode>
      <AppProvider>
        <App />
        <InteractiveMark />
      </AppProvider>
    </StrictMode>
  );
}
