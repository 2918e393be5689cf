/**
 * Ends an exhaustive `switch`: the compiler rejects the call when a case is missing, and at run time it reports
 * the value that slipped through (data from an older build, say) instead of failing silently.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
