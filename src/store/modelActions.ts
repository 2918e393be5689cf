/**
 * Actions on the model as a whole: its fields, triage, manual threats, rule pack settings and diagrams.
 */
import { createDiagram, createManualThreat } from '../model/document';
import type { ManualThreat, TriageEntry } from '../model/types';
import { getDiagramItemIds } from './geometry';
import type { StoreKit } from './kit';
import { nextName } from './naming';
import type { EditorActions } from './types';

type ModelActions = Pick<
  EditorActions,
  | 'updateModel'
  | 'setTriage'
  | 'addManualThreat'
  | 'updateManualThreat'
  | 'removeManualThreat'
  | 'setRulePacks'
  | 'addDiagram'
  | 'renameDiagram'
  | 'reorderDiagrams'
  | 'moveDiagram'
  | 'removeDiagram'
  | 'setActiveDiagram'
>;

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Whether a triage patch would change nothing (its `updatedAt` aside). */
function isSubsetOf(patch: Partial<TriageEntry>, entry: TriageEntry): boolean {
  return Object.entries(patch).every(([key, value]) => {
    if (key === 'updatedAt') return true;
    if (key === 'mitigations') return sameRecord(value as Record<string, unknown>, entry.mitigations);
    return entry[key as keyof TriageEntry] === value;
  });
}

export function modelActions(kit: StoreKit): ModelActions {
  const { get, set, commit } = kit;

  const reorderDiagrams = (ids: string[]): void => {
    const model = get().model;
    if (!model) return;
    const current = model.diagrams.map((d) => d.id);
    const isPermutation = ids.length === current.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
    if (!isPermutation || ids.every((id, i) => id === current[i])) return;
    commit([{ type: 'reorderDiagrams', ids }]);
  };

  return {
    updateModel(patch) {
      const model = get().model;
      if (!model) return;
      const changes = Object.entries(patch).filter(([key, value]) => value !== undefined && model[key as keyof typeof patch] !== value);
      if (changes.length) commit([{ type: 'updateModel', patch: Object.fromEntries(changes) }]);
    },

    setTriage(findingId, entry) {
      const model = get().model;
      if (!model) return;
      const existing: TriageEntry | undefined = Object.prototype.hasOwnProperty.call(model.triage, findingId) ? model.triage[findingId] : undefined;
      if (entry === undefined) {
        if (existing) commit([{ type: 'setTriage', findingId, entry: undefined }]);
        return;
      }
      if (existing && isSubsetOf(entry, existing)) return;
      const base: TriageEntry = existing ?? { status: 'open', justification: '', mitigations: {}, updatedAt: '' };
      const merged: TriageEntry = { ...base, ...entry, updatedAt: kit.now() };
      commit([{ type: 'setTriage', findingId, entry: merged }]);
    },

    addManualThreat(init) {
      if (!get().model) return null;
      const threat = createManualThreat({ ...init, id: undefined });
      return commit([{ type: 'addManualThreat', threat }]) ? threat.id : null;
    },

    updateManualThreat(id, patch) {
      const threat = get().model?.manualThreats.find((t) => t.id === id);
      if (!threat) return;
      const changes = Object.entries(patch).filter(([key, value]) => value !== undefined && threat[key as keyof ManualThreat] !== value);
      if (changes.length) commit([{ type: 'updateManualThreat', id, patch: Object.fromEntries(changes) }]);
    },

    removeManualThreat(id) {
      if (get().model?.manualThreats.some((t) => t.id === id)) commit([{ type: 'removeManualThreat', id }]);
    },

    setRulePacks(settings) {
      if (get().model) commit([{ type: 'setRulePacks', settings }]);
    },

    addDiagram(name) {
      const model = get().model;
      if (!model) return null;
      const diagram = createDiagram({ name: name?.trim() || nextName('Diagram', model.diagrams.map((d) => d.name)) });
      return commit([{ type: 'addDiagram', diagram }], { selection: [], activeDiagramId: diagram.id }) ? diagram.id : null;
    },

    renameDiagram(id, name) {
      const diagram = get().model?.diagrams.find((d) => d.id === id);
      const trimmed = name.trim();
      if (diagram && trimmed && diagram.name !== trimmed) commit([{ type: 'renameDiagram', id, name: trimmed }]);
    },

    reorderDiagrams,

    moveDiagram(id, delta) {
      const model = get().model;
      if (!model) return;
      const ids = model.diagrams.map((d) => d.id);
      const from = ids.indexOf(id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= ids.length) return;
      [ids[from], ids[to]] = [ids[to], ids[from]];
      reorderDiagrams(ids);
    },

    removeDiagram(id) {
      const { model, activeDiagramId, selection } = get();
      if (!model || model.diagrams.length <= 1) return false;
      const index = model.diagrams.findIndex((d) => d.id === id);
      if (index < 0) return false;
      const neighbour = model.diagrams[index + 1] ?? model.diagrams[index - 1];
      const gone = new Set(getDiagramItemIds(model, id));
      const active = activeDiagramId === id ? neighbour.id : activeDiagramId;
      return commit([{ type: 'removeDiagram', id }], { selection: selection.filter((s) => !gone.has(s)), activeDiagramId: active });
    },

    setActiveDiagram(id) {
      const { model, activeDiagramId } = get();
      if (!model || id === activeDiagramId || !model.diagrams.some((d) => d.id === id)) return;
      set({ activeDiagramId: id, selection: [] });
    },
  };
}
