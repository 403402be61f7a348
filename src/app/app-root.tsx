import { StrictMode, useEffect } from 'react';
import { App } from './app';
import { AppProvider } from './provider';

/** Marks the moment the page accepts input (hydrated, handlers attached); `npm run bench` reads it. */
function InteractiveMark() {
  useEffect(() => {
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
