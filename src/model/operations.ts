/**
 * Every change to a document is one of these operations (DESIGN.md §2). They are plain data, so undo can
 * record them and a shared-document engine can later carry them, and `applyOperation` is pure:
 *
 * - Structural sharing: arrays and items an operation does not touch keep their identity (`diff.changedIds`
 *   and React's memoisation rely on it).
 * - An operation that would change nothing, or would break an invariant (a missing target, a duplicate id, a
 *   parent cycle, a cross-diagram link, removing the last diagram), returns the model itself, unchanged; the
 *   caller can test `next === prev`.
 * - `updatedAt` is left alone: the store stamps it, so operations stay deterministic.
 */
import { assertNever } from '../lib/assertNever';
import {
  filterSame,
  getItemCategory,
  isFinitePoint,
  isIdUsed,
  isPropValue,
  isValidContainer,
  isWithinBoundary,
  mapSame,
  samePoint,
  samePropValue,
} from './collections';
import { pasteIntoModel, type PasteBatch } from './paste';
import { removeIds } from './removal';
import {
  ELEMENT_KINDS,
  type Boundary,
  type Diagram,
  type ElementKind,
  type Flow,
  type Id,
  type ManualThreat,
  type ModelElement,
  type Note,
  type Point,
  type PropValue,
  type RulePackSettings,
  type Size,
  type ThreatModel,
  type TriageEntry,
} from './types';

/** Fields `updateItem` may change; each applies only to the items that have it. */
export interface ItemPatch {
  name?: string;
  description?: string;
  /** Element stencil type or boundary type. */
  type?: string;
  kind?: ElementKind;
  /** Notes only. */
  text?: string;
  /** Flows only: new endpoints (must exist and share a diagram). */
  source?: Id;
  target?: Id;
  /** Line boundaries only. */
  points?: Point[];
  crossedBy?: Id[];
}

export interface ModelPatch {
  name?: string;
  description?: string;
  owner?: string;
}

export type Operation =
  | { type: 'addElement'; element: ModelElement }
  | { type: 'addBoundary'; boundary: Boundary }
  | { type: 'addFlow'; flow: Flow }
  | { type: 'addNote'; note: Note }
  /** Elements take their flows; a boundary's children move to its parent; flows and notes by id. */
  | { type: 'removeItems'; ids: Id[] }
  /** Absolute positions. Moving a zone also moves the descendants that are not listed themselves. */
  | { type: 'moveItems'; moves: { id: Id; position: Point }[] }
  | { type: 'resizeItem'; id: Id; size: Size; position?: Point }
  /** Element → `boundaryId`, boundary → `parentId`; refuses cycles, line boundaries and other diagrams. */
  | { type: 'setParent'; id: Id; parentId: Id | null }
  | { type: 'updateItem'; id: Id; patch: ItemPatch }
  /** `value: undefined` unsets the property: it becomes unknown. Targets elements, flows and boundaries. */
  | { type: 'setProperty'; targetId: Id; name: string; value: PropValue | undefined }
  | { type: 'updateModel'; patch: ModelPatch }
  | { type: 'addDiagram'; diagram: Diagram; index?: number }
  | { type: 'renameDiagram'; id: Id; name: string }
  /** `ids` must be a permutation of the diagram ids. */
  | { type: 'reorderDiagrams'; ids: Id[] }
  /** Removes the diagram with its contents; refuses to remove the last one. */
  | { type: 'removeDiagram'; id: Id }
  | { type: 'setTriage'; findingId: string; entry: TriageEntry | undefined }
  | { type: 'addManualThreat'; threat: ManualThreat }
  | { type: 'updateManualThreat'; id: Id; patch: Partial<Omit<ManualThreat, 'id'>> }
  | { type: 'removeManualThreat'; id: Id }
  | { type: 'setRulePacks'; settings: RulePackSettings }
  /** A batch, normalised item by item (see `paste.ts`). */
  | ({ type: 'pasteItems' } & PasteBatch);

export type OperationType = Operation['type'];

/** Applies one operation; returns `model` itself when the operation changes nothing or is refused. */
export function applyOperation(model: ThreatModel, op: Operation): ThreatModel {
  switch (op.type) {
    case 'addElement': {
      const e = op.element;
      if (isIdUsed(model, e.id) || !hasDiagram(model, e.diagramId) || !ELEMENT_KINDS.includes(e.kind)) return model;
      if (!isValidContainer(model, e.boundaryId, e.diagramId)) return model;
      return { ...model, elements: [...model.elements, e] };
    }
    case 'addBoundary': {
      const b = op.boundary;
      if (isIdUsed(model, b.id) || !hasDiagram(model, b.diagramId)) return model;
      if (!isValidContainer(model, b.parentId, b.diagramId)) return model;
      if (b.crossedBy && !b.crossedBy.every((id) => model.flows.some((f) => f.id === id))) return model;
      return { ...model, boundaries: [...model.boundaries, b] };
    }
    case 'addFlow': {
      const f = op.flow;
      if (isIdUsed(model, f.id) || !endpointsValid(model, f.source, f.target)) return model;
      return { ...model, flows: [...model.flows, f] };
    }
    case 'addNote': {
      const n = op.note;
      if (isIdUsed(model, n.id) || !hasDiagram(model, n.diagramId)) return model;
      return { ...model, notes: [...model.notes, n] };
    }
    case 'removeItems':
      return removeIds(model, op.ids);
    case 'moveItems':
      return moveItems(model, op.moves);
    case 'resizeItem':
      return resizeItem(model, op.id, op.size, op.position);
    case 'setParent':
      return setParent(model, op.id, op.parentId);
    case 'updateItem':
      return updateItem(model, op.id, op.patch);
    case 'setProperty':
      return setProperty(model, op.targetId, op.name, op.value);
    case 'updateModel': {
      const { name, description, owner } = op.patch;
      const next = { ...model };
      if (typeof name === 'string') next.name = name;
      if (typeof description === 'string') next.description = description;
      if (typeof owner === 'string') next.owner = owner;
      return next.name === model.name && next.description === model.description && next.owner === model.owner ? model : next;
    }
    case 'addDiagram': {
      if (isIdUsed(model, op.diagram.id)) return model;
      const diagrams = model.diagrams.slice();
      const at = op.index === undefined ? diagrams.length : Math.max(0, Math.min(diagrams.length, Math.trunc(op.index)));
      diagrams.splice(Number.isFinite(at) ? at : diagrams.length, 0, op.diagram);
      return { ...model, diagrams };
    }
    case 'renameDiagram': {
      const diagrams = mapSame(model.diagrams, (d) => (d.id === op.id && d.name !== op.name ? { ...d, name: op.name } : d));
      return diagrams === model.diagrams ? model : { ...model, diagrams };
    }
    case 'reorderDiagrams': {
      const byId = new Map(model.diagrams.map((d) => [d.id, d]));
      if (op.ids.length !== byId.size || new Set(op.ids).size !== byId.size || !op.ids.every((id) => byId.has(id))) return model;
      if (op.ids.every((id, i) => model.diagrams[i].id === id)) return model;
      return { ...model, diagrams: op.ids.map((id) => byId.get(id)!) };
    }
    case 'removeDiagram': {
      if (model.diagrams.length <= 1 || !hasDiagram(model, op.id)) return model;
      const contents = [...model.elements, ...model.boundaries, ...model.notes].filter((i) => i.diagramId === op.id).map((i) => i.id);
      const emptied = removeIds(model, contents);
      return { ...emptied, diagrams: model.diagrams.filter((d) => d.id !== op.id) };
    }
    case 'setTriage': {
      const current = Object.prototype.hasOwnProperty.call(model.triage, op.findingId) ? model.triage[op.findingId] : undefined;
      if (current === op.entry) return model;
      if (op.entry === undefined) {
        const { [op.findingId]: _removed, ...rest } = model.triage;
        return { ...model, triage: rest };
      }
      if (op.findingId === '__proto__') return model;
      return { ...model, triage: { ...model.triage, [op.findingId]: op.entry } };
    }
    case 'addManualThreat':
      if (isIdUsed(model, op.threat.id)) return model;
      return { ...model, manualThreats: [...model.manualThreats, op.threat] };
    case 'updateManualThreat': {
      const manualThreats = mapSame(model.manualThreats, (t) => {
        if (t.id !== op.id) return t;
        const next = { ...t, ...op.patch, id: t.id };
        return (Object.keys(next) as (keyof ManualThreat)[]).every((k) => next[k] === t[k]) ? t : next;
      });
      return manualThreats === model.manualThreats ? model : { ...model, manualThreats };
    }
    case 'removeManualThreat': {
      const manualThreats = filterSame(model.manualThreats, (t) => t.id !== op.id);
      return manualThreats === model.manualThreats ? model : { ...model, manualThreats };
    }
    case 'setRulePacks':
      return op.settings === model.rulePacks ? model : { ...model, rulePacks: op.settings };
    case 'pasteItems':
      return pasteIntoModel(model, op);
    default:
      return assertNever(op, 'operation');
  }
}

/** Applies operations in order. */
export function applyOperations(model: ThreatModel, ops: readonly Operation[]): ThreatModel {
  return ops.reduce(applyOperation, model);
}

function hasDiagram(model: ThreatModel, id: Id): boolean {
  return model.diagrams.some((d) => d.id === id);
}

function endpointsValid(model: ThreatModel, source: Id, target: Id): boolean {
  const s = model.elements.find((e) => e.id === source);
  const t = model.elements.find((e) => e.id === target);
  return s !== undefined && t !== undefined && s.diagramId === t.diagramId;
}

function translate(p: Point, dx: number, dy: number): Point {
  return { x: p.x + dx, y: p.y + dy };
}

function moveItems(model: ThreatModel, moves: { id: Id; position: Point }[]): ThreatModel {
  const target = new Map<Id, Point>();
  for (const m of moves) if (isFinitePoint(m.position)) target.set(m.id, m.position);
  if (target.size === 0) return model;

  // A zone that moves carries along the descendants not listed themselves, by its own displacement.
  const boundaryById = new Map(model.boundaries.map((b) => [b.id, b]));
  const delta = new Map<Id, Point>();
  for (const b of model.boundaries) {
    const p = target.get(b.id);
    if (p) delta.set(b.id, { x: p.x - b.position.x, y: p.y - b.position.y });
  }
  const inheritedDelta = (parentId: Id | null): Point | undefined => {
    if (delta.size === 0 || parentId === null) return undefined;
    const seen = new Set<Id>();
    let cur: Id | null = parentId;
    while (cur !== null && !seen.has(cur)) {
      const d = delta.get(cur);
      if (d) return d;
      seen.add(cur);
      cur = boundaryById.get(cur)?.parentId ?? null;
    }
    return undefined;
  };
  const newPosition = (id: Id, position: Point, parentId: Id | null): Point => {
    const explicit = target.get(id);
    if (explicit) return samePoint(explicit, position) ? position : { x: explicit.x, y: explicit.y };
    const d = inheritedDelta(parentId);
    return d && (d.x !== 0 || d.y !== 0) ? translate(position, d.x, d.y) : position;
  };

  const elements = mapSame(model.elements, (e) => {
    const position = newPosition(e.id, e.position, e.boundaryId);
    return position === e.position ? e : { ...e, position };
  });
  const boundaries = mapSame(model.boundaries, (b) => {
    const position = newPosition(b.id, b.position, b.parentId);
    if (position === b.position) return b;
    const next = { ...b, position };
    if (b.points) {
      const dx = position.x - b.position.x;
      const dy = position.y - b.position.y;
      next.points = b.points.map((p) => translate(p, dx, dy));
    }
    return next;
  });
  const notes = mapSame(model.notes, (n) => {
    const p = target.get(n.id);
    return p && !samePoint(p, n.position) ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
  if (elements === model.elements && boundaries === model.boundaries && notes === model.notes) return model;
  return { ...model, elements, boundaries, notes };
}

function isValidSize(size: Size): boolean {
  return Number.isFinite(size?.width) && Number.isFinite(size?.height) && size.width >= 0 && size.height >= 0;
}

function resizeItem(model: ThreatModel, id: Id, size: Size, position?: Point): ThreatModel {
  if (!isValidSize(size) || (position !== undefined && !isFinitePoint(position))) return model;
  const resize = <T extends { id: Id; position: Point; size?: Size }>(item: T): T => {
    if (item.id !== id) return item;
    const sameSize = item.size !== undefined && item.size.width === size.width && item.size.height === size.height;
    const samePos = position === undefined || samePoint(position, item.position);
    if (sameSize && samePos) return item;
    return { ...item, size: { width: size.width, height: size.height }, position: samePos ? item.position : { ...position } };
  };
  const elements = mapSame(model.elements, resize);
  const boundaries = mapSame(model.boundaries, resize);
  const notes = mapSame(model.notes, resize);
  if (elements === model.elements && boundaries === model.boundaries && notes === model.notes) return model;
  return { ...model, elements, boundaries, notes };
}

function setParent(model: ThreatModel, id: Id, parentId: Id | null): ThreatModel {
  const element = model.elements.find((e) => e.id === id);
  if (element) {
    if (element.boundaryId === parentId || !isValidContainer(model, parentId, element.diagramId)) return model;
    return { ...model, elements: model.elements.map((e) => (e === element ? { ...e, boundaryId: parentId } : e)) };
  }
  const boundary = model.boundaries.find((b) => b.id === id);
  if (!boundary || boundary.parentId === parentId || !isValidContainer(model, parentId, boundary.diagramId)) return model;
  if (parentId !== null && isWithinBoundary(model.boundaries, parentId, id)) return model;
  return { ...model, boundaries: model.boundaries.map((b) => (b === boundary ? { ...b, parentId } : b)) };
}

/** Copies the patch fields that `keys` names and that differ; returns `item` when none does. */
function patchFields<T extends object>(item: T, patch: ItemPatch, keys: readonly (keyof ItemPatch & keyof T)[]): T {
  let next: T | null = null;
  for (const key of keys) {
    const value = patch[key];
    if (value === undefined || value === (item[key] as unknown)) continue;
    next ??= { ...item };
    (next as Record<string, unknown>)[key] = Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? { ...v } : v)) : value;
  }
  return next ?? item;
}

function updateItem(model: ThreatModel, id: Id, patch: ItemPatch): ThreatModel {
  const category = getItemCategory(model, id);
  if (category === undefined) return model;
  switch (category) {
    case 'element': {
      if (patch.kind !== undefined && !ELEMENT_KINDS.includes(patch.kind)) return model;
      const elements = mapSame(model.elements, (e) => (e.id === id ? patchFields(e, patch, ['name', 'description', 'type', 'kind']) : e));
      return elements === model.elements ? model : { ...model, elements };
    }
    case 'boundary': {
      const boundaries = mapSame(model.boundaries, (b) => {
        if (b.id !== id) return b;
        if (b.shape === 'zone') return patchFields(b, patch, ['name', 'type']);
        return isValidLinePatch(model, patch) ? patchFields(b, patch, ['name', 'type', 'points', 'crossedBy']) : b;
      });
      return boundaries === model.boundaries ? model : { ...model, boundaries };
    }
    case 'flow': {
      const flow = model.flows.find((f) => f.id === id)!;
      if (!endpointsValid(model, patch.source ?? flow.source, patch.target ?? flow.target)) return model;
      const next = patchFields(flow, patch, ['name', 'description', 'source', 'target']);
      return next === flow ? model : { ...model, flows: model.flows.map((f) => (f === flow ? next : f)) };
    }
    case 'note': {
      const notes = mapSame(model.notes, (n) => (n.id === id ? patchFields(n, patch, ['text']) : n));
      return notes === model.notes ? model : { ...model, notes };
    }
    default:
      return assertNever(category, 'item category');
  }
}

/** A line patch must have finite points and name flows that exist. */
function isValidLinePatch(model: ThreatModel, patch: ItemPatch): boolean {
  if (patch.points !== undefined && !patch.points.every(isFinitePoint)) return false;
  return patch.crossedBy === undefined || patch.crossedBy.every((fid) => model.flows.some((f) => f.id === fid));
}

function setProperty(model: ThreatModel, targetId: Id, name: string, value: PropValue | undefined): ThreatModel {
  if (typeof name !== 'string' || name === '' || name === '__proto__') return model;
  if (value !== undefined && !isPropValue(value)) return model;
  const update = <T extends { id: Id; props: Record<string, PropValue> }>(item: T): T => {
    if (item.id !== targetId) return item;
    const has = Object.prototype.hasOwnProperty.call(item.props, name);
    if (value === undefined) {
      if (!has) return item;
      const { [name]: _removed, ...rest } = item.props;
      return { ...item, props: rest };
    }
    if (has && samePropValue(item.props[name], value)) return item;
    return { ...item, props: { ...item.props, [name]: Array.isArray(value) ? [...value] : value } };
  };
  switch (getItemCategory(model, targetId)) {
    case 'element': {
      const elements = mapSame(model.elements, update);
      return elements === model.elements ? model : { ...model, elements };
    }
    case 'flow': {
      const flows = mapSame(model.flows, update);
      return flows === model.flows ? model : { ...model, flows };
    }
    case 'boundary': {
      const boundaries = mapSame(model.boundaries, update);
      return boundaries === model.boundaries ? model : { ...model, boundaries };
    }
    default:
      return model;
  }
}
