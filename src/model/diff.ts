/**
 * What changed between two versions of a document, by object identity. Cheap because operations share
 * structure: an untouched array is skipped outright, an untouched item is compared by reference.
 *
 * The incremental rule engine re-evaluates what depends on the returned ids, so the set is deliberately wider
 * than "objects that changed": a flow added, removed or re-pointed also reports both its old and new endpoints
 * (their inbound/outbound flows changed).
 */
import type { Flow, Id, ThreatModel } from './types';

/** The id used for model-level changes: name, description, owner, diagrams, triage, manual threats, rule packs. */
export const MODEL_CHANGE_ID = '$model';

function diffById<T extends { id: Id }>(prev: readonly T[], next: readonly T[], out: Set<Id>, onChange?: (a: T | undefined, b: T | undefined) => void): void {
  if (prev === next) return;
  // Fast path: operations keep positions, so compare index by index while the ids line up.
  if (prev.length === next.length) {
    let aligned = true;
    for (let i = 0; i < prev.length && aligned; i++) aligned = prev[i].id === next[i].id;
    if (aligned) {
      for (let i = 0; i < prev.length; i++) {
        if (prev[i] !== next[i]) {
          out.add(next[i].id);
          onChange?.(prev[i], next[i]);
        }
      }
      return;
    }
  }
  const before = new Map(prev.map((item) => [item.id, item]));
  const seen = new Set<Id>();
  for (const item of next) {
    seen.add(item.id);
    const old = before.get(item.id);
    if (old !== item) {
      out.add(item.id);
      onChange?.(old, item);
    }
  }
  for (const [id, old] of before) {
    if (!seen.has(id)) {
      out.add(id);
      onChange?.(old, undefined);
    }
  }
}

/**
 * Ids of elements, flows, boundaries and notes that were added, removed or replaced between `prev` and `next`,
 * plus both endpoints of every flow added, removed or re-pointed, plus {@link MODEL_CHANGE_ID} when a
 * model-level field changed. `updatedAt` alone is not a change (the store stamps it on every edit).
 */
export function changedIds(prev: ThreatModel, next: ThreatModel): Set<Id> {
  const out = new Set<Id>();
  if (prev === next) return out;
  diffById(prev.elements, next.elements, out);
  diffById(prev.boundaries, next.boundaries, out);
  diffById(prev.notes, next.notes, out);
  diffById<Flow>(prev.flows, next.flows, out, (a, b) => {
    if (a && b && a.source === b.source && a.target === b.target) return;
    for (const f of [a, b]) {
      if (f) {
        out.add(f.source);
        out.add(f.target);
      }
    }
  });
  if (
    prev.id !== next.id ||
    prev.name !== next.name ||
    prev.description !== next.description ||
    prev.owner !== next.owner ||
    prev.createdAt !== next.createdAt ||
    prev.diagrams !== next.diagrams ||
    prev.triage !== next.triage ||
    prev.manualThreats !== next.manualThreats ||
    prev.rulePacks !== next.rulePacks ||
    prev.extra !== next.extra
  ) {
    out.add(MODEL_CHANGE_ID);
  }
  return out;
}
