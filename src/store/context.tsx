/**
 * React access to the editor store. Canvas and panels may not import app/, so the provider and hooks live
 * here (docs/ARCHITECTURE.md, store/). Components select narrowly: `useEditor((s) => s.model?.name)`.
 */
import { createContext, useCallback, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createEditorStore, type EditorStore } from './editorStore';
import { badgeOf, subscribeBadge } from './keyedBadges';
import type { EditorState, TargetBadge } from './types';
import type { Id } from '../model/types';

const EditorStoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({ store, children }: { store?: EditorStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createEditorStore());
  return <EditorStoreContext.Provider value={store ?? own}>{children}</EditorStoreContext.Provider>;
}

export function useEditorApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorApi: no EditorStoreProvider above this component');
  return store;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}

/** For selectors that build an object or array: re-renders only when its members change. */
export function useEditorShallow<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), useShallow(selector));
}

/**
 * The badge of one target. Unlike `useEditor((s) => s.badges[id])` it is not asked about every store change,
 * only when that target's badge changes (keyedBadges.ts): thousands of nodes and flows each show one.
 */
export function useBadge(targetId: Id): TargetBadge | undefined {
  const store = useEditorApi();
  const subscribe = useCallback((listener: () => void) => subscribeBadge(store, targetId, listener), [store, targetId]);
  return useSyncExternalStore(subscribe, () => badgeOf(store, targetId));
}
