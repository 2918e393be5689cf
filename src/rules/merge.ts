/**
 * How the incremental analyzer merges a re-evaluated target's results into the analysis it handed out before:
 * results equal to the previous ones keep their objects (so an edit that changes no finding changes no array),
 * and the sorted lists get the rest in one pass.
 */
import type { Finding, MitigatedByDesign } from '../model/findings';
import type { PropValue } from '../model/types';

/**
 * Matches a target's new results against its previous ones by id: an equal result is replaced in `next` by
 * the previous object; the rest are reported as removed (previous) and added (new).
 */
export function reconcile<T>(prev: readonly T[] | undefined, next: T[] | undefined, same: (a: T, b: T) => boolean, removed: T[], added: T[]): void {
  const kept = new Set<T>();
  if (next) {
    for (let i = 0; i < next.length; i++) {
      const n = next[i];
      const p = prev?.find((x) => !kept.has(x) && same(x, n));
      if (p) {
        next[i] = p;
        kept.add(p);
      } else {
        added.push(n);
      }
    }
  }
  if (prev) for (const p of prev) if (!kept.has(p)) removed.push(p);
}

/** Findings of the same rule object on the same target: only the computed parts can differ. */
export function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.id === b.id &&
    a.severity === b.severity &&
    a.confidence === b.confidence &&
    a.targetKind === b.targetKind &&
    a.mitigations === b.mitigations &&
    a.references === b.references &&
    a.title === b.title &&
    a.description === b.description &&
    a.severityAdjustments.length === b.severityAdjustments.length &&
    a.severityAdjustments.every((x, i) => x.from === b.severityAdjustments[i].from && x.to === b.severityAdjustments[i].to && x.reason === b.severityAdjustments[i].reason) &&
    a.evidence.length === b.evidence.length &&
    a.evidence.every((x, i) => {
      const y = b.evidence[i];
      return x.targetId === y.targetId && x.targetName === y.targetName && x.property === y.property && x.unknown === y.unknown && identical(x.value, y.value);
    })
  );
}

/** Equal property values, lists in the same order (a finding must equal what a full pass would build). */
function identical(a: PropValue | null, b: PropValue | null): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
}

export function sameMitigated(a: MitigatedByDesign, b: MitigatedByDesign): boolean {
  return a.id === b.id && a.title === b.title && a.controls.length === b.controls.length && a.controls.every((c, i) => c.property === b.controls[i].property && identical(c.value, b.controls[i].value));
}

/**
 * A new sorted array: `list` minus `removed` plus `added`, in one pass (positions by binary search, then a
 * copy of the segments between them), or `list` itself when nothing changed. Never mutates `list`, which
 * the previous Analysis handed out.
 */
export function applyBatch<T extends { id: string }>(list: readonly T[], removed: readonly T[], added: T[]): T[] {
  if (!removed.length && !added.length) return list as T[];
  added.sort(byIdCmp);
  const drop: number[] = [];
  for (const r of removed) {
    const i = lowerBound(list, r.id);
    if (list[i] === r) drop.push(i);
  }
  drop.sort((x, y) => x - y);
  const out: T[] = new Array(list.length - drop.length + added.length);
  let w = 0;
  let d = 0;
  let a = 0;
  let nextAt = added.length ? lowerBound(list, added[0].id) : Infinity;
  for (let i = 0; i <= list.length; i++) {
    while (nextAt <= i) {
      out[w++] = added[a++];
      nextAt = a < added.length ? lowerBound(list, added[a].id) : Infinity;
    }
    if (i === list.length) break;
    if (d < drop.length && drop[d] === i) {
      d++;
      continue;
    }
    out[w++] = list[i];
  }
  out.length = w;
  return out;
}

function byIdCmp(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function lowerBound(list: readonly { id: string }[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
