/**
 * Copy and paste as pure functions: `buildClipboard` snapshots what is selected (a boundary with everything
 * nested in it, flows whose both ends are copied) and `instantiateClipboard` makes fresh copies with new ids,
 * ready for the `pasteItems` operation.
 */
import type { Boundary, Flow, Id, ModelElement, Note, Point, ThreatModel } from '../model/types';
import { getDescendantIds } from './geometry';
import type { ClipboardContent } from './types';

export function buildClipboard(model: ThreatModel, ids: readonly Id[]): ClipboardContent | null {
  const wanted = new Set<Id>();
  const boundaryIds = new Set(model.boundaries.map((b) => b.id));
  for (const id of ids) {
    wanted.add(id);
    if (boundaryIds.has(id)) for (const d of getDescendantIds(model, id)) wanted.add(d);
  }
  const elements = model.elements.filter((e) => wanted.has(e.id));
  const elementIds = new Set(elements.map((e) => e.id));
  const content: ClipboardContent = {
    elements,
    boundaries: model.boundaries.filter((b) => wanted.has(b.id)),
    flows: model.flows.filter((f) => elementIds.has(f.source) && elementIds.has(f.target)),
    notes: model.notes.filter((n) => wanted.has(n.id)),
    pasteCount: 0,
  };
  const empty = !content.elements.length && !content.boundaries.length && !content.notes.length;
  return empty ? null : content;
}

export interface Instantiated {
  elements: ModelElement[];
  boundaries: Boundary[];
  flows: Flow[];
  notes: Note[];
  /** New ids of the top-level pasted items: what is selected afterwards (nested items move with their boundary). */
  ids: Id[];
}

const shift = (p: Point, d: Point): Point => ({ x: p.x + d.x, y: p.y + d.y });

/**
 * Fresh copies on `diagramId`, moved by `offset`. A parent boundary that was copied too is replaced by its
 * copy; one that was not is kept when it exists on the target diagram, otherwise the copy goes to the top level.
 */
export function instantiateClipboard(
  clip: ClipboardContent,
  model: ThreatModel,
  diagramId: Id,
  offset: Point,
  makeId: () => Id,
): Instantiated {
  const idMap = new Map<Id, Id>();
  for (const item of [...clip.boundaries, ...clip.elements, ...clip.notes, ...clip.flows]) idMap.set(item.id, makeId());
  const existingZones = new Set(model.boundaries.filter((b) => b.diagramId === diagramId).map((b) => b.id));
  const parentOf = (id: Id | null): Id | null => {
    if (!id) return null;
    return idMap.get(id) ?? (existingZones.has(id) ? id : null);
  };
  const boundaries = clip.boundaries.map((b): Boundary => {
    const copy: Boundary = { ...b, id: idMap.get(b.id)!, diagramId, parentId: parentOf(b.parentId), position: shift(b.position, offset) };
    if (b.points) copy.points = b.points.map((p) => shift(p, offset));
    if (b.crossedBy) copy.crossedBy = b.crossedBy.filter((f) => idMap.has(f)).map((f) => idMap.get(f)!);
    return copy;
  });
  const elements = clip.elements.map(
    (e): ModelElement => ({ ...e, id: idMap.get(e.id)!, diagramId, boundaryId: parentOf(e.boundaryId), position: shift(e.position, offset) }),
  );
  const notes = clip.notes.map((n): Note => ({ ...n, id: idMap.get(n.id)!, diagramId, position: shift(n.position, offset) }));
  const flows = clip.flows.map((f): Flow => ({ ...f, id: idMap.get(f.id)!, source: idMap.get(f.source)!, target: idMap.get(f.target)! }));
  const copiedBoundaries = new Set(clip.boundaries.map((b) => b.id));
  const topLevel = [
    ...clip.boundaries.filter((b) => !b.parentId || !copiedBoundaries.has(b.parentId)).map((b) => b.id),
    ...clip.elements.filter((e) => !e.boundaryId || !copiedBoundaries.has(e.boundaryId)).map((e) => e.id),
    ...clip.notes.map((n) => n.id),
  ];
  return { elements, boundaries, flows, notes, ids: topLevel.map((id) => idMap.get(id)!) };
}
