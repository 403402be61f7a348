import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppRoot } from './app/app-root';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The built index.html holds the prerendered first screen: hydrate it. The dev server's has none: render.
// Hydrated at once, not in a transition: the page's handlers work only once hydration has committed, and on
// the bench's phone yielding every few ms made that commit 85–140 ms later (`npm run bench`, "form accepts input").
if (container.hasChildNodes()) hydrateRoot(container, <AppRoot />);
else createRoot(container).render(<AppRoot />);
