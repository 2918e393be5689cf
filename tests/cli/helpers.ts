/**
 * Runs the built CLI as a child process, the way CI and users run it. Each test file builds its own bundle into
 * a temporary directory (scripts/build-cli.mjs --outfile), so test files never share or clobber dist-cli/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  dir: string;
  cli: string;
  /** Writes a file into the workspace and returns its absolute path. */
  write(name: string, content: string): string;
  run(args: string[], options?: { cwd?: string }): CliRun;
  dispose(): void;
}

export function createWorkspace(): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-cli-'));
  const cli = path.join(dir, 'rampart.mjs');
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-cli.mjs'), '--outfile', cli], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`CLI build failed:\n${build.stderr}${build.stdout}`);
  return {
    dir,
    cli,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    run(args, options = {}) {
      const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? dir, encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An error report the CLI promises: one line on stderr, naming what went wrong, no stack trace. */
export function expectOneLineError(run: CliRun): string {
  const lines = run.stderr.trimEnd().split('\n');
  if (run.code !== 2) throw new Error(`expected exit 2, got ${run.code}: ${run.stderr}`);
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got:\n${run.stderr}`);
  if (/\n\s+at /.test(run.stderr)) throw new Error(`stack trace on stderr:\n${run.stderr}`);
  return lines[0];
}
