/**
 * `rampart` command line (DESIGN.md §9): argument parsing, dispatch and exit codes. Commands write through the
 * given io so tests can run them in-process; main.ts binds it to the real process.
 *
 * Exit codes: 0 done; 1 `analyze --fail-on` found an open finding at or above the threshold, or `pack` found
 * rule errors; 2 unreadable or invalid input or bad arguments (one line on stderr, no stack trace).
 */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import type { RuleProblem } from '../model/findings';
import type { Severity } from '../model/types';
import { analyze } from '../rules/engine';
import { getEnabledPacks } from '../rules/packs/index';
import { CliError } from './errors';
import { formatCsv } from './formats/csv';
import { formatJson } from './formats/json';
import { formatMarkdown } from './formats/markdown';
import { formatSarif } from './formats/sarif';
import { artifactUri, indexIdLines, loadModelFile } from './input';
import { formatPackText, loadPackFile, summarizePack } from './pack';
import { buildReport, hasOpenAtOrAbove } from './report';

export const VERSION: string = version;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const USAGE = `Usage: rampart <command> [options]

Commands:
  analyze <file>    Analyse a Rampart threat model and print its findings.
      --format <f>      json (default), sarif, markdown or csv
      --fail-on <sev>   exit 1 when an open or investigating finding of this severity or
                        higher exists: critical, high, medium or low
      --pack <file>     add a custom rule pack (JSON) to the analysis; repeatable
  pack <file>       Validate a rule pack (JSON) and print its id, name, the number of
                    valid rules and the errors of the others.
      --format <f>      text (default) or json: { id, name, rules, errors[] }

Options:
  -h, --help        show this help
  -v, --version     print the version

Exit status:
  0  done (for pack: every rule compiles)
  1  analyze: an open finding at or above --fail-on exists; pack: some rules have errors
  2  unreadable or invalid input, or bad arguments
`;

const ANALYZE_FORMATS = ['json', 'sarif', 'markdown', 'csv'] as const;
const PACK_FORMATS = ['text', 'json'] as const;
const FAIL_ON: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const MAX_WARNINGS = 20;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${name} must be one of ${allowed.join(', ')}, not '${value}'`);
}

const OPTIONS = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  pack: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The command word, found without judging the options (an unknown command gets the usage whatever follows). */
function commandOf(argv: string[]): string | undefined {
  return parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS }).positionals[0];
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    // Node's messages carry advice about '--' that is noise here; the first sentence says what was wrong.
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new CliError(message.replace(/\.$/, ''));
  }
}

type Values = ReturnType<typeof parse>['values'];

function warnAll(io: CliIo, lines: string[]): void {
  for (const line of lines.slice(0, MAX_WARNINGS)) io.stderr(`rampart: warning: ${line}\n`);
  if (lines.length > MAX_WARNINGS) io.stderr(`rampart: warning: ... and ${lines.length - MAX_WARNINGS} more\n`);
}

function describeProblem(problem: RuleProblem): string {
  return `rule pack ${problem.packId}: ${problem.message}`;
}

async function runAnalyze(file: string, values: Values, io: CliIo): Promise<number> {
  const format = oneOf('format', values.format, ANALYZE_FORMATS, 'json');
  const failOn = values['fail-on'] === undefined ? undefined : oneOf('fail-on', values['fail-on'], FAIL_ON, 'high');
  const extraPacks = [];
  for (const packFile of values.pack ?? []) extraPacks.push(await loadPackFile(packFile));

  const loaded = await loadModelFile(file);
  warnAll(io, loaded.warnings.map((w) => `${file}: ${w.path}: ${w.message}`));
  const packs = [...getEnabledPacks(loaded.model), ...extraPacks];
  const analysis = analyze(loaded.model, packs);
  warnAll(io, analysis.problems.map(describeProblem));

  const report = buildReport(loaded.model, analysis);
  switch (format) {
    case 'json':
      io.stdout(formatJson(report));
      break;
    case 'csv':
      io.stdout(formatCsv(report));
      break;
    case 'markdown':
      io.stdout(formatMarkdown(report, { version: VERSION, inputName: file }));
      break;
    case 'sarif': {
      const lines = indexIdLines(loaded.text);
      io.stdout(formatSarif(report, { version: VERSION, artifactUri: artifactUri(file, io.cwd), lineOf: (id) => lines.get(id) }));
      break;
    }
  }
  return failOn !== undefined && hasOpenAtOrAbove(report, failOn) ? 1 : 0;
}

async function runPack(file: string, values: Values, io: CliIo): Promise<number> {
  if (values['fail-on'] !== undefined || values.pack !== undefined) throw new CliError('pack takes only --format');
  const format = oneOf('format', values.format, PACK_FORMATS, 'text');
  const summary = summarizePack(await loadPackFile(file));
  io.stdout(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : formatPackText(summary));
  return summary.errors.length > 0 ? 1 : 0;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const command = commandOf(argv);
    if (command !== undefined && command !== 'analyze' && command !== 'pack' && command !== 'help') {
      io.stderr(`rampart: unknown command '${command}'\n\n${USAGE}`);
      return 2;
    }
    const { values, positionals } = parse(argv);
    const rest = positionals.slice(1);
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (values.help || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === undefined) {
      io.stderr(USAGE);
      return 2;
    }
    if (rest.length !== 1) throw new CliError(`${command} takes exactly one file (rampart ${command} <file>)`);
    return command === 'analyze' ? await runAnalyze(rest[0], values, io) : await runPack(rest[0], values, io);
  } catch (error) {
    const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    io.stderr(`rampart: ${message}\n`);
    return 2;
  }
}
