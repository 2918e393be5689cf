/**
 * Subscriptions to one target's badge. Every node and flow shows a badge, so a large diagram has thousands of
 * them; subscribed to the whole store, each one would be asked about every store change (a property edit, a
 * selection, a drag), and React's per-subscriber bookkeeping alone then costs more than the edit. Here the store
 * has one listener per badge table, which runs only when the table object changed (setFindings reuses it and
 * its entries when nothing moved) and calls only the listeners of ids whose entry is a different object.
 */
import type { Id } from '../model/types';
import type { EditorStore } from './editorStore';
import type { TargetBadge } from './types';

interface Registry {
  listeners: Map<Id, Set<() => void>>;
  detach: () => void;
}

const registries = new WeakMap<EditorStore, Registry>();

function registryOf(store: EditorStore): Registry {
  let registry = registries.get(store);
  if (registry) return registry;
  const listeners = new Map<Id, Set<() => void>>();
  let shown = store.getState().badges;
  const detach = store.subscribe((state) => {
    const badges = state.badges;
    if (badges === shown) return;
    const before = shown;
    shown = badges;
    for (const [id, set] of listeners) {
      if (before[id] === badges[id]) continue;
      for (const listener of [...set]) listener();
    }
  });
  registry = { listeners, detach };
  registries.set(store, registry);
  return registry;
}

/**
 * Calls `listener` whenever the badge of `targetId` changes (a new object, or one appearing or going).
 * Returns the unsubscribe function; the store listener goes with the last badge subscription.
 */
export function subscribeBadge(store: EditorStore, targetId: Id, listener: () => void): () => void {
  const registry = registryOf(store);
  let set = registry.listeners.get(targetId);
  if (!set) registry.listeners.set(targetId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && registry.listeners.get(targetId) === set) registry.listeners.delete(targetId);
    if (registry.listeners.size === 0) {
      registry.detach();
      registries.delete(store);
    }
  };
}

/** The badge of `targetId` now (undefined when it has no open threat). */
export function badgeOf(store: EditorStore, targetId: Id): TargetBadge | undefined {
  return store.getState().badges[targetId];
}
