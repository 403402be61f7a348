import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { importProblem, layerBoundaries, placeOf } from './layer-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const src = (file: string) => path.join(process.cwd(), 'src', file);

const valid = [
  ['a feature imports the shared layers and the exchange layer', 'features/withdraw/components/x.tsx', "import { a } from '../../../lib/format'; import { b } from '../../../exchange/withdrawals';"],
  ['a feature imports itself', 'features/withdraw/components/x.tsx', "import { a } from '../withdraw-schema'; import { b } from './review-panel';"],
  ['the exchange layer imports shared layers and itself', 'exchange/account.ts', "import { a } from '../lib/api-client'; import { b } from './query-keys';"],
  ['a shared folder imports another shared folder', 'lib/format.ts', "import { a } from '../config/assets'; import { b } from '../validation/decimal';"],
  ['the app composes features', 'app/app.tsx', "import { A } from '../features/keys/components/keys-panel'; import { B } from '../features/history/components/h';"],
  ['the entry imports the app', 'main.tsx', "import { App } from './app/app'; import './index.css';"],
  ['src/testing imports anything', 'testing/render.tsx', "import { A } from '../app/provider'; import { B } from '../features/withdraw/x';"],
  ['a test imports src/testing', 'features/withdraw/x.test.tsx', "import { setup } from '../../testing/withdraw-panel-kit';"],
  ['packages are not checked', 'lib/api-client.ts', "import { z } from 'zod/mini'; import React from 'react';"],
  ['a re-export within a layer', 'exchange/index-like.ts', "export { a } from './withdrawals'; export * from './account';"],
  ['a file outside src', '../vite.config.ts', "import { x } from './src/features/withdraw/x';"],
] as const;

const invalid = [
  ['a feature imports another feature', 'features/withdraw/components/x.tsx', "import { k } from '../../keys/key-checks';", 'featureToFeature'],
  ['a feature imports another feature by type only', 'features/history/h.tsx', "import type { W } from '../withdraw/withdraw-flow';", 'featureToFeature'],
  ['a feature re-exports another feature', 'features/history/h.ts', "export { x } from '../withdraw/x';", 'featureToFeature'],
  ['a feature loads another feature lazily', 'features/history/h.ts', "const m = import('../withdraw/x');", 'featureToFeature'],
  ['a feature imports the app', 'features/keys/k.tsx', "import { App } from '../../app/app';", 'upward'],
  ['the exchange layer imports a feature', 'exchange/account.ts', "import { x } from '../features/withdraw/withdraw-schema';", 'upward'],
  ['a shared folder imports the exchange layer', 'lib/format.ts', "import { x } from '../exchange/withdrawals';", 'upward'],
  ['a shared component imports a feature', 'components/ui/button.tsx', "import { x } from '../../features/keys/key-checks';", 'upward'],
  ['a shared folder imports the app by root path', 'validation/decimal.ts', "import { App } from '/src/app/app';", 'upward'],
  ['a module imports test support', 'features/withdraw/x.tsx', "import { setup } from '../../testing/withdraw-panel-kit';", 'testingOnlyInTests'],
] as const;

tester.run('layer-boundaries', layerBoundaries, {
  valid: valid.map(([name, file, code]) => ({ name, filename: src(file), code })),
  invalid: [
    ...invalid.map(([name, file, code, messageId]) => ({ name, filename: src(file), code, errors: [{ messageId }] })),
    { name: 'a file in a folder that is no layer', filename: src('helpers/x.ts'), code: 'export const x = 1;', errors: [{ messageId: 'unknownFolder' }] },
  ],
});

describe('placeOf and importProblem', () => {
  const root = path.join(path.sep, 'repo', 'src');
  it('places files by their folder under src', () => {
    expect(placeOf(path.join(root, 'features', 'withdraw', 'a', 'b.ts'), root)).toEqual({ layer: 'feature', feature: 'withdraw' });
    expect(placeOf(path.join(root, 'components', 'ui', 'b.tsx'), root)).toEqual({ layer: 'shared' });
    expect(placeOf(path.join(root, 'main.tsx'), root)).toEqual({ layer: 'entry' });
    expect(placeOf(path.join(root, '..', 'vite.config.ts'), root)).toBeNull();
  });

  it('refuses a feature-to-feature import and lets tests use src/testing', () => {
    expect(importProblem({ layer: 'feature', feature: 'a' }, { layer: 'feature', feature: 'b' }, false)).toBe('featureToFeature');
    expect(importProblem({ layer: 'feature', feature: 'a' }, { layer: 'testing' }, true)).toBeNull();
  });
});
