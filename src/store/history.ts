/**
 * Undo, redo and gestures. History holds whole documents: operations share structure, so a snapshot costs
 * only the objects that changed. A gesture (a drag, a resize) collects all its changes into one undo step by
 * remembering the document it started from and recording it once at the end, only if something changed.
 */
import { changedIds } from '../model/diff';
import type { Id, ThreatModel } from '../model/types';
import { badgesFor, pushBounded, HISTORY_LIMIT, type StoreKit } from './kit';
import type { EditorActions, EditorData } from './types';

/** Every item of a model by id, with the diagram it is drawn on (a flow: its source's diagram). */
function indexItems(model: ThreatModel): Map<Id, { item: object; diagramId: Id | null }> {
  const index = new Map<Id, { item: object; diagramId: Id | null }>();
  for (const e of model.elements) index.set(e.id, { item: e, diagramId: e.diagramId });
  for (const b of model.boundaries) index.set(b.id, { item: b, diagramId: b.diagramId });
  for (const n of model.notes) index.set(n.id, { item: n, diagramId: n.diagramId });
  for (const f of model.flows) index.set(f.id, { item: f, diagramId: index.get(f.source)?.diagramId ?? null });
  return index;
}

/**
 * After undo or redo, select what the step changed (so the analyst sees what came back) and show its diagram;
 * when it changed nothing that still exists (undoing an add), keep what is still there of the old selection.
 */
export function restoreView(state: EditorData, from: ThreatModel, to: ThreatModel): Pick<EditorData, 'selection' | 'activeDiagramId'> {
  const before = indexItems(from);
  const after = indexItems(to);
  // changedIds also reports the endpoints of changed flows (for the rule engine); select only what itself changed.
  const changed = [...changedIds(from, to)].filter((id) => after.has(id) && before.get(id)?.item !== after.get(id)!.item);
  const diagramIds = new Set(to.diagrams.map((d) => d.id));
  let activeDiagramId = state.activeDiagramId && diagramIds.has(state.activeDiagramId) ? state.activeDiagramId : (to.diagrams[0]?.id ?? null);
  if (changed.length) {
    if (!changed.some((id) => after.get(id)!.diagramId === activeDiagramId)) activeDiagramId = after.get(changed[0])!.diagramId ?? activeDiagramId;
    return { selection: changed.filter((id) => after.get(id)!.diagramId === activeDiagramId), activeDiagramId };
  }
  if (activeDiagramId !== state.activeDiagramId) return { selection: [], activeDiagramId };
  return { selection: state.selection.filter((id) => after.has(id)), activeDiagramId };
}

function closeGesture(kit: StoreKit): void {
  const s = kit.get();
  if (s.gestureDepth === 0) return;
  const base = s.gestureBase;
  const changed = base !== null && s.model !== null && base !== s.model;
  kit.set({ gestureDepth: 0, gestureBase: null, past: changed ? pushBounded(s.past, base) : s.past });
}

export function historyActions(kit: StoreKit): Pick<EditorActions, 'undo' | 'redo' | 'beginGesture' | 'endGesture' | 'replaceModel'> {
  const step = (direction: 'undo' | 'redo'): void => {
    closeGesture(kit);
    const s = kit.get();
    const from = direction === 'undo' ? s.past : s.future;
    if (!s.model || from.length === 0) return;
    const target = from[from.length - 1];
    // Stamp the time: restoring an old document is still a change the library should sort as recent.
    const restored: ThreatModel = { ...target, updatedAt: kit.now() };
    const rest = from.slice(0, -1);
    const other = pushBounded(direction === 'undo' ? s.future : s.past, s.model);
    kit.set({
      model: restored,
      revision: s.revision + 1,
      past: direction === 'undo' ? rest : other,
      future: direction === 'undo' ? other.slice(-HISTORY_LIMIT) : rest,
      badges: badgesFor(s, restored),
      ...restoreView(s, s.model, restored),
    });
  };
  return {
    replaceModel(replacement) {
      const s = kit.get();
      const current = s.model;
      if (!current || s.gestureDepth > 0 || replacement === current) return false;
      const next: ThreatModel = { ...replacement, id: current.id, updatedAt: kit.now() };
      kit.set({
        model: next,
        revision: s.revision + 1,
        past: pushBounded(s.past, current),
        future: [],
        badges: badgesFor(s, next),
        ...restoreView(s, current, next),
      });
      return true;
    },
    undo: () => step('undo'),
    redo: () => step('redo'),
    beginGesture: () => {
      const s = kit.get();
      kit.set(s.gestureDepth === 0 ? { gestureDepth: 1, gestureBase: s.model } : { gestureDepth: s.gestureDepth + 1 });
    },
    endGesture: () => {
      const s = kit.get();
      if (s.gestureDepth > 1) kit.set({ gestureDepth: s.gestureDepth - 1 });
      else closeGesture(kit);
    },
  };
}

