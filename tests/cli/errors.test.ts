import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeEnvelope } from '../../src/model/serialize';
import { createWorkspace, expectOneLineError, repoRoot, type Workspace } from './helpers';
import { platformModel } from './fixtures';

let ws: Workspace;
let modelFile: string;
const shared = (...parts: string[]) => path.resolve(repoRoot, '../shared/fixtures', ...parts);

beforeAll(() => {
  ws = createWorkspace();
  modelFile = ws.write('model.json', serializeEnvelope(platformModel()));
});
afterAll(() => ws.dispose());

describe('rampart: exit 2 with one line on stderr', () => {
  it('for a missing file', () => {
    expect(expectOneLineError(ws.run(['analyze', 'nope.json']))).toContain('nope.json: no such file');
  });

  it('for a directory', () => {
    expect(expectOneLineError(ws.run(['analyze', ws.dir]))).toContain('is a directory');
  });

  it.each([
    ['a Microsoft TMT model', 'tm7/tmtool-test-model.tm7'],
    ['an OTM file', 'otm/otm-example.json'],
    ['a Threat Dragon model', 'threat-dragon/td-v2-demo-threat-model.json'],
  ])('for %s, saying it is not a Rampart file yet', (_what, fixture) => {
    const line = expectOneLineError(ws.run(['analyze', shared(fixture)]));
    expect(line).toContain('not a Rampart file (format detection for Threat Dragon/OTM/TM7 arrives with interchange)');
  });

  it('for a Rampart file that is not valid JSON, with the position', () => {
    const file = ws.write('broken.json', '{ "format": "rampart", "version": 1, "model": { "name": "x", }');
    expect(expectOneLineError(ws.run(['analyze', file]))).toMatch(/broken\.json: invalid Rampart file: .*line \d+/);
  });

  it('for a Rampart file from a newer version', () => {
    const envelope = JSON.parse(serializeEnvelope(platformModel())) as { version: number };
    envelope.version = 99;
    const file = ws.write('future.json', JSON.stringify(envelope));
    expect(expectOneLineError(ws.run(['analyze', file]))).toContain('future.json: invalid Rampart file');
  });

  it('for an unknown format or severity', () => {
    expect(expectOneLineError(ws.run(['analyze', modelFile, '--format', 'pdf']))).toContain('--format must be one of json, sarif, markdown, csv');
    expect(expectOneLineError(ws.run(['analyze', modelFile, '--fail-on', 'severe']))).toContain('--fail-on must be one of critical, high, medium, low');
  });

  it('for an unknown option, a missing file argument or too many files', () => {
    expect(expectOneLineError(ws.run(['analyze', modelFile, '--frobnicate']))).toContain("'--frobnicate'");
    expect(expectOneLineError(ws.run(['analyze']))).toContain('analyze takes exactly one file');
    expect(expectOneLineError(ws.run(['analyze', modelFile, modelFile]))).toContain('analyze takes exactly one file');
  });

  it('for a --pack file that is missing or not a pack', () => {
    expect(expectOneLineError(ws.run(['analyze', modelFile, '--pack', 'missing.json']))).toContain('missing.json: no such file');
    expect(expectOneLineError(ws.run(['analyze', modelFile, '--pack', modelFile]))).toContain('not a rule pack');
  });

  it('prints usage for an unknown command or none, and for convert and report (not built yet)', () => {
    for (const args of [['frobnicate'], [], ['convert', modelFile, '--to', 'otm'], ['report', modelFile]]) {
      const run = ws.run(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: rampart <command>');
      expect(run.stdout).toBe('');
    }
  });
});

describe('rampart --help and --version', () => {
  it('prints usage with the exit codes on --help and exits 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['analyze', '--help']]) {
      const run = ws.run(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: rampart <command>');
      expect(run.stdout).toContain('--fail-on');
      expect(run.stdout).toMatch(/Exit status:[\s\S]*2 +unreadable/);
    }
  });

  it('prints the package version', async () => {
    const { version } = (await import('../../package.json')).default as { version: string };
    const run = ws.run(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
});

describe('bin/rampart.mjs', () => {
  it('runs the built bundle, and says how to build it when it is missing', () => {
    // A copy of the package layout: bin/ next to a dist-cli/ that is first absent, then built.
    const pkg = path.join(ws.dir, 'pkg');
    const bin = path.join(pkg, 'bin/rampart.mjs');
    mkdirSync(path.dirname(bin), { recursive: true });
    copyFileSync(path.join(repoRoot, 'bin/rampart.mjs'), bin);
    const before = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(before.status).toBe(2);
    expect(before.stderr.trim()).toBe('rampart: the CLI is not built: run npm run build:cli');

    mkdirSync(path.join(pkg, 'dist-cli'));
    copyFileSync(ws.cli, path.join(pkg, 'dist-cli/rampart.mjs'));
    const after = spawnSync(process.execPath, [bin, 'analyze', modelFile, '--fail-on', 'high'], { encoding: 'utf8' });
    expect(after.status).toBe(1);
    expect(JSON.parse(after.stdout)).toHaveProperty('findings');
  });
});
