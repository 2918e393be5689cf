/**
 * Removing items, shared by the `removeItems` and `removeDiagram` operations. An element takes its flows with
 * it; a boundary takes nothing: what it contained moves to its nearest surviving ancestor (positions are
 * absolute, so nothing moves on screen). Removed flows leave the `crossedBy` lists of line boundaries.
 */
import { filterSame, mapSame } from './collections';
import type { Id, ThreatModel } from './types';

/** The model without the items whose ids are given; the same model when none of them exists. */
export function removeIds(model: ThreatModel, ids: Iterable<Id>): ThreatModel {
  const requested = new Set(ids);
  if (requested.size === 0) return model;

  const removedElements = new Set(model.elements.filter((e) => requested.has(e.id)).map((e) => e.id));
  const removedBoundaries = new Map(model.boundaries.filter((b) => requested.has(b.id)).map((b) => [b.id, b]));
  const removedFlows = new Set(
    model.flows
      .filter((f) => requested.has(f.id) || removedElements.has(f.source) || removedElements.has(f.target))
      .map((f) => f.id),
  );
  const removesNote = model.notes.some((n) => requested.has(n.id));
  if (removedElements.size === 0 && removedBoundaries.size === 0 && removedFlows.size === 0 && !removesNote) {
    return model;
  }

  // The first ancestor that survives; guards against cycles a corrupt model might hold.
  const survivor = (id: Id | null): Id | null => {
    const seen = new Set<Id>();
    let cur = id;
    while (cur !== null && removedBoundaries.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      cur = removedBoundaries.get(cur)!.parentId;
    }
    return cur !== null && removedBoundaries.has(cur) ? null : cur;
  };

  const elements = mapSame(
    filterSame(model.elements, (e) => !removedElements.has(e.id)),
    (e) => (e.boundaryId !== null && removedBoundaries.has(e.boundaryId) ? { ...e, boundaryId: survivor(e.boundaryId) } : e),
  );
  const boundaries = mapSame(
    filterSame(model.boundaries, (b) => !removedBoundaries.has(b.id)),
    (b) => {
      let next = b;
      if (b.parentId !== null && removedBoundaries.has(b.parentId)) next = { ...next, parentId: survivor(b.parentId) };
      if (b.crossedBy && b.crossedBy.some((id) => removedFlows.has(id))) {
        next = { ...next, crossedBy: b.crossedBy.filter((id) => !removedFlows.has(id)) };
      }
      return next;
    },
  );
  const flows = filterSame(model.flows, (f) => !removedFlows.has(f.id));
  const notes = filterSame(model.notes, (n) => !requested.has(n.id));
  return { ...model, elements, boundaries, flows, notes };
}
