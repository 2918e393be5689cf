// Adds up Vitest's and Playwright's JSON reports into the one closing line CI reads: `N passed, N failed`.
// A failing step outside the runners (type-check, lint, build) counts as one failure so the line never hides it.
import { existsSync, readFileSync } from 'node:fs';

const rc = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else console.log('unit: no report (the unit step did not run)');

const e2e = read('reports/e2e.json');
if (e2e) {
  const s = e2e.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  console.log(`browser: ${(s.expected ?? 0) + (s.flaky ?? 0)} passed, ${s.unexpected ?? 0} failed`);
} else console.log('browser: no report (the browser step did not run)');

if (rc !== 0 && failed === 0) {
  failed = 1;
  console.log('a step outside the test runners failed (type-check, lint or build): counted as 1 failure');
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
