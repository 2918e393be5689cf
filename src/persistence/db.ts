/**
 * The IndexedDB database `rampart` (DESIGN.md §7).
 *
 * Invariants this file owns:
 * - The Dexie schema version below versions the *tables and indexes* only. Documents carry their own format
 *   version inside the envelope and migrate in model/restore, never here: a Dexie upgrade never rewrites a
 *   document.
 * - A stored document is kept exactly as written. Nothing in this layer "fixes" it in place; a document that
 *   fails to restore stays untouched until the analyst deletes it.
 * - Another tab that needs to upgrade or delete the database must not be stuck behind us: on `versionchange`
 *   this connection closes at once (Dexie reopens lazily on the next query) and tells the app, which should
 *   suggest a reload because a newer build is running elsewhere. When *our* open is held up by an older tab
 *   that does not let go, the app hears `blocked` and can say "close the other Rampart tabs".
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Envelope, Id } from '../model/types';

/** One threat model as stored. `updatedAt`/`deletedAt` are epoch milliseconds so they index and sort. */
export interface StoredModel {
  id: Id;
  name: string;
  updatedAt: number;
  /** Soft delete: the time the model went to the bin, or null while it is live. */
  deletedAt: number | null;
  /**
   * The versioned envelope as written. Typed as an envelope, but whatever comes back from IndexedDB is
   * untrusted (an older build, a manual edit, a bug) and goes through `restore` before use.
   */
  document: Envelope;
  /** Bumped by every write to this record; the optimistic-concurrency token between tabs. */
  saveCount: number;
}

/** A restorable snapshot of a model. */
export interface StoredRevision {
  seq: number;
  modelId: Id;
  savedAt: number;
  /** Copied at write time so the history list needs no document parsing. */
  name: string;
  elementCount: number;
  document: Envelope;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

/** Connection events the app turns into visible state. */
export type ConnectionEvent =
  | { type: 'blocked'; oldVersion: number; newVersion: number | null }
  | { type: 'versionchange'; newVersion: number | null };

export type ConnectionListener = (event: ConnectionEvent) => void;

export const DB_NAME = 'rampart';

export class RampartDb extends Dexie {
  // `declare`: Dexie creates the table properties in `stores()`; a class field would reset them.
  declare models: EntityTable<StoredModel, 'id'>;
  declare revisions: EntityTable<StoredRevision, 'seq'>;
  declare settings: EntityTable<StoredSetting, 'key'>;

  private readonly connectionListeners = new Set<ConnectionListener>();

  constructor(name: string = DB_NAME) {
    super(name);
    // Schema version 1. Append new versions below it; never edit a published one.
    this.version(1).stores({
      models: 'id, name, updatedAt, deletedAt',
      revisions: '++seq, modelId, savedAt, [modelId+savedAt]',
      settings: 'key',
    });

    this.on('versionchange', (event) => {
      // Dexie's own default handler also closes; closing here makes the behaviour ours, not a default that
      // a Dexie upgrade might change. Auto-open stays enabled so queued saves can still reach the database.
      this.close({ disableAutoOpen: false });
      this.emit({
        type: 'versionchange',
        newVersion: event.newVersion == null ? null : toSchemaVersion(event.newVersion),
      });
    });
    this.on('blocked', (event) => {
      this.emit({
        type: 'blocked',
        oldVersion: toSchemaVersion(event.oldVersion),
        newVersion: event.newVersion == null ? null : toSchemaVersion(event.newVersion),
      });
    });
  }

  /** Subscribe to `blocked` / `versionchange`; returns the unsubscribe function. */
  onConnectionEvent(listener: ConnectionListener): () => void {
    this.connectionListeners.add(listener);
    return () => {
      this.connectionListeners.delete(listener);
    };
  }

  private emit(event: ConnectionEvent): void {
    for (const listener of [...this.connectionListeners]) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not stop the connection from closing for the other tab.
      }
    }
  }
}

/** Dexie multiplies declared versions by 10 for IndexedDB; report them the way they are declared. */
function toSchemaVersion(nativeVersion: number): number {
  return nativeVersion / 10;
}

/** Opens (lazily, on first query) the database; tests pass a unique name. */
export function createDb(name: string = DB_NAME): RampartDb {
  return new RampartDb(name);
}
