/** Numbered default names ("Trading bot", "Trading bot 2", ...), so new items are told apart at a glance. */
export function nextName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!names.has(candidate)) return candidate;
  }
}
