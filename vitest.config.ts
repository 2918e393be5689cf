import { defineConfig } from 'vitest/config';

// Unit and integration tests run under Node: model, rules, interop and report are pure, so they need no DOM.
// Files that touch IndexedDB import 'fake-indexeddb/auto' themselves.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20000,
    // The JSON report feeds CI's closing line (scripts/ci-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
