/**
 * Helpers for copy-on-write updates of the model's arrays. They return the input array itself when nothing
 * changed, which is what lets `diff.changedIds` compare by identity and the store skip no-op history steps.
 */
import type { Boundary, Id, Point, PropValue, ThreatModel } from './types';

/** `arr.map(fn)`, but the same array when `fn` returned every item unchanged (by identity). */
export function mapSame<T>(arr: T[], fn: (item: T) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < arr.length; i++) {
    const next = fn(arr[i]);
    if (next !== arr[i]) {
      out ??= arr.slice();
      out[i] = next;
    }
  }
  return out ?? arr;
}

/** `arr.filter(keep)`, but the same array when every item is kept. */
export function filterSame<T>(arr: T[], keep: (item: T) => boolean): T[] {
  const out = arr.filter(keep);
  return out.length === arr.length ? arr : out;
}

/** What collection an item id belongs to. */
export type ItemCategory = 'element' | 'boundary' | 'flow' | 'note';

/** The collection holding `id`, or undefined. Diagrams and manual threats are not items. */
export function getItemCategory(model: ThreatModel, id: Id): ItemCategory | undefined {
  if (model.elements.some((e) => e.id === id)) return 'element';
  if (model.boundaries.some((b) => b.id === id)) return 'boundary';
  if (model.flows.some((f) => f.id === id)) return 'flow';
  if (model.notes.some((n) => n.id === id)) return 'note';
  return undefined;
}

/** Whether an id is taken anywhere in the model (ids are unique across all collections). */
export function isIdUsed(model: ThreatModel, id: Id): boolean {
  return (
    getItemCategory(model, id) !== undefined ||
    model.diagrams.some((d) => d.id === id) ||
    model.manualThreats.some((t) => t.id === id)
  );
}

/** Every id the model uses, in one set. */
export function collectIds(model: ThreatModel): Set<Id> {
  const ids = new Set<Id>();
  for (const list of [model.diagrams, model.elements, model.boundaries, model.flows, model.notes, model.manualThreats]) {
    for (const item of list) ids.add(item.id);
  }
  return ids;
}

/** Whether `id` is `ancestorId` or lies (through parentId links) inside it. Tolerates cyclic input. */
export function isWithinBoundary(boundaries: readonly Boundary[], id: Id | null, ancestorId: Id): boolean {
  const byId = new Map(boundaries.map((b) => [b.id, b]));
  const seen = new Set<Id>();
  let cur = id;
  while (cur !== null && !seen.has(cur)) {
    if (cur === ancestorId) return true;
    seen.add(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return false;
}

/** Whether `parentId` may contain an item on `diagramId`: null, or a zone on the same diagram. */
export function isValidContainer(model: ThreatModel, parentId: Id | null, diagramId: Id): boolean {
  if (parentId === null) return true;
  const parent = model.boundaries.find((b) => b.id === parentId);
  return parent !== undefined && parent.shape === 'zone' && parent.diagramId === diagramId;
}

/** A point with finite coordinates (what positions must be). */
export function isFinitePoint(p: unknown): p is Point {
  return (
    typeof p === 'object' &&
    p !== null &&
    Number.isFinite((p as Point).x) &&
    Number.isFinite((p as Point).y)
  );
}

/** Coordinate equality. */
export function samePoint(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y;
}

/** Whether a value may be stored as a property: string, finite number, boolean or list of strings. */
export function isPropValue(value: unknown): value is PropValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Value equality of property values (lists compared element by element). */
export function samePropValue(a: PropValue | undefined, b: PropValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
