#!/usr/bin/env node
// The `rampart` command: runs the CLI bundle that scripts/build-cli.mjs writes at install time.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist-cli/rampart.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('rampart: the CLI is not built: run npm run build:cli\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
