/**
 * Lookups and geometry over the document that the store's actions need (where an item lives, which zone
 * contains a point, what a boundary contains). Positions in the document are absolute (docs/ARCHITECTURE.md).
 */
import { DEFAULT_BOUNDARY_SIZE, DEFAULT_ELEMENT_SIZE, DEFAULT_NOTE_SIZE } from '../model/document';
import type { Boundary, Flow, Id, ModelElement, Note, Point, Size, ThreatModel } from '../model/types';

/** Sizes used when an item has none stored; the canvas draws items at these sizes too. */
export const DEFAULT_SIZES: Readonly<Record<'element' | 'note' | 'boundary', Readonly<Size>>> = {
  element: DEFAULT_ELEMENT_SIZE,
  note: DEFAULT_NOTE_SIZE,
  boundary: DEFAULT_BOUNDARY_SIZE,
};

export type FoundItem =
  | { kind: 'element'; item: ModelElement }
  | { kind: 'boundary'; item: Boundary }
  | { kind: 'flow'; item: Flow }
  | { kind: 'note'; item: Note };

export function findItem(model: ThreatModel, id: Id): FoundItem | null {
  const element = model.elements.find((e) => e.id === id);
  if (element) return { kind: 'element', item: element };
  const boundary = model.boundaries.find((b) => b.id === id);
  if (boundary) return { kind: 'boundary', item: boundary };
  const flow = model.flows.find((f) => f.id === id);
  if (flow) return { kind: 'flow', item: flow };
  const note = model.notes.find((n) => n.id === id);
  if (note) return { kind: 'note', item: note };
  return null;
}

/** The diagram an item is drawn on; a flow lives on the diagram of its source element. */
export function getItemDiagramId(model: ThreatModel, id: Id): Id | null {
  const found = findItem(model, id);
  if (!found) return null;
  if (found.kind === 'flow') return model.elements.find((e) => e.id === found.item.source)?.diagramId ?? null;
  return found.item.diagramId;
}

export function getItemSize(found: FoundItem): Size {
  switch (found.kind) {
    case 'element':
      return found.item.size ?? DEFAULT_SIZES.element;
    case 'note':
      return found.item.size ?? DEFAULT_SIZES.note;
    case 'boundary':
      return found.item.size;
    case 'flow':
      return { width: 0, height: 0 };
  }
}

export function centreOf(position: Point, size: Size): Point {
  return { x: position.x + size.width / 2, y: position.y + size.height / 2 };
}

function contains(b: Boundary, p: Point): boolean {
  return p.x >= b.position.x && p.y >= b.position.y && p.x <= b.position.x + b.size.width && p.y <= b.position.y + b.size.height;
}

/** Nesting depth of a boundary (0 at the top); a broken parent chain or a cycle stops the count. */
function depthOf(byId: Map<Id, Boundary>, b: Boundary): number {
  let depth = 0;
  let parent = b.parentId ? byId.get(b.parentId) : undefined;
  const seen = new Set<Id>([b.id]);
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id);
    depth++;
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return depth;
}

/**
 * The innermost zone boundary of a diagram containing a point: the deepest nested one, and among equals the
 * smallest. `exclude` removes candidates (an item and its descendants cannot contain themselves).
 */
export function findZoneAt(model: ThreatModel, diagramId: Id, point: Point, exclude?: ReadonlySet<Id>): Boundary | null {
  const zones = model.boundaries.filter((b) => b.diagramId === diagramId && b.shape === 'zone');
  const byId = new Map(zones.map((b) => [b.id, b]));
  let best: Boundary | null = null;
  let bestDepth = -1;
  for (const b of zones) {
    if (exclude?.has(b.id) || !contains(b, point)) continue;
    const depth = depthOf(byId, b);
    const area = b.size.width * b.size.height;
    if (depth > bestDepth || (depth === bestDepth && best && area < best.size.width * best.size.height)) {
      best = b;
      bestDepth = depth;
    }
  }
  return best;
}

/** Ids of every boundary and element nested (at any depth) inside a boundary, not including itself. */
export function getDescendantIds(model: ThreatModel, boundaryId: Id): Set<Id> {
  const out = new Set<Id>();
  const childBoundaries = new Map<Id, Id[]>();
  for (const b of model.boundaries) {
    if (!b.parentId) continue;
    const list = childBoundaries.get(b.parentId) ?? [];
    list.push(b.id);
    childBoundaries.set(b.parentId, list);
  }
  const zoneIds = new Set<Id>();
  const stack = [boundaryId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const child of childBoundaries.get(id) ?? []) {
      if (out.has(child) || child === boundaryId) continue;
      out.add(child);
      zoneIds.add(child);
      stack.push(child);
    }
  }
  zoneIds.add(boundaryId);
  for (const e of model.elements) if (e.boundaryId && zoneIds.has(e.boundaryId)) out.add(e.id);
  return out;
}

/** Ids of everything on a diagram: elements, boundaries, notes and the flows between its elements. */
export function getDiagramItemIds(model: ThreatModel, diagramId: Id): Id[] {
  const elementIds = new Set(model.elements.filter((e) => e.diagramId === diagramId).map((e) => e.id));
  return [
    ...model.boundaries.filter((b) => b.diagramId === diagramId).map((b) => b.id),
    ...elementIds,
    ...model.notes.filter((n) => n.diagramId === diagramId).map((n) => n.id),
    ...model.flows.filter((f) => elementIds.has(f.source)).map((f) => f.id),
  ];
}

/** How many items go with a diagram when it is deleted (for the confirmation dialog). */
export function countDiagramItems(model: ThreatModel, diagramId: Id): { elements: number; boundaries: number; flows: number; notes: number; total: number } {
  const elementIds = new Set(model.elements.filter((e) => e.diagramId === diagramId).map((e) => e.id));
  const boundaries = model.boundaries.filter((b) => b.diagramId === diagramId).length;
  const notes = model.notes.filter((n) => n.diagramId === diagramId).length;
  const flows = model.flows.filter((f) => elementIds.has(f.source) || elementIds.has(f.target)).length;
  const elements = elementIds.size;
  return { elements, boundaries, flows, notes, total: elements + boundaries + flows + notes };
}
