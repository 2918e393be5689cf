/**
 * Deterministic JSON: object keys in code-unit order at every depth, so equal data always gives equal bytes
 * (and documents diff cleanly in git). Array order is the caller's business.
 */

/** A copy of `value` whose objects have their keys sorted recursively; arrays keep their order. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      // JSON.stringify would drop these anyway; dropping them here keeps the output free of holes.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      // Assigning "__proto__" would set the prototype instead of adding a key.
      if (key === '__proto__') Object.defineProperty(out, key, { value: sortKeysDeep(v), enumerable: true, writable: true, configurable: true });
      else out[key] = sortKeysDeep(v);
    }
    return out;
  }
  return value;
}

/** `JSON.stringify` with sorted keys, 2-space indentation and a trailing newline. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}
