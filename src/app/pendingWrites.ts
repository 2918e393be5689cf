/**
 * Writes that outlive the screen that started them (an editor's final flush when the analyst goes back to the
 * library). Readers that list stored models wait for them, so the library never shows a stale name or date.
 */
const pending = new Set<Promise<unknown>>();

export function trackWrite<T>(write: Promise<T>): Promise<T> {
  const settled = write.then(
    () => undefined,
    () => undefined,
  );
  pending.add(settled);
  void settled.then(() => pending.delete(settled));
  return write;
}

export async function whenWritesSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
