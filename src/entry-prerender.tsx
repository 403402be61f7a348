/**
 * The first screen as HTML, rendered at build time (server/vite/prerender-plugin.ts) into index.html and
 * hydrated by main.tsx: the same tree, so the markup and the first client render agree.
 */
import { renderToString } from 'react-dom/server';
import { AppRoot } from './app/app-root';

export function renderFirstScreen(): string {
  return renderToString(<AppRoot />);
}
