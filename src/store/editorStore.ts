/**
 * The editor store: a zustand vanilla store made by a factory, so every test and every mounted editor gets a
 * fresh one. State shape in types.ts, where each key goes in stateTable.ts, document changes in kit.ts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { documentActions } from './documentActions';
import { historyActions } from './history';
import { createKit } from './kit';
import { modelActions } from './modelActions';
import { sessionActions } from './sessionActions';
import type { EditorData, EditorState, UiState } from './types';

export type EditorStore = StoreApi<EditorState>;

export function initialUi(): UiState {
  return {
    registerOpen: true,
    inspectorOpen: true,
    paletteOpen: true,
    helpOpen: false,
    inspectorTab: 'properties',
    focusRequest: null,
    fitViewRequest: 0,
    registerFilters: { severity: [], status: [], stride: [], pack: [], owasp: [], search: '' },
  };
}

export function initialData(): EditorData {
  return {
    model: null,
    revision: 0,
    activeDiagramId: null,
    selection: [],
    past: [],
    future: [],
    findings: [],
    mitigated: [],
    analysisProblems: [],
    badges: {},
    clipboard: null,
    gestureDepth: 0,
    gestureBase: null,
    ui: initialUi(),
  };
}

export interface EditorStoreOptions {
  /** Clock for `updatedAt` stamps; tests pass a fixed one. */
  now?: () => string;
}

export function createEditorStore(options: EditorStoreOptions = {}): EditorStore {
  const now = options.now ?? (() => new Date().toISOString());
  return createStore<EditorState>()((set, get) => {
    const kit = createKit(get, set, now);
    return {
      ...initialData(),
      loadModel(model) {
        const s = get();
        set({
          model,
          revision: s.revision + 1,
          activeDiagramId: model?.diagrams[0]?.id ?? null,
          selection: [],
          past: [],
          future: [],
          findings: [],
          mitigated: [],
          analysisProblems: [],
          badges: {},
          gestureDepth: 0,
          gestureBase: null,
          ui: { ...s.ui, focusRequest: null },
        });
      },
      ...documentActions(kit),
      ...modelActions(kit),
      ...sessionActions(kit),
      ...historyActions(kit),
    };
  });
}
