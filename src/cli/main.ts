/**
 * Node entry of the `rampart` CLI, bundled by scripts/build-cli.mjs into dist-cli/rampart.mjs.
 * Sets the exit code instead of calling process.exit, so piped output is flushed before the process ends.
 */
import { runCli } from './cli';

// A reader that stops early (`rampart analyze x | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
