/**
 * Keeps children drawn inside their trust boundary. Whatever lands in a zone (a palette drop, a drag, a paste, a
 * resize) may stick out of it, since membership is decided by the item's centre; the zone and its ancestors
 * then grow so the child's box lies inside with a margin. Zones only grow here, never shrink or move their
 * contents, and growing a zone captures nothing: only what the analyst dropped changes parent.
 *
 * `planZoneGrowth` is pure (a plan of resizes); `fitParentsOf` applies it through the store's resizeItem, and
 * the edits below (drop, resize, paste) and the palette run the edit and the growth inside one gesture, so
 * each is ONE undo step.
 */
import type { Boundary, Id, Point, Size, ThreatModel } from '../model/types';
import type { EditorStore } from '../store/editorStore';
import { centreOf, DEFAULT_SIZES, findItem, findZoneAt, getDescendantIds, getItemSize } from '../store/geometry';

/** Space kept between a child and the sides and bottom of its zone. */
export const ZONE_MARGIN = 20;
/** Space kept above a child: the zone's label (up to two lines) sits there. */
export const ZONE_LABEL_ROOM = 36;

export interface ZoneResize {
  id: Id;
  size: Size;
  position: Point;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const boxOf = (position: Point, size: Size): Box => ({
  left: position.x,
  top: position.y,
  right: position.x + size.width,
  bottom: position.y + size.height,
});

const sameBox = (a: Box, b: Box): boolean => a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;

/**
 * The resizes that make every zone containing one of `childIds` (directly or further up its chain) enclose
 * it with a margin. Elements and zones are considered; other ids are ignored. Each zone appears once, with its
 * final box.
 */
export function planZoneGrowth(model: ThreatModel, childIds: Iterable<Id>): ZoneResize[] {
  const zones = new Map<Id, Boundary>();
  for (const b of model.boundaries) if (b.shape === 'zone') zones.set(b.id, b);
  const grown = new Map<Id, Box>();
  const zoneBox = (z: Boundary): Box => grown.get(z.id) ?? boxOf(z.position, z.size);

  const enclose = (parentId: Id | null, diagramId: Id, child: Box): void => {
    // A damaged import may hold a parent cycle: visit each zone of a chain once.
    const seen = new Set<Id>();
    let zone = parentId ? zones.get(parentId) : undefined;
    let inner = child;
    while (zone && zone.diagramId === diagramId && !seen.has(zone.id)) {
      seen.add(zone.id);
      const current = zoneBox(zone);
      const next: Box = {
        left: Math.min(current.left, Math.floor(inner.left - ZONE_MARGIN)),
        top: Math.min(current.top, Math.floor(inner.top - ZONE_LABEL_ROOM)),
        right: Math.max(current.right, Math.ceil(inner.right + ZONE_MARGIN)),
        bottom: Math.max(current.bottom, Math.ceil(inner.bottom + ZONE_MARGIN)),
      };
      if (sameBox(next, current)) return;
      grown.set(zone.id, next);
      inner = next;
      zone = zone.parentId ? zones.get(zone.parentId) : undefined;
    }
  };

  const wanted = new Set(childIds);
  for (const element of model.elements) {
    if (wanted.has(element.id)) enclose(element.boundaryId, element.diagramId, boxOf(element.position, element.size ?? DEFAULT_SIZES.element));
  }
  for (const id of wanted) {
    const zone = zones.get(id);
    if (zone) enclose(zone.parentId, zone.diagramId, zoneBox(zone));
  }

  return [...grown].map(([id, box]) => ({
    id,
    position: { x: box.left, y: box.top },
    size: { width: box.right - box.left, height: box.bottom - box.top },
  }));
}

/** Grows the zones around `childIds` (see planZoneGrowth). Call it inside the gesture of the edit it follows. */
export function fitParentsOf(store: EditorStore, childIds: Iterable<Id>): void {
  const model = store.getState().model;
  if (!model) return;
  for (const r of planZoneGrowth(model, childIds)) store.getState().resizeItem(r.id, r.size, r.position);
}

/** Runs `edit` and everything it commits as one undo step. */
export function inGesture<T>(store: EditorStore, edit: () => T): T {
  store.getState().beginGesture();
  try {
    return edit();
  } finally {
    store.getState().endGesture();
  }
}

/** Paste (or duplicate) the clipboard and grow the zones the pasted items land in, as one undo step. */
export function pasteInsideZones(store: EditorStore, how: 'paste' | 'duplicate'): string[] {
  return inGesture(store, () => {
    const ids = how === 'paste' ? store.getState().paste() : store.getState().duplicate();
    fitParentsOf(store, ids);
    return ids;
  });
}

/**
 * Commits the end of a drag: the moves (absolute positions), each moved element or zone re-parented to the
 * innermost zone under its centre, and the zones they end up in grown to enclose them. One undo step.
 */
export function commitDrop(store: EditorStore, moves: readonly { id: Id; position: Point }[]): void {
  if (!store.getState().model || moves.length === 0) return;
  inGesture(store, () => {
    store.getState().moveItems([...moves]);
    const model = store.getState().model!;
    for (const { id } of moves) {
      const found = findItem(model, id);
      if (!found || (found.kind !== 'element' && !(found.kind === 'boundary' && found.item.shape === 'zone'))) continue;
      // A zone cannot land in itself or in what it contains.
      const exclude = found.kind === 'boundary' ? new Set([id, ...getDescendantIds(model, id)]) : undefined;
      const zone = findZoneAt(model, found.item.diagramId, centreOf(found.item.position, getItemSize(found)), exclude);
      const current = found.kind === 'element' ? found.item.boundaryId : found.item.parentId;
      if ((zone?.id ?? null) !== current) store.getState().setParent(id, zone?.id ?? null);
    }
    fitParentsOf(store, moves.map((m) => m.id));
  });
}

/** Commits the end of a resize (absolute position) and grows the zones around the item. One undo step. */
export function commitResize(store: EditorStore, id: Id, size: Size, position: Point): void {
  inGesture(store, () => {
    store.getState().resizeItem(id, size, position);
    fitParentsOf(store, [id]);
  });
}
