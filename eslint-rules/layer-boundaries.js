// @ts-check
/**
 * The page's layers, kept by the linter so the codebase stays one others can copy:
 *
 *   shared (src/config, src/lib, src/signing, src/validation, src/components)
 *     → src/exchange (the shared exchange layer: keys holder, reads, query keys, wording)
 *       → src/features/<name> (never another feature, never src/app)
 *         → src/app (composes features, passes props) → src/main.tsx
 *
 * Each layer imports only from its own layer and the ones above it. src/testing may import anything, and
 * only tests (and src/testing itself) may import it. Only relative and root-relative (/src/…) imports name a
 * file of this project; package imports are not this rule's business.
 */
import path from 'node:path';

/** @typedef {'shared' | 'exchange' | 'feature' | 'app' | 'entry' | 'testing'} Layer */
/** @typedef {{ layer: Layer, feature?: string } | { layer: 'unknown', folder: string }} Place */

const SHARED_FOLDERS = new Set(['config', 'lib', 'signing', 'validation', 'components']);
/** @type {Record<Layer, number>} */
const RANK = { shared: 0, exchange: 1, feature: 2, app: 3, entry: 4, testing: 5 };
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

/**
 * Where a file sits among the layers, or null when it is outside the source folder.
 * @param {string} file absolute path
 * @param {string} srcDir absolute path of the source folder
 * @returns {Place | null}
 */
export function placeOf(file, srcDir) {
  const relative = path.relative(srcDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top = '', second] = relative.split(path.sep);
  if (second === undefined) return { layer: 'entry' };
  if (SHARED_FOLDERS.has(top)) return { layer: 'shared' };
  if (top === 'exchange') return { layer: 'exchange' };
  if (top === 'app') return { layer: 'app' };
  if (top === 'testing') return { layer: 'testing' };
  if (top === 'features') return second.includes('.') ? { layer: 'unknown', folder: 'features' } : { layer: 'feature', feature: second };
  return { layer: 'unknown', folder: top };
}

/**
 * @param {Place} place
 * @returns {string}
 */
function describePlace(place) {
  if (place.layer === 'unknown') return `src/${place.folder}`;
  if (place.layer === 'feature') return `feature "${place.feature}"`;
  return place.layer === 'shared' ? 'a shared folder' : `src/${place.layer === 'entry' ? '(entry)' : place.layer}`;
}

/**
 * Why `from` may not import `to`, or null when it may.
 * @param {Place} from
 * @param {Place} to
 * @param {boolean} fromTest whether the importing file is a test
 * @returns {'featureToFeature' | 'upward' | 'testingOnlyInTests' | null}
 */
export function importProblem(from, to, fromTest) {
  if (from.layer === 'unknown' || to.layer === 'unknown') return null;
  if (to.layer === 'testing') return from.layer === 'testing' || fromTest ? null : 'testingOnlyInTests';
  if (from.layer === 'testing') return null;
  if (from.layer === 'feature' && to.layer === 'feature') return from.feature === to.feature ? null : 'featureToFeature';
  return RANK[to.layer] <= RANK[from.layer] ? null : 'upward';
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports flow shared → exchange → features → app; features never import each other.' },
    schema: [{ type: 'object', properties: { srcDir: { type: 'string' } }, additionalProperties: false }],
    messages: {
      featureToFeature:
        '{{from}} imports from {{to}} ("{{specifier}}"): features never import each other. Move what both need to src/exchange or a shared folder, or compose them in src/app.',
      upward: '{{from}} may not import from {{to}} ("{{specifier}}"): imports flow shared → src/exchange → features → src/app.',
      testingOnlyInTests: '"{{specifier}}" is test support: only tests and src/testing may import it.',
      unknownFolder: '{{from}} is not a layer eslint-rules/layer-boundaries.js knows: add it there, or move this file into a layer.',
    },
  },
  create(context) {
    const option = /** @type {{ srcDir?: string } | undefined} */ (context.options[0]);
    const root = context.cwd;
    const srcDir = path.resolve(root, option?.srcDir ?? 'src');
    const file = path.resolve(root, context.filename);
    const from = placeOf(file, srcDir);
    if (!from) return {};
    const fromTest = TEST_FILE.test(file);

    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !from) return;
      const specifier = source.value;
      let target;
      if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
        target = path.resolve(path.dirname(file), specifier);
      } else if (specifier.startsWith('/src/')) {
        target = path.resolve(root, `.${specifier}`);
      } else {
        return;
      }
      const to = placeOf(target, srcDir);
      if (!to) return;
      const problem = importProblem(from, to, fromTest);
      if (problem) context.report({ node: source, messageId: problem, data: { from: describePlace(from), to: describePlace(to), specifier } });
    }

    return {
      Program(node) {
        if (from.layer === 'unknown') context.report({ node, messageId: 'unknownFolder', data: { from: describePlace(from) } });
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'layer-boundaries': layerBoundaries } };
