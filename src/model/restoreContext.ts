/**
 * Field readers for `restore`: each takes a value of unknown origin and a JSON path, returns a value of the
 * right type, and records a warning for anything it had to change. Nothing is coerced silently; a field that
 * is simply absent takes its default without a warning unless the caller says the field is required.
 */
import { isRecord } from '../lib/guards';
import { newId } from './ids';
import type { Point, PropValue, Props, Size } from './types';

/** Limits on what `restore` accepts (DESIGN.md §11: imports are limited in size and depth). */
export const RESTORE_LIMITS = {
  /** Per collection: elements, boundaries, flows, notes, diagrams, manual threats. */
  maxItems: 50_000,
  /** Longer strings are truncated, with a warning. */
  maxStringLength: 100_000,
  /** Nesting depth of free-form data (unknown fields, custom rules) and of parsed JSON text. */
  maxDepth: 64,
  /** Size of a document's text for `parseAndRestore`. */
  maxBytes: 25 * 1024 * 1024,
  /** Warnings beyond this are counted, not listed. */
  maxWarnings: 500,
} as const;

export interface RestoreWarning {
  /** JSON path of the repaired value, e.g. `$.model.flows[3].source`. */
  path: string;
  message: string;
}

/** A problem `restore` cannot repair; thrown inside restore and turned into `{ ok: false }`. */
export class RestoreRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly path: string,
  ) {
    super(reason);
  }
}

export class RestoreContext {
  readonly warnings: RestoreWarning[] = [];
  private suppressed = 0;
  /** Every id in the document, across collections (ids are unique in a model). */
  private readonly usedIds = new Set<string>();

  warn(path: string, message: string): void {
    if (this.warnings.length < RESTORE_LIMITS.maxWarnings) this.warnings.push({ path, message });
    else this.suppressed++;
  }

  /** The warnings, with a last one counting those that were not listed. */
  finish(): RestoreWarning[] {
    if (this.suppressed === 0) return this.warnings;
    return [...this.warnings, { path: '$', message: `${this.suppressed} more warnings not listed` }];
  }

  /**
   * The final id of an item: its own when it is a fresh non-empty string, a new UUID when it is missing or
   * already taken (by an earlier item of any collection).
   */
  claimId(raw: unknown, path: string): string {
    let id: string;
    if (typeof raw === 'string' && raw !== '') {
      const s = this.string(raw, path, '');
      if (!this.usedIds.has(s)) {
        this.usedIds.add(s);
        return s;
      }
      id = newId();
      this.warn(path, `duplicate id ${quote(s)}; re-issued as ${quote(id)}`);
    } else {
      id = newId();
      this.warn(path, raw === undefined ? `missing id; issued ${quote(id)}` : `invalid id (${describe(raw)}); issued ${quote(id)}`);
    }
    this.usedIds.add(id);
    return id;
  }

  /** A string; `required` makes an absent value a warning too. Long strings are truncated. */
  string(value: unknown, path: string, fallback: string, required = false): string {
    if (typeof value === 'string') {
      if (value.length <= RESTORE_LIMITS.maxStringLength) return value;
      this.warn(path, `text of ${value.length} characters truncated to ${RESTORE_LIMITS.maxStringLength}`);
      return value.slice(0, RESTORE_LIMITS.maxStringLength);
    }
    if (value === undefined) {
      if (required) this.warn(path, `missing; set to ${quote(fallback)}`);
    } else {
      this.warn(path, `expected text, found ${describe(value)}; set to ${quote(fallback)}`);
    }
    return fallback;
  }

  /** An optional string: undefined when absent or invalid (with a warning when invalid). */
  optionalString(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.warn(path, `expected text, found ${describe(value)}; dropped`);
      return undefined;
    }
    return this.string(value, path, '');
  }

  /** A finite number; -0 reads as 0. */
  number(value: unknown, path: string, fallback: number, required = false): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value === 0 ? 0 : value;
    if (value === undefined) {
      if (required) this.warn(path, `missing; set to ${fallback}`);
    } else {
      this.warn(path, `expected a finite number, found ${describe(value)}; set to ${fallback}`);
    }
    return fallback;
  }

  point(value: unknown, path: string): Point {
    if (!isRecord(value)) {
      this.warn(path, value === undefined ? 'missing position; set to (0, 0)' : `expected {x, y}, found ${describe(value)}; set to (0, 0)`);
      return { x: 0, y: 0 };
    }
    return { x: this.number(value.x, `${path}.x`, 0, true), y: this.number(value.y, `${path}.y`, 0, true) };
  }

  /** A size with finite, non-negative sides, or undefined (with a warning when present but invalid). */
  optionalSize(value: unknown, path: string): Size | undefined {
    if (value === undefined) return undefined;
    if (isRecord(value)) {
      const { width, height } = value;
      if (typeof width === 'number' && typeof height === 'number' && Number.isFinite(width) && Number.isFinite(height) && width >= 0 && height >= 0) {
        return { width: width === 0 ? 0 : width, height: height === 0 ? 0 : height };
      }
    }
    this.warn(path, `expected {width, height} of finite non-negative numbers, found ${describe(value)}; dropped`);
    return undefined;
  }

  /** A list of strings; other entries are dropped with a warning. */
  stringList(value: unknown, path: string): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.warn(path, `expected a list, found ${describe(value)}; set to []`);
      return [];
    }
    const out: string[] = [];
    Array.from(value).forEach((v, i) => {
      if (typeof v === 'string') out.push(this.string(v, `${path}[${i}]`, ''));
      else this.warn(`${path}[${i}]`, `expected text, found ${describe(v)}; dropped`);
    });
    return out;
  }

  /** Property values: string, finite number, boolean or list of strings. Anything else is dropped. */
  props(value: unknown, path: string): Props {
    const out: Props = {};
    if (value === undefined) return out;
    if (!isRecord(value)) {
      this.warn(path, `expected an object of properties, found ${describe(value)}; set to {}`);
      return out;
    }
    for (const [key, v] of Object.entries(value)) {
      const p = keyPath(path, key);
      if (key === '__proto__' || key === '' || key.length > 200) {
        this.warn(p, 'invalid property name; dropped');
        continue;
      }
      const read = this.propValue(v, p);
      if (read !== undefined) out[key] = read;
    }
    return out;
  }

  private propValue(v: unknown, path: string): PropValue | undefined {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string') return this.string(v, path, '');
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v === 0 ? 0 : v;
      this.warn(path, `non-finite number (${String(v)}); dropped`);
      return undefined;
    }
    if (Array.isArray(v) && Array.from(v).every((x) => typeof x === 'string')) return Array.from(v).map((x, i) => this.string(x, `${path}[${i}]`, ''));
    this.warn(path, `expected text, a number, true/false or a list of text, found ${describe(v)}; dropped`);
    return undefined;
  }

  /**
   * A deep copy of free-form data (unknown fields, custom rules) restricted to JSON: no functions, no
   * non-finite numbers, no `__proto__` keys, no nesting deeper than the limit.
   */
  jsonData(value: unknown, path: string, depth = 0): unknown {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'string') return this.string(value, path, '');
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value === 0 ? 0 : value;
      this.warn(path, `non-finite number (${String(value)}); dropped`);
      return undefined;
    }
    if (typeof value === 'object') {
      if (depth >= RESTORE_LIMITS.maxDepth) {
        this.warn(path, `nested deeper than ${RESTORE_LIMITS.maxDepth} levels; dropped`);
        return undefined;
      }
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        // Array.from turns holes of sparse arrays into undefined, which is then dropped with a warning.
        Array.from(value).forEach((v, i) => {
          const copy = this.jsonData(v, `${path}[${i}]`, depth + 1);
          if (copy !== undefined) out.push(copy);
        });
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (key === '__proto__') {
          this.warn(keyPath(path, key), 'key "__proto__" dropped');
          continue;
        }
        const copy = this.jsonData(v, keyPath(path, key), depth + 1);
        if (copy !== undefined) out[key] = copy;
      }
      return out;
    }
    this.warn(path, `${describe(value)} is not JSON data; dropped`);
    return undefined;
  }
}

/** `path.key`, or `path["odd key"]` when the key is not a plain identifier. */
export function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A short description of a value's type for messages ("a list", "the number 3"). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${quote(value)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof value}`;
  }
}

/** A string quoted for a message, shortened when long. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}
