/**
 * Adding a batch of items at once (paste, duplicate, template insertion). Unlike the single `add*` operations,
 * which refuse anything invalid, a batch is normalised item by item: items whose id is taken or whose diagram
 * does not exist are skipped, containers that do not resolve become null, flows whose endpoints are missing or
 * on different diagrams are skipped. The caller is expected to have issued fresh ids.
 */
import { collectIds } from './collections';
import { ELEMENT_KINDS, type Boundary, type Flow, type Id, type ModelElement, type Note, type ThreatModel } from './types';

/** Items to add at once; the `pasteItems` operation carries one. */
export interface PasteBatch {
  elements: ModelElement[];
  boundaries: Boundary[];
  flows: Flow[];
  notes: Note[];
}

/** The model with the batch's acceptable items appended (normalised as described above); `model` when none is. */
export function pasteIntoModel(model: ThreatModel, batch: PasteBatch): ThreatModel {
  const taken = collectIds(model);
  const diagrams = new Set(model.diagrams.map((d) => d.id));
  const claim = (id: Id, diagramId: Id | null): boolean => {
    if (typeof id !== 'string' || taken.has(id) || (diagramId !== null && !diagrams.has(diagramId))) return false;
    taken.add(id);
    return true;
  };

  const newBoundaries = batch.boundaries.filter((b) => claim(b.id, b.diagramId));
  const zones = new Map<Id, Boundary>();
  for (const b of [...model.boundaries, ...newBoundaries]) if (b.shape === 'zone') zones.set(b.id, b);
  const container = (id: Id | null, diagramId: Id): Id | null =>
    id !== null && zones.get(id)?.diagramId === diagramId ? id : null;

  const parentOf = new Map<Id, Id | null>();
  for (const b of newBoundaries) parentOf.set(b.id, b.id === b.parentId ? null : container(b.parentId, b.diagramId));
  // Break cycles among the pasted boundaries (existing ones are acyclic, so a cycle runs through the batch).
  for (const b of newBoundaries) {
    const seen = new Set<Id>([b.id]);
    let cur = parentOf.get(b.id) ?? null;
    while (cur !== null && parentOf.has(cur)) {
      if (seen.has(cur)) {
        parentOf.set(b.id, null);
        break;
      }
      seen.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
  }

  const newElements = batch.elements
    .filter((e) => ELEMENT_KINDS.includes(e.kind) && claim(e.id, e.diagramId))
    .map((e) => {
      const boundaryId = container(e.boundaryId, e.diagramId);
      return boundaryId === e.boundaryId ? e : { ...e, boundaryId };
    });
  const elementDiagram = new Map<Id, Id>();
  for (const e of [...model.elements, ...newElements]) elementDiagram.set(e.id, e.diagramId);
  const newFlows = batch.flows.filter((f) => {
    const s = elementDiagram.get(f.source);
    return s !== undefined && s === elementDiagram.get(f.target) && claim(f.id, null);
  });
  const flowIds = new Set([...model.flows, ...newFlows].map((f) => f.id));
  const newNotes = batch.notes.filter((n) => claim(n.id, n.diagramId));

  if (newBoundaries.length + newElements.length + newFlows.length + newNotes.length === 0) return model;

  const fixedBoundaries = newBoundaries.map((b) => {
    let next = b;
    const parentId = parentOf.get(b.id) ?? null;
    if (parentId !== b.parentId) next = { ...next, parentId };
    if (b.crossedBy && b.crossedBy.some((id) => !flowIds.has(id))) next = { ...next, crossedBy: b.crossedBy.filter((id) => flowIds.has(id)) };
    return next;
  });
  return {
    ...model,
    boundaries: fixedBoundaries.length ? [...model.boundaries, ...fixedBoundaries] : model.boundaries,
    elements: newElements.length ? [...model.elements, ...newElements] : model.elements,
    flows: newFlows.length ? [...model.flows, ...newFlows] : model.flows,
    notes: newNotes.length ? [...model.notes, ...newNotes] : model.notes,
  };
}
