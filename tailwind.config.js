/**
 * Tailwind 4 reads its theme from CSS first; this file (loaded by `@config` in src/index.css) keeps the
 * project's few theme choices in one place. Tailwind scans every file git does not ignore.
 */
/** @type {import('tailwindcss').Config} */
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
    },
  },
};
