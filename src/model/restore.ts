/**
 * Reading documents. Every input is untrusted: `restore` never throws, refuses only what it cannot repair (not
 * an object, another format, a newer version, no model, lists beyond the limits) and otherwise returns a valid
 * model plus a warning (JSON path and message) for each repair. Older versions are migrated first.
 * Unknown top-level model fields are kept, as data, in `extra`; nothing read here is ever executed or
 * rendered as HTML.
 */
import { isRecord } from '../lib/guards';
import { scanJson } from '../lib/jsonScan';
import { newId } from './ids';
import { MIGRATIONS } from './migrations';
import { repairManualThreats, repairRulePacks, repairTriage } from './repairAnnotations';
import { repairItems } from './repairItems';
import { describe, keyPath, quote, RESTORE_LIMITS, RestoreContext, RestoreRefusal, type RestoreWarning } from './restoreContext';
import { MODEL_FIELDS } from './serialize';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type ThreatModel } from './types';

export type { RestoreWarning } from './restoreContext';
export { RESTORE_LIMITS } from './restoreContext';

export type RestoreResult =
  | { ok: true; model: ThreatModel; warnings: RestoreWarning[] }
  | { ok: false; reason: string; path: string };

const refuse = (reason: string, path: string): RestoreResult => ({ ok: false, reason, path });

/** Reads an envelope `{ format: "rampart", version, model }` of any version up to the current one. */
export function restore(input: unknown): RestoreResult {
  try {
    return restoreEnvelope(input);
  } catch (error) {
    if (error instanceof RestoreRefusal) return refuse(error.reason, error.path);
    return refuse(`unreadable document: ${error instanceof Error ? error.message : String(error)}`, '$');
  }
}

function restoreEnvelope(input: unknown): RestoreResult {
  if (!isRecord(input)) return refuse(`not a Rampart document: expected a JSON object, found ${describe(input)}`, '$');
  if (input.format !== DOCUMENT_FORMAT) {
    return refuse(
      input.format === undefined
        ? 'not a Rampart document: it has no "format" field'
        : `not a Rampart document: format is ${describe(input.format)}, expected "${DOCUMENT_FORMAT}"`,
      '$.format',
    );
  }
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return refuse(`the document version must be a whole number, found ${describe(version)}`, '$.version');
  }
  if (version > DOCUMENT_VERSION) {
    return refuse(`made by a newer Rampart (version ${version}); this one reads up to ${DOCUMENT_VERSION}`, '$.version');
  }
  if (!isRecord(input.model)) {
    return refuse(input.model === undefined ? 'the document has no model' : `the model must be an object, found ${describe(input.model)}`, '$.model');
  }

  const ctx = new RestoreContext();
  let raw: Record<string, unknown> = input.model;
  for (let v = version; v < DOCUMENT_VERSION; v++) {
    const migration = MIGRATIONS[v];
    try {
      const next = migration.up(raw);
      if (!isRecord(next)) return refuse(`migration from version ${v} (${migration.name}) produced no model`, '$.model');
      raw = next;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return refuse(`migration from version ${v} (${migration.name}) failed: ${message}`, '$.model');
    }
  }
  if (version < DOCUMENT_VERSION) ctx.warn('$.version', `upgraded from version ${version} to ${DOCUMENT_VERSION}`);

  const model = repairModel(ctx, raw);
  return { ok: true, model, warnings: ctx.finish() };
}

function repairModel(ctx: RestoreContext, raw: Record<string, unknown>): ThreatModel {
  const now = new Date().toISOString();
  let id: string;
  if (typeof raw.id === 'string' && raw.id !== '') id = ctx.string(raw.id, '$.model.id', '');
  else {
    id = newId();
    ctx.warn('$.model.id', raw.id === undefined ? `missing model id; issued ${quote(id)}` : `invalid model id (${describe(raw.id)}); issued ${quote(id)}`);
  }
  const updatedAt = ctx.string(raw.updatedAt, '$.model.updatedAt', now);
  const items = repairItems(ctx, raw);
  const model: ThreatModel = {
    id,
    name: ctx.string(raw.name, '$.model.name', 'Untitled model'),
    description: ctx.string(raw.description, '$.model.description', ''),
    owner: ctx.string(raw.owner, '$.model.owner', ''),
    createdAt: ctx.string(raw.createdAt, '$.model.createdAt', updatedAt),
    updatedAt,
    ...items,
    triage: repairTriage(ctx, raw.triage, updatedAt),
    manualThreats: repairManualThreats(ctx, raw),
    rulePacks: repairRulePacks(ctx, raw.rulePacks),
  };
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if ((MODEL_FIELDS as readonly string[]).includes(key)) continue;
    if (key === '__proto__') {
      ctx.warn(keyPath('$.model', key), 'key "__proto__" dropped');
      continue;
    }
    const value = ctx.jsonData(raw[key], keyPath('$.model', key), 1);
    if (value !== undefined) extra[key] = value;
  }
  if (Object.keys(extra).length > 0) model.extra = extra;
  return model;
}

export interface ParseOptions {
  /** Largest accepted text, in bytes (UTF-8). Default 25 MB. */
  maxBytes?: number;
  /** Deepest accepted nesting of arrays and objects. Default 64. */
  maxDepth?: number;
}

const MB = 1024 * 1024;
const formatMb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** Parses JSON text (with size, depth and syntax checks, errors located by line and column) and restores it. */
export function parseAndRestore(text: string, opts: ParseOptions = {}): RestoreResult {
  try {
    if (typeof text !== 'string') return refuse('expected the text of a document', '$');
    const maxBytes = opts.maxBytes ?? RESTORE_LIMITS.maxBytes;
    // A UTF-16 code unit is at least one and at most three UTF-8 bytes: encode only when it can matter.
    let bytes = text.length;
    if (text.length <= maxBytes && text.length * 3 > maxBytes) bytes = new TextEncoder().encode(text).length;
    if (bytes > maxBytes) return refuse(`file is ${formatMb(bytes)}; the limit is ${formatMb(maxBytes)}`, '$');
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const error = scanJson(body, opts.maxDepth ?? RESTORE_LIMITS.maxDepth);
    if (error) return refuse(`not valid JSON: ${error.message} at line ${error.line}, column ${error.column}`, '$');
    return restore(JSON.parse(body));
  } catch (error) {
    return refuse(`unreadable document: ${error instanceof Error ? error.message : String(error)}`, '$');
  }
}
