import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import localRules from './eslint-rules/layer-boundaries.js';

export default tseslint.config(
  { ignores: ['dist', 'bench-results', 'dist-server', 'node_modules', 'playwright-report', 'test-results', 'coverage'] },
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The page's layers (see eslint-rules/layer-boundaries.js), and the small zod build in the page.
    files: ['src/**'],
    plugins: { local: localRules },
    rules: {
      'local/layer-boundaries': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v3'].map((name) => ({ name, message: 'The page uses zod/mini (smaller bundle).' })),
        },
      ],
    },
  },
  {
    // Servers and scripts report to their terminal.
    files: ['sandbox/**', 'scripts/**', 'e2e/**', 'e2e-engines/**'],
    rules: { 'no-console': 'off' },
  },
);
