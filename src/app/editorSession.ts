/**
 * One opened model: its editor store wired to autosave, multi-tab coordination and analysis.
 *
 * Invariants this file owns:
 * - Only document changes reach autosave and analysis: the store is watched for a new `model` object (operations
 *   share structure, so identity is the change test); selection, ui and findings never trigger a save.
 * - Saves carry the saveCount this tab last loaded or wrote (persistence/session.ts). When another tab wrote the
 *   model first, the session enters `conflict` and stops saving; it never overwrites the other tab's version.
 *   The analyst then reloads it or keeps theirs as a copy.
 * - Analysis replies are applied only when they belong to the store's current revision; the UI never waits.
 * - Disposing flushes what is pending (with a revision snapshot) unless in conflict.
 */
import type { Analysis } from '../model/findings';
import { changedIds } from '../model/diff';
import { newId } from '../model/ids';
import type { ThreatModel } from '../model/types';
import { attachLifecycleFlush, createAutosave, type Autosave, type AutosaveStatus } from '../persistence/autosave';
import type { Repository } from '../persistence/repository';
import { createModelSession } from '../persistence/session';
import type { TabCoordinator } from '../persistence/tabs';
import { createEditorStore, type EditorStore } from '../store/editorStore';
import { createAnalysisClient, type AnalysisClient } from '../worker/client';
import { trackWrite } from './pendingWrites';
import { replaceDocument } from './replaceDocument';

/** `remote`: another tab announced a newer save; `refused`: our save was refused because the stored one changed. */
export type ConflictState = 'remote' | 'refused' | null;

export interface SessionStatus {
  save: AutosaveStatus;
  conflict: ConflictState;
  /** True while the findings shown are older than the document. */
  analysisPending: boolean;
  /** The last analysis failure, one line; null after a success. */
  analysisError: string | null;
  /** Another tab opened this model too (informational: saves stay safe). */
  openElsewhere: boolean;
}

export interface EditorSessionOptions {
  model: ThreatModel;
  /** From `repository.loadModel` (or 1 after `createModel`). */
  saveCount: number;
  repository: Repository;
  coordinator?: TabCoordinator;
  createClient?: () => AnalysisClient;
  /** Where `pagehide`/`visibilitychange` are heard; `window` in the app, null in tests. */
  lifecycleTarget?: EventTarget | null;
  autosaveDelayMs?: number;
  revisionEveryMs?: number;
}

export interface EditorSession {
  readonly modelId: string;
  readonly store: EditorStore;
  getStatus(): SessionStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Resolves once analysis has caught up with the document and autosave has stored it; rejects if saving fails. */
  whenIdle(): Promise<void>;
  /** Saves now (e.g. "Retry" after an error). Rejects with the PersistenceError. */
  saveNow(): Promise<void>;
  /** Saves now and stores a revision of what was saved (the history dialog's "Keep this version"). */
  keepRevision(): Promise<void>;
  /** Replaces the document with another version of this model (a revision) as one undoable step. */
  restoreVersion(model: ThreatModel): boolean;
  /** "Reload": discards local changes and loads the stored model. */
  reloadFromStorage(): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** "Keep mine": stores the local document as a new model; resolves to its id (open it next). */
  keepMineAsCopy(): Promise<string>;
  /** Flushes (unless in conflict) and releases everything. */
  dispose(): Promise<void>;
}

const CONFLICT_MESSAGE = 'This model was changed in another tab; nothing is saved here until you reload it or keep yours as a copy.';

const IDLE_SAVE_STATES: ReadonlySet<AutosaveStatus['state']> = new Set(['idle', 'saved']);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createEditorSession(options: EditorSessionOptions): EditorSession {
  const { repository, coordinator } = options;
  const modelId = options.model.id;
  const store = createEditorStore();
  store.getState().loadModel(options.model);
  const client = (options.createClient ?? createAnalysisClient)();

  let disposed = false;
  let status: SessionStatus = {
    save: { state: 'idle' },
    conflict: null,
    analysisPending: true,
    analysisError: null,
    openElsewhere: false,
  };
  const listeners = new Set<() => void>();
  let analysedRevision = -1;
  let analysisWaiters: (() => void)[] = [];

  function update(patch: Partial<SessionStatus>): void {
    status = { ...status, ...patch };
    for (const listener of [...listeners]) listener();
  }

  const modelSession = createModelSession({
    repository,
    coordinator,
    modelId,
    saveCount: options.saveCount,
    onRemoteChange: () => void onRemoteChange(),
    onRemoteOpen: () => update({ openElsewhere: true }),
  });

  function makeAutosave(): Autosave {
    const created = createAutosave({
      save: (model) => modelSession.save(model),
      addRevision: (model) => repository.addRevision(model),
      delayMs: options.autosaveDelayMs,
      revisionEveryMs: options.revisionEveryMs,
    });
    created.subscribe((save) => {
      if (created !== autosave) return;
      const refused = save.state === 'error' && save.error?.kind === 'conflict';
      update({ save, conflict: refused ? (status.conflict ?? 'refused') : status.conflict });
    });
    return created;
  }
  let autosave = makeAutosave();

  // The proxy keeps the lifecycle hook pointed at the current autosave, and silent while in conflict.
  const detachLifecycle = options.lifecycleTarget
    ? attachLifecycleFlush({ flush: () => (status.conflict ? Promise.resolve() : autosave.flush()) }, options.lifecycleTarget)
    : () => undefined;

  function analyse(prev: ThreatModel | null, next: ThreatModel, revision: number): void {
    const changed = prev ? changedIds(prev, next) : null;
    if (!status.analysisPending) update({ analysisPending: true });
    client.analyze(next, revision, changed).then(
      (analysis: Analysis | null) => {
        if (analysis === null || disposed) return; // superseded by a newer request
        if (store.getState().revision !== revision) return;
        store.getState().setFindings(analysis);
        finishAnalysis(revision, null);
      },
      (error: unknown) => {
        if (disposed || store.getState().revision !== revision) return;
        finishAnalysis(revision, messageOf(error));
      },
    );
  }

  function finishAnalysis(revision: number, error: string | null): void {
    analysedRevision = revision;
    update({ analysisPending: false, analysisError: error });
    const waiters = analysisWaiters;
    analysisWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function analysisCaughtUp(): Promise<void> {
    if (analysedRevision >= store.getState().revision || disposed) return Promise.resolve();
    return new Promise((resolve) => analysisWaiters.push(resolve));
  }

  let lastModel: ThreatModel | null = store.getState().model;
  const unsubscribeStore = store.subscribe((state) => {
    const next = state.model;
    if (next === lastModel || next === null) return;
    const prev = lastModel;
    lastModel = next;
    if (!status.conflict) autosave.schedule(next);
    analyse(prev, next, state.revision);
  });
  if (lastModel) analyse(null, lastModel, store.getState().revision);

  /** Puts a stored version in the store without saving it back (it is what storage already holds). */
  function adoptStored(model: ThreatModel, saveCount: number): void {
    modelSession.adopt(saveCount);
    const activeDiagramId = store.getState().activeDiagramId;
    lastModel = model;
    store.getState().loadModel(model);
    if (activeDiagramId && model.diagrams.some((d) => d.id === activeDiagramId)) store.getState().setActiveDiagram(activeDiagramId);
    analyse(null, model, store.getState().revision);
  }

  async function onRemoteChange(): Promise<void> {
    if (disposed || status.conflict) return;
    const before = store.getState().model;
    if (!IDLE_SAVE_STATES.has(autosave.getStatus().state)) {
      update({ conflict: 'remote' });
      return;
    }
    // No unsaved work here: follow the other tab quietly (tabs.ts policy, rule 3).
    const loaded = await repository.loadModel(modelId);
    if (disposed || status.conflict) return;
    if (!loaded.ok || store.getState().model !== before) {
      update({ conflict: 'remote' });
      return;
    }
    adoptStored(loaded.model, loaded.saveCount);
  }

  return {
    modelId,
    store,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async whenIdle() {
      // Loops because an edit may land while we wait for either half.
      for (;;) {
        await analysisCaughtUp();
        if (disposed) return;
        if (status.conflict) throw new Error(CONFLICT_MESSAGE);
        try {
          await autosave.flush();
        } catch (error) {
          throw status.conflict ? new Error(CONFLICT_MESSAGE) : error;
        }
        if (analysedRevision >= store.getState().revision && IDLE_SAVE_STATES.has(autosave.getStatus().state)) return;
      }
    },

    saveNow: () => (status.conflict ? Promise.resolve() : autosave.flush()),

    async keepRevision() {
      if (status.conflict) throw new Error(CONFLICT_MESSAGE);
      await autosave.flush();
      // Always a snapshot of what is on screen, even when nothing changed since the model was opened.
      const model = store.getState().model;
      if (model) await repository.addRevision(model);
    },

    restoreVersion: (model) => replaceDocument(store, model),

    async reloadFromStorage() {
      const loaded = await repository.loadModel(modelId);
      if (!loaded.ok) return { ok: false, reason: loaded.reason };
      if (disposed) return { ok: true };
      // The old autosave still holds the refused model: drop it with the autosave itself.
      const old = autosave;
      autosave = makeAutosave();
      old.dispose();
      adoptStored(loaded.model, loaded.saveCount);
      update({ conflict: null, save: autosave.getStatus() });
      return { ok: true };
    },

    async keepMineAsCopy() {
      const mine = store.getState().model;
      if (!mine) throw new Error('No model is open.');
      const stamp = new Date().toISOString();
      const copy: ThreatModel = { ...mine, id: newId(), name: `${mine.name} (my copy)`, createdAt: stamp, updatedAt: stamp };
      await repository.createModel(copy);
      return copy.id;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribeStore();
      detachLifecycle();
      for (const resolve of analysisWaiters.splice(0)) resolve();
      client.dispose();
      try {
        if (!status.conflict) await trackWrite(autosave.flush({ revision: true }));
      } catch {
        // The status already showed the failure; the editor is going away either way.
      } finally {
        autosave.dispose();
        modelSession.close();
        listeners.clear();
      }
    },
  };
}
