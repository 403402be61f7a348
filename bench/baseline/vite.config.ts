import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../../server/vite/precompress-plugin.ts';

/**
 * Builds the bare-stack baseline for `npm run bench` beside a copy of the production server
 * (bench-results/baseline/dist), precompressed like the app, so both are served the same way.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  logLevel: 'warn',
  build: { outDir: '../../bench-results/baseline/dist', emptyOutDir: true, sourcemap: false },
});
