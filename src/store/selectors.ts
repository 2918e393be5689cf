/**
 * Selectors for components. Each returns a value from the state itself (never a fresh object or array), so it
 * is safe to pass straight to `useEditor` without a re-render loop; build derived lists with useEditorShallow.
 */
import type { Finding } from '../model/findings';
import type { Boundary, Diagram, Flow, Id, ModelElement, Note } from '../model/types';
import { findItem, type FoundItem } from './geometry';
import type { EditorState, TargetBadge } from './types';

export const selectCanUndo = (s: EditorState): boolean => s.past.length > 0 || (s.gestureBase !== null && s.gestureBase !== s.model);
export const selectCanRedo = (s: EditorState): boolean => s.future.length > 0;

/** The one selected item (element, boundary, flow or note), or null when zero or several are selected. */
export function selectSingleSelected(s: EditorState): ModelElement | Boundary | Flow | Note | null {
  if (!s.model || s.selection.length !== 1) return null;
  return findItem(s.model, s.selection[0])?.item ?? null;
}

/** What kind of item the one selected item is. */
export function selectSingleSelectedKind(s: EditorState): FoundItem['kind'] | null {
  if (!s.model || s.selection.length !== 1) return null;
  return findItem(s.model, s.selection[0])?.kind ?? null;
}

export function selectActiveDiagram(s: EditorState): Diagram | null {
  return s.model?.diagrams.find((d) => d.id === s.activeDiagramId) ?? null;
}

export const selectBadge =
  (id: Id) =>
  (s: EditorState): TargetBadge | undefined =>
    s.badges[id];

export const selectIsSelected =
  (id: Id) =>
  (s: EditorState): boolean =>
    s.selection.includes(id);

/** Findings of one target, for the inspector; use with useEditorShallow (it builds an array). */
export const selectFindingsOf =
  (targetId: Id) =>
  (s: EditorState): Finding[] =>
    s.findings.filter((f) => f.targetId === targetId);
