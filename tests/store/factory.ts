/** Test factories for the store: a small empty model and a fresh store with it loaded. */
import type { ThreatModel } from '../../src/model/types';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';

export const ids = {
  model: 'model-1',
  main: 'diagram-main',
  detail: 'diagram-detail',
} as const;

export const FIXED_TIME = '2025-01-02T03:04:05.000Z';
export const CREATED = '2024-12-31T00:00:00.000Z';

export function emptyModel(): ThreatModel {
  return {
    id: ids.model,
    name: 'Exchange integration',
    description: '',
    owner: '',
    createdAt: CREATED,
    updatedAt: CREATED,
    diagrams: [
      { id: ids.main, name: 'Main' },
      { id: ids.detail, name: 'Detail' },
    ],
    elements: [],
    boundaries: [],
    flows: [],
    notes: [],
    triage: {},
    manualThreats: [],
    rulePacks: { enabled: ['stride'], disabledRules: [], custom: [] },
  };
}

export function loadedStore(model: ThreatModel = emptyModel()): EditorStore {
  const store = createEditorStore({ now: () => FIXED_TIME });
  store.getState().loadModel(model);
  return store;
}

/** The model of a store, asserting one is loaded. */
export function doc(store: EditorStore): ThreatModel {
  const model = store.getState().model;
  if (!model) throw new Error('no model loaded');
  return model;
}
