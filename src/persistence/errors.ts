/**
 * Storage failures as data. Everything the persistence layer throws is a `PersistenceError` whose `kind` the app
 * maps to a visible state with a way out (DESIGN.md §7):
 * - `quota`: the browser refused to store more. Export the model, free space (empty the bin, drop revisions).
 * - `blocked`: the database is closed or held by another tab's upgrade. Reload, or close the other tabs.
 * - `conflict`: another tab wrote this model after we read it. Reload it, or keep ours as a copy.
 * - `unknown`: anything else, with the browser's message.
 */

export type PersistenceErrorKind = 'quota' | 'blocked' | 'conflict' | 'unknown';

/** The plain-data form, for status objects and UI state. */
export interface PersistenceErrorData {
  kind: PersistenceErrorKind;
  message: string;
}

export class PersistenceError extends Error implements PersistenceErrorData {
  readonly kind: PersistenceErrorKind;

  constructor(kind: PersistenceErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PersistenceError';
    this.kind = kind;
  }

  toData(): PersistenceErrorData {
    return { kind: this.kind, message: this.message };
  }
}

/** A save refused because the stored record changed since this tab last read or wrote it. */
export class ConflictError extends PersistenceError {
  readonly modelId: string;
  /** The count this tab expected. */
  readonly expectedSaveCount: number;
  /** The count actually stored (0 when the record no longer exists). */
  readonly storedSaveCount: number;

  constructor(modelId: string, expectedSaveCount: number, storedSaveCount: number) {
    super(
      'conflict',
      `Model ${modelId} was saved elsewhere (stored save ${storedSaveCount}, expected ${expectedSaveCount}).`,
    );
    this.name = 'ConflictError';
    this.modelId = modelId;
    this.expectedSaveCount = expectedSaveCount;
    this.storedSaveCount = storedSaveCount;
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** DOMException codes: 22 is QUOTA_EXCEEDED_ERR; 1014 is old Firefox's quota code. */
const QUOTA_CODES = new Set([22, 1014]);
const BLOCKED_NAMES = new Set(['DatabaseClosedError', 'VersionChangeError', 'VersionError', 'InvalidStateError']);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

function isObject(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null;
}

/**
 * The error and the errors it wraps: Dexie puts the IndexedDB error in `inner` (an `AbortError` whose inner is
 * the `QuotaExceededError`), standard errors use `cause`, and `BulkError` lists `failures`. Depth-limited so a
 * cyclic chain cannot hang us.
 */
function errorChain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 16) {
    const current = queue.shift();
    if (!isObject(current) || out.includes(current)) continue;
    out.push(current);
    queue.push(current.inner, current.cause);
    if (Array.isArray(current.failures)) queue.push(...current.failures);
    else if (isObject(current.failures)) queue.push(...Object.values(current.failures));
  }
  return out;
}

function isQuota(e: ErrorLike): boolean {
  return (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) || (typeof e.code === 'number' && QUOTA_CODES.has(e.code));
}

function messageOf(error: unknown): string {
  if (isObject(error)) {
    if (typeof error.message === 'string' && error.message !== '') return error.message;
    if (typeof error.name === 'string') return error.name;
  }
  return typeof error === 'string' ? error : 'Unknown storage error';
}

/** Classifies anything thrown by Dexie, IndexedDB or a save function. Never throws. */
export function toPersistenceError(error: unknown): PersistenceError {
  if (error instanceof PersistenceError) return error;
  const chain = errorChain(error);
  const quota = chain.find(isQuota);
  if (quota) return new PersistenceError('quota', messageOf(quota), { cause: error });
  const blocked = chain.find((e) => typeof e.name === 'string' && BLOCKED_NAMES.has(e.name));
  if (blocked) return new PersistenceError('blocked', messageOf(blocked), { cause: error });
  return new PersistenceError('unknown', messageOf(error), { cause: error });
}

/** `toPersistenceError` as plain data, for status objects. */
export function describeError(error: unknown): PersistenceErrorData {
  return toPersistenceError(error).toData();
}

/** Runs a storage operation and rethrows whatever it throws as a `PersistenceError`. */
export async function guard<T>(operation: () => PromiseLike<T> | T): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toPersistenceError(error);
  }
}
