// Lint enforces the dependency table of DESIGN.md §1: each layer lists the src folders and packages it may
// not import, so a pure layer can never pick up React, Dexie or the DOM by accident.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const layers = ['lib', 'model', 'rules', 'interop', 'report', 'worker', 'persistence', 'store', 'canvas', 'panels', 'cli', 'app'];
const allowed = {
  lib: [],
  model: ['lib'],
  rules: ['model', 'lib'],
  interop: ['model', 'rules', 'lib'],
  report: ['model', 'rules', 'lib'],
  worker: ['rules', 'model', 'lib'],
  persistence: ['model', 'lib'],
  store: ['model', 'lib'],
  canvas: ['store', 'model', 'lib'],
  panels: ['store', 'model', 'lib'],
  cli: ['model', 'rules', 'interop', 'report', 'lib'],
  app: layers,
};
const uiPackages = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'dexie', '@xyflow/react'];
const forbiddenPackages = {
  lib: uiPackages,
  model: uiPackages,
  rules: uiPackages,
  interop: uiPackages,
  report: uiPackages,
  worker: uiPackages,
  persistence: ['react', 'react-dom', 'zustand', '@xyflow/react'],
  store: ['react-dom', 'dexie'],
  canvas: ['dexie'],
  panels: ['dexie'],
  cli: uiPackages,
  app: [],
};

const layerRules = layers.map((layer) => {
  const banned = layers.filter((l) => l !== layer && !allowed[layer].includes(l));
  const patterns = banned.flatMap((l) => [`**/${l}/*`, `../${l}/*`, `../../${l}/*`]);
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(patterns.length ? [{ group: patterns, message: `src/${layer} may import only: ${allowed[layer].join(', ') || 'nothing from src'} (DESIGN.md §1)` }] : []),
            ...(forbiddenPackages[layer].length ? [{ group: forbiddenPackages[layer], message: `src/${layer} must not depend on this package (DESIGN.md §1)` }] : []),
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'reports', 'test-results', 'coverage', 'dev-dist'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'No model text is ever rendered as HTML.' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No model text is ever rendered as HTML.' }],
    },
  },
  ...layerRules,
  // Playwright fixtures call `use()`, which is not React's hook.
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
);
