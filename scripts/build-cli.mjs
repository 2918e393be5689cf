// Bundles the `rampart` CLI (src/cli/main.ts) into one ES module for Node 20, dist-cli/rampart.mjs.
// It runs at postinstall, so `npx rampart` works after `npm ci` with nothing else to do.
// `--outfile <path>` builds elsewhere (tests build their own copy, so parallel runs never share a file).
//
// At postinstall a failure only warns: an install must not fail because the CLI cannot be built (for example
// with --omit=dev, which leaves esbuild out); bin/rampart.mjs then says how to build it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--outfile');
const outfile = flag >= 0 && process.argv[flag + 1] ? path.resolve(process.argv[flag + 1]) : path.join(root, 'dist-cli', 'rampart.mjs');
const atInstall = process.env.npm_lifecycle_event === 'postinstall';

function fail(reason) {
  console.error(`build-cli: could not build ${path.relative(root, outfile)}: ${reason}`);
  process.exit(atInstall ? 0 : 1);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  fail('esbuild is not installed (it is a devDependency)');
}

try {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    banner: { js: '// Built by scripts/build-cli.mjs from src/cli; do not edit.' },
  });
} catch (error) {
  // esbuild has already printed each error with its location.
  fail(error instanceof Error ? error.message.split('\n')[0] : String(error));
}
