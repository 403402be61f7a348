import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Two Vitest projects: the server, the sandbox, the scripts and the lint rules run in Node (no DOM to set up for
 * them); the page runs in jsdom with the Testing Library setup. `npx vitest run --project node` runs one.
 */
export default defineConfig({
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['server/**/*.test.ts', 'sandbox/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'page',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-tests.ts'],
        },
      },
    ],
  },
});
