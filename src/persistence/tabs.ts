/**
 * Multi-tab coordination over BroadcastChannel('rampart') (DESIGN.md §7: two tabs on one model never silently
 * overwrite each other).
 *
 * The policy, in full:
 * 1. The guarantee is the repository's optimistic concurrency, not this channel. Every write bumps the record's
 *    `saveCount`; a tab saves with `expectedSaveCount` = the count it last loaded or wrote, and a save that finds
 *    another count is refused with a `ConflictError`, writing nothing. Messages can be lost (a frozen or
 *    discarded tab, a browser without BroadcastChannel), so nothing here is needed for correctness.
 * 2. The channel makes conflicts visible early. After each successful save a tab announces
 *    `{ type: 'saved', modelId, saveCount, tabId }`; on opening a model it announces `{ type: 'opened', ... }`.
 * 3. A tab that hears `saved` for the model it has open:
 *    - with no unsaved changes (autosave idle or saved), reloads the model quietly and adopts the new count;
 *    - with unsaved changes, stops autosaving that model and shows "changed in another tab": *reload it*
 *      (discard local changes and load the stored model) or *keep mine* (store the local model as a copy under
 *      a new id, see `repository.createModel`, then open the copy). The stored model is never overwritten.
 *    A `ConflictError` from a save leads to the same choice, for when the message never arrived.
 * 4. A tab that hears `opened` for the model it has open may say "also open in another tab"; editing in both is
 *    allowed, since rules 1 and 3 keep it safe.
 * 5. Incoming messages are untrusted data: anything not matching the shapes above is ignored, and a tab never
 *    reacts to its own `tabId`.
 */
import type { Id } from '../model/types';

export const TAB_CHANNEL_NAME = 'rampart';

export type TabMessage =
  | { type: 'saved'; modelId: Id; saveCount: number; tabId: string }
  | { type: 'opened'; modelId: Id; tabId: string };

export type RemoteSave = Extract<TabMessage, { type: 'saved' }>;
export type RemoteOpen = Extract<TabMessage, { type: 'opened' }>;

/** The slice of BroadcastChannel used here, so tests and odd environments can supply their own. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface TabCoordinator {
  readonly tabId: string;
  announceOpen(modelId: Id): void;
  announceSaved(modelId: Id, saveCount: number): void;
  /** Calls back when another tab saved this model; returns the unsubscribe function. */
  onRemoteSave(modelId: Id, callback: (message: RemoteSave) => void): () => void;
  /** Calls back when another tab opened this model; returns the unsubscribe function. */
  onRemoteOpen(modelId: Id, callback: (message: RemoteOpen) => void): () => void;
  close(): void;
}

export interface TabCoordinatorOptions {
  /** Defaults to `new BroadcastChannel('rampart')`; without BroadcastChannel the coordinator is a no-op. */
  channel?: ChannelLike | null;
}

/** Validates an incoming message; anything else from the channel is dropped. */
export function parseTabMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (typeof m.modelId !== 'string' || typeof m.tabId !== 'string') return null;
  if (m.type === 'opened') return { type: 'opened', modelId: m.modelId, tabId: m.tabId };
  if (m.type === 'saved' && typeof m.saveCount === 'number' && Number.isInteger(m.saveCount) && m.saveCount >= 0) {
    return { type: 'saved', modelId: m.modelId, saveCount: m.saveCount, tabId: m.tabId };
  }
  return null;
}

function openDefaultChannel(): ChannelLike | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(TAB_CHANNEL_NAME) : null;
}

export function createTabCoordinator(tabId: string, options: TabCoordinatorOptions = {}): TabCoordinator {
  let channel = options.channel === undefined ? openDefaultChannel() : options.channel;
  const saveCallbacks = new Map<Id, Set<(message: RemoteSave) => void>>();
  const openCallbacks = new Map<Id, Set<(message: RemoteOpen) => void>>();

  function dispatch<T>(callbacks: Set<(message: T) => void> | undefined, message: T): void {
    for (const callback of [...(callbacks ?? [])]) {
      try {
        callback(message);
      } catch {
        // One subscriber's failure must not hide the message from the others.
      }
    }
  }

  const onMessage = (event: MessageEvent): void => {
    const message = parseTabMessage(event.data);
    if (!message || message.tabId === tabId) return;
    if (message.type === 'saved') dispatch(saveCallbacks.get(message.modelId), message);
    else dispatch(openCallbacks.get(message.modelId), message);
  };
  channel?.addEventListener('message', onMessage);

  function post(message: TabMessage): void {
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel or a browser quirk: the saveCount check still protects the data (policy rule 1).
    }
  }

  function subscribe<T>(map: Map<Id, Set<(message: T) => void>>, modelId: Id, callback: (message: T) => void) {
    let set = map.get(modelId);
    if (!set) map.set(modelId, (set = new Set()));
    set.add(callback);
    return () => {
      set.delete(callback);
      if (set.size === 0 && map.get(modelId) === set) map.delete(modelId);
    };
  }

  return {
    tabId,
    announceOpen: (modelId) => post({ type: 'opened', modelId, tabId }),
    announceSaved: (modelId, saveCount) => post({ type: 'saved', modelId, saveCount, tabId }),
    onRemoteSave: (modelId, callback) => subscribe(saveCallbacks, modelId, callback),
    onRemoteOpen: (modelId, callback) => subscribe(openCallbacks, modelId, callback),
    close() {
      channel?.removeEventListener('message', onMessage);
      channel?.close();
      channel = null;
      saveCallbacks.clear();
      openCallbacks.clear();
    },
  };
}
