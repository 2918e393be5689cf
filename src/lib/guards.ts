/** Small type guards for values of unknown origin (parsed files, messages). */

/** A non-null, non-array object: something whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number (rejects NaN and the infinities, which JSON cannot carry). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Own-property lookup that ignores anything inherited (`toString`, `__proto__`...). */
export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
