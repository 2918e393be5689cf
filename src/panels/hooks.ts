import { useEditorApi } from '../store/context';
import type { EditorActions, EditorState } from '../store/types';

/**
 * The store's actions, without subscribing to any state: zustand creates the action functions once, so the
 * returned object's members keep their identity and are safe in dependency lists.
 */
export function useActions(): EditorActions {
  return useEditorApi().getState();
}

/** Reads the current state at event time (for handlers that need the document but should not re-render). */
export function useGetState(): () => EditorState {
  return useEditorApi().getState;
}
