// `npm run bench`: prints performance figures (no pass/fail).
//   (a) engine: Node, generated trading models of 100 / 1,000 / 10,000 elements (tests/bench/engine.bench.ts)
//   (b) browser: the built app in Chromium via Playwright, 100 / 1,000 / 5,000 elements (tests/bench/browser.bench.ts)
// Each bench entry is bundled with esbuild into node_modules/.cache/rampart-bench/ (so its imports of installed
// packages resolve) and run in its own Node process.
//
// Options: --engine | --browser (default: both); --sizes 100,1000 (engine); --browser-sizes 100,1000 (browser);
//          --json (machine-readable rows instead of tables)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'node_modules/.cache/rampart-bench');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const onlyEngine = args.includes('--engine');
const onlyBrowser = args.includes('--browser');
const runEngine = onlyEngine || !onlyBrowser;
const runBrowser = onlyBrowser || !onlyEngine;
const json = args.includes('--json') ? ['--json'] : [];

async function bundle(entry, name) {
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, `${name}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

function run(file, extra, nodeFlags = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, file, ...extra], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

let status = 0;
if (runEngine) {
  const file = await bundle('tests/bench/engine.bench.ts', 'engine');
  const sizes = option('--sizes');
  const code = run(file, [...(sizes ? ['--sizes', sizes] : []), ...json], ['--expose-gc', '--max-old-space-size=4096']);
  status ||= code;
}
if (runBrowser) {
  const file = await bundle('tests/bench/browser.bench.ts', 'browser');
  const sizes = option('--browser-sizes');
  const code = run(file, [...(sizes ? ['--sizes', sizes] : []), ...json]);
  status ||= code;
}
process.exitCode = status;
