/**
 * Replaces the open document with another version of the same model (a stored revision) as ONE undoable step.
 * Kept as the app's entry point so callers need not know the store action's name; the store's `replaceModel`
 * keeps the model's id, stamps `updatedAt`, records the step and refuses while a gesture runs.
 */
import type { ThreatModel } from '../model/types';
import type { EditorStore } from '../store/editorStore';

export function replaceDocument(store: EditorStore, replacement: ThreatModel): boolean {
  return store.getState().replaceModel(replacement);
}
