/**
 * Actions that edit the diagram's contents: add, move, resize, reparent, remove, update, set property.
 * Each builds operations and commits them as one change (kit.ts); a no-op edit records nothing.
 */
import { createBoundary, createElement, createFlow, createNote } from '../model/document';
import { getBoundaryTypeLabel, getStencil } from '../model/stencils';
import type { Id, PropValue, ThreatModel } from '../model/types';
import { centreOf, DEFAULT_SIZES, findItem, findZoneAt, getDescendantIds, getItemSize } from './geometry';
import type { StoreKit } from './kit';
import { nextName } from './naming';
import type { EditorActions, ItemPatch } from './types';

type DocumentActions = Pick<
  EditorActions,
  | 'addElement'
  | 'addBoundary'
  | 'addFlow'
  | 'addNote'
  | 'moveItems'
  | 'resizeItem'
  | 'setParent'
  | 'removeItems'
  | 'removeSelection'
  | 'updateItem'
  | 'setProperty'
>;

function sameValue(a: PropValue | undefined, b: PropValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

function diagramFor(model: ThreatModel, requested: Id | undefined, active: Id | null): Id | null {
  const id = requested ?? active ?? model.diagrams[0]?.id ?? null;
  return id && model.diagrams.some((d) => d.id === id) ? id : null;
}

export function documentActions(kit: StoreKit): DocumentActions {
  const { get, commit } = kit;

  const removeItems = (ids: Id[]): void => {
    const model = get().model;
    if (!model || ids.length === 0) return;
    const before = get().selection;
    if (!commit([{ type: 'removeItems', ids }])) return;
    const after = get().model!;
    kit.set({ selection: before.filter((id) => findItem(after, id)) });
  };

  return {
    addElement(stencilId, position, diagramId) {
      const { model, activeDiagramId } = get();
      if (!model) return null;
      const diagram = diagramFor(model, diagramId, activeDiagramId);
      const stencil = getStencil(stencilId);
      if (!diagram || !stencil) return null;
      const zone = findZoneAt(model, diagram, centreOf(position, DEFAULT_SIZES.element));
      const element = createElement({
        diagramId: diagram,
        type: stencil.id,
        name: nextName(stencil.label, model.elements.map((e) => e.name)),
        boundaryId: zone?.id ?? null,
        position,
      });
      return commit([{ type: 'addElement', element }], { selection: [element.id], activeDiagramId: diagram }) ? element.id : null;
    },

    addBoundary(type, position, size, diagramId) {
      const { model, activeDiagramId } = get();
      if (!model) return null;
      const diagram = diagramFor(model, diagramId, activeDiagramId);
      if (!diagram) return null;
      const boxSize = size ?? { ...DEFAULT_SIZES.boundary };
      const parent = findZoneAt(model, diagram, centreOf(position, boxSize));
      const boundary = createBoundary({
        diagramId: diagram,
        shape: 'zone',
        name: nextName(getBoundaryTypeLabel(type), model.boundaries.map((b) => b.name)),
        type,
        parentId: parent?.id ?? null,
        position,
        size: boxSize,
      });
      return commit([{ type: 'addBoundary', boundary }], { selection: [boundary.id], activeDiagramId: diagram }) ? boundary.id : null;
    },

    addFlow(source, target) {
      const model = get().model;
      if (!model || source === target) return null;
      const from = model.elements.find((e) => e.id === source);
      const to = model.elements.find((e) => e.id === target);
      if (!from || !to || from.diagramId !== to.diagramId) return null;
      const flow = createFlow({ source, target, name: nextName('Data flow', model.flows.map((f) => f.name)) });
      return commit([{ type: 'addFlow', flow }], { selection: [flow.id] }) ? flow.id : null;
    },

    addNote(position, diagramId, text = 'Note') {
      const { model, activeDiagramId } = get();
      if (!model) return null;
      const diagram = diagramFor(model, diagramId, activeDiagramId);
      if (!diagram) return null;
      const note = createNote({ diagramId: diagram, text, position });
      return commit([{ type: 'addNote', note }], { selection: [note.id], activeDiagramId: diagram }) ? note.id : null;
    },

    moveItems(moves) {
      const model = get().model;
      if (!model || moves.length === 0) return;
      // The operation carries a moved zone's descendants along (positions are absolute).
      commit([{ type: 'moveItems', moves }]);
    },

    resizeItem(id, size, position) {
      const model = get().model;
      const found = model && findItem(model, id);
      if (!found || found.kind === 'flow') return;
      const current = getItemSize(found);
      const samePos = !position || (position.x === found.item.position.x && position.y === found.item.position.y);
      if (samePos && current.width === size.width && current.height === size.height) return;
      commit([{ type: 'resizeItem', id, size, ...(position ? { position } : {}) }]);
    },

    setParent(id, parentId) {
      const model = get().model;
      const found = model && findItem(model, id);
      if (!model || !found || (found.kind !== 'element' && found.kind !== 'boundary')) return false;
      const current = found.kind === 'element' ? found.item.boundaryId : found.item.parentId;
      if (current === parentId) return false;
      if (parentId !== null) {
        const parent = model.boundaries.find((b) => b.id === parentId);
        if (!parent || parent.shape !== 'zone' || parent.diagramId !== found.item.diagramId || parentId === id) return false;
        if (found.kind === 'boundary' && getDescendantIds(model, id).has(parentId)) return false;
      }
      return commit([{ type: 'setParent', id, parentId }]);
    },

    removeItems,
    removeSelection: () => removeItems(get().selection),

    updateItem(id, patch: ItemPatch) {
      const model = get().model;
      const found = model && findItem(model, id);
      if (!found) return;
      const item = found.item as unknown as Record<string, unknown>;
      const changes = Object.entries(patch).filter(([key, value]) => value !== undefined && item[key] !== value);
      if (changes.length === 0) return;
      commit([{ type: 'updateItem', id, patch: Object.fromEntries(changes) as ItemPatch }]);
    },

    setProperty(targetId, name, value) {
      const model = get().model;
      const found = model && findItem(model, targetId);
      if (!found || found.kind === 'note') return;
      if (sameValue(found.item.props[name], value)) return;
      commit([{ type: 'setProperty', targetId, name, value }]);
    },
  };
}
