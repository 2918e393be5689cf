/**
 * Reading the files the CLI is given. Everything read is untrusted: size-limited, parsed without executing
 * anything, and turned into a one-line CliError when it is unreadable or not what was asked for.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isRecord } from '../lib/guards';
import { parseAndRestore, type RestoreWarning } from '../model/restore';
import type { ThreatModel } from '../model/types';
import { CliError } from './errors';

/** Larger than any real threat model (a 10,000-element model is about 10 MB) and small enough to refuse junk. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function readInputText(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new CliError(`${file}: is a directory, not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: ${describeFsError(error)}`);
  }
  if (size > MAX_INPUT_BYTES) throw new CliError(`${file}: too large (${size} bytes; the limit is ${MAX_INPUT_BYTES})`);
  try {
    const text = await readFile(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new CliError(`${file}: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = isRecord(error) && typeof error.code === 'string' ? error.code : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return `cannot read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

/** Parses JSON without throwing: the value, or undefined when the text is not JSON. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export const NOT_NATIVE =
  'not a Rampart file (format detection for Threat Dragon/OTM/TM7 arrives with interchange)';

export interface LoadedModel {
  model: ThreatModel;
  warnings: RestoreWarning[];
  text: string;
}

/** Loads a native Rampart file through `parseAndRestore`. Other formats are refused with a clear reason. */
export async function loadModelFile(file: string): Promise<LoadedModel> {
  const text = await readInputText(file);
  const parsed = tryParseJson(text);
  if (!parsed.ok) {
    // Broken JSON that was meant to be a Rampart file deserves the parser's line and column; anything else
    // (XML from TMT, YAML from OTM) is simply another format.
    if (/^\s*\{[\s\S]*"format"\s*:\s*"rampart"/.test(text.slice(0, 4096))) return restoreText(file, text);
    throw new CliError(`${file}: ${NOT_NATIVE}`);
  }
  if (!isNative(parsed.value)) throw new CliError(`${file}: ${NOT_NATIVE}`);
  return restoreText(file, text);
}

function isNative(value: unknown): boolean {
  return isRecord(value) && value.format === 'rampart';
}

function restoreText(file: string, text: string): LoadedModel {
  // The CLI reads files the user chose, so it allows more than the browser's import limit.
  const result = parseAndRestore(text, { maxBytes: MAX_INPUT_BYTES });
  if (!result.ok) throw new CliError(`${file}: invalid Rampart file: ${result.reason}${result.path && result.path !== '$' ? ` (at ${result.path})` : ''}`);
  return { model: result.model, warnings: result.warnings, text };
}

/** The SARIF artifact URI of a file: relative to the working directory when inside it, else a file: URL. */
export function artifactUri(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return relative.split(path.sep).map(encodeURIComponent).join('/');
  }
  return pathToFileURL(absolute).href;
}

/**
 * The line declaring each id in a pretty-printed JSON document (`"id": "..."` at the start of a line), so
 * SARIF results can point at the element or flow they concern. Minified files simply yield no lines.
 */
export function indexIdLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const pattern = /^\s*"id"\s*:\s*("(?:[^"\\]|\\.)*")/;
  text.split('\n').forEach((line, index) => {
    const match = pattern.exec(line);
    if (!match) return;
    const parsed = tryParseJson(match[1]);
    if (parsed.ok && typeof parsed.value === 'string' && !lines.has(parsed.value)) lines.set(parsed.value, index + 1);
  });
  return lines;
}
