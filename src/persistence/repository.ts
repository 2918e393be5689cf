/**
 * The model library on top of `db.ts` (DESIGN.md §7).
 *
 * Invariants:
 * - Reads go through `restore`: a stored document is untrusted. A load that fails returns the reason and writes
 *   nothing, so a document this build cannot read (corrupt, or from a newer build) survives for a newer build
 *   or an export. A load that succeeds with repairs does not write either; the next save stores the repaired
 *   model.
 * - Every write to a model record bumps its `saveCount` inside the same transaction that read it. A writer that
 *   passes `expectedSaveCount` is refused with a `ConflictError` when another tab wrote in between, so two tabs
 *   never silently overwrite each other (see tabs.ts for the whole policy).
 * - Revisions are bounded per model; the oldest go in the same transaction that adds a new one.
 * - Everything thrown is a `PersistenceError` (errors.ts), whose `kind` the app shows.
 */
import Dexie from 'dexie';
import { isRecord } from '../lib/guards';
import { newId } from '../model/ids';
import { restore, type RestoreWarning } from '../model/restore';
import { toEnvelope } from '../model/serialize';
import type { Envelope, Id, ThreatModel } from '../model/types';
import type { RampartDb, StoredModel, StoredRevision } from './db';
import { ConflictError, guard, type PersistenceErrorData, toPersistenceError } from './errors';

export const MAX_REVISIONS_PER_MODEL = 50;

export interface ModelSummary {
  id: Id;
  name: string;
  updatedAt: number;
  deletedAt: number | null;
  elementCount: number;
  saveCount: number;
}

export interface RevisionSummary {
  seq: number;
  modelId: Id;
  savedAt: number;
  name: string;
  elementCount: number;
}

/** Why a load failed: no such record, a document `restore` refused, or the storage itself failed. */
export type LoadFailureCode = 'not-found' | 'invalid' | 'storage';

export type LoadFailure = {
  ok: false;
  code: LoadFailureCode;
  reason: string;
  /** JSON path of the problem, when `restore` refused the document. */
  path?: string;
  /** When `code` is `storage`. */
  error?: PersistenceErrorData;
};

export type LoadModelResult =
  | {
      ok: true;
      model: ThreatModel;
      warnings: RestoreWarning[];
      /** Pass this back as `expectedSaveCount` on the next save. */
      saveCount: number;
      deletedAt: number | null;
    }
  | LoadFailure;

export type LoadRevisionResult =
  | { ok: true; model: ThreatModel; warnings: RestoreWarning[]; modelId: Id; savedAt: number }
  | LoadFailure;

export type DuplicateResult = { ok: true; id: Id; name: string; saveCount: number } | LoadFailure;

export interface SaveOptions {
  /** The saveCount this tab last loaded or wrote; omit to write unconditionally. */
  expectedSaveCount?: number;
}

export interface RepositoryOptions {
  /** Clock in epoch ms; tests inject one to control ordering. */
  now?: () => number;
  maxRevisions?: number;
}

export interface Repository {
  /** Live models, most recently updated first. */
  listModels(): Promise<ModelSummary[]>;
  /** Models in the bin, most recently deleted first. */
  listDeleted(): Promise<ModelSummary[]>;
  loadModel(id: Id): Promise<LoadModelResult>;
  /**
   * The stored document exactly as it is, without `restore`: the way out for a model that no longer loads
   * (offer it as a download). Undefined when there is no such record.
   */
  loadRawDocument(id: Id): Promise<unknown>;
  /** Writes the model, creating the record if needed; returns the new saveCount. */
  saveModel(model: ThreatModel, options?: SaveOptions): Promise<number>;
  /** Adds a model whose id is not stored yet (conflict otherwise); returns its saveCount (1). */
  createModel(model: ThreatModel): Promise<number>;
  /**
   * Renames the record and its stored document; returns the new saveCount, or null if there was no such model.
   * For the model open in this tab, rename through the store instead (or adopt the returned count): this write
   * bumps the saveCount like any other.
   */
  renameModel(id: Id, name: string): Promise<number | null>;
  /** Copies a model under a new id and the name "X (copy)"; the source must restore. */
  duplicateModel(id: Id): Promise<DuplicateResult>;
  /** Moves a model to the bin; false if there was no such model. */
  deleteModel(id: Id): Promise<boolean>;
  /** Takes a model out of the bin; false if there was no such model. */
  restoreDeleted(id: Id): Promise<boolean>;
  /** Permanently removes binned models deleted at least `olderThanMs` ago, with their revisions; returns how many. */
  purgeDeleted(olderThanMs: number): Promise<number>;
  /** Permanently removes one model (live or binned) and its revisions; false if there was none. */
  purgeModel(id: Id): Promise<boolean>;
  /** Stores a snapshot; drops the model's oldest beyond the bound; returns its seq. */
  addRevision(model: ThreatModel): Promise<number>;
  /** Newest first. */
  listRevisions(modelId: Id): Promise<RevisionSummary[]>;
  loadRevision(seq: number): Promise<LoadRevisionResult>;
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/** Element count of a stored document that may be malformed. */
function countElements(document: unknown): number {
  if (!isRecord(document) || !isRecord(document.model)) return 0;
  const elements = document.model.elements;
  return Array.isArray(elements) ? elements.length : 0;
}

function toSummary(record: StoredModel): ModelSummary {
  return {
    id: record.id,
    name: record.name,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
    elementCount: countElements(record.document),
    saveCount: record.saveCount,
  };
}

function toRevisionSummary(record: StoredRevision): RevisionSummary {
  return {
    seq: record.seq,
    modelId: record.modelId,
    savedAt: record.savedAt,
    name: record.name,
    elementCount: record.elementCount,
  };
}

/** `restore` promises never to throw; a bug there must still not turn a load into a crash or a write. */
function safeRestore(document: unknown): ReturnType<typeof restore> {
  try {
    return restore(document);
  } catch (error) {
    return { ok: false, reason: `Could not read the document: ${String(error)}`, path: '$' };
  }
}

function storageFailure(error: unknown): LoadFailure {
  const data = toPersistenceError(error).toData();
  return { ok: false, code: 'storage', reason: data.message, error: data };
}

/** "X (copy)", then "X (copy 2)", ... so the library never shows two copies under one name. */
function copyName(name: string, taken: Set<string>): string {
  const base = `${name} (copy)`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${name} (copy ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function createRepository(db: RampartDb, options: RepositoryOptions = {}): Repository {
  const now = options.now ?? Date.now;
  const maxRevisions = options.maxRevisions ?? MAX_REVISIONS_PER_MODEL;

  function toRecord(model: ThreatModel, saveCount: number, deletedAt: number | null): StoredModel {
    return { id: model.id, name: model.name, updatedAt: now(), deletedAt, document: toEnvelope(model), saveCount };
  }

  /** Applies `change` to a record in one transaction and bumps its saveCount; null when absent. */
  function updateRecord(id: Id, change: (record: StoredModel) => Partial<StoredModel>): Promise<number | null> {
    return guard(() =>
      db.transaction('rw', db.models, async () => {
        const record = await db.models.get(id);
        if (!record) return null;
        const saveCount = record.saveCount + 1;
        await db.models.put({ ...record, ...change(record), saveCount });
        return saveCount;
      }),
    );
  }

  async function loadModel(id: Id): Promise<LoadModelResult> {
    let record: StoredModel | undefined;
    try {
      record = await db.models.get(id);
    } catch (error) {
      return storageFailure(error);
    }
    if (!record) return { ok: false, code: 'not-found', reason: `No model with id ${id}.` };
    const result = safeRestore(record.document);
    if (!result.ok) return { ok: false, code: 'invalid', reason: result.reason, path: result.path };
    // The record's key is the identity: a document edited to carry another id must not save over that model.
    const sameId = result.model.id === record.id;
    return {
      ok: true,
      model: sameId ? result.model : { ...result.model, id: record.id },
      warnings: sameId
        ? result.warnings
        : [...result.warnings, { path: '$.model.id', message: `Stored under ${record.id}; the document's id was replaced.` }],
      saveCount: record.saveCount,
      deletedAt: record.deletedAt,
    };
  }

  return {
    listModels: () =>
      guard(async () => {
        const records = await db.models
          .orderBy('updatedAt')
          .reverse()
          .filter((r) => r.deletedAt === null)
          .toArray();
        return records.map(toSummary);
      }),

    // Live records have deletedAt null, which IndexedDB does not index: the deletedAt index holds the bin only.
    listDeleted: () =>
      guard(async () => (await db.models.orderBy('deletedAt').reverse().toArray()).map(toSummary)),

    loadModel,

    loadRawDocument: (id) => guard(async () => (await db.models.get(id))?.document),

    saveModel: (model, saveOptions = {}) =>
      guard(() =>
        db.transaction('rw', db.models, async () => {
          const existing = await db.models.get(model.id);
          const stored = existing?.saveCount ?? 0;
          const expected = saveOptions.expectedSaveCount;
          if (expected !== undefined && expected !== stored) throw new ConflictError(model.id, expected, stored);
          const saveCount = stored + 1;
          // Saving never takes a model out of the bin: that is restoreDeleted's job.
          await db.models.put(toRecord(model, saveCount, existing?.deletedAt ?? null));
          return saveCount;
        }),
      ),

    createModel: (model) =>
      guard(() =>
        db.transaction('rw', db.models, async () => {
          const existing = await db.models.get(model.id);
          if (existing) throw new ConflictError(model.id, 0, existing.saveCount);
          await db.models.add(toRecord(model, 1, null));
          return 1;
        }),
      ),

    renameModel: (id, name) =>
      updateRecord(id, (record) => {
        const document: unknown = record.document;
        // Only a document that looks like one gets the new name; anything else stays exactly as stored.
        const renamed =
          isRecord(document) && isRecord(document.model)
            ? ({ ...document, model: { ...document.model, name, updatedAt: new Date(now()).toISOString() } } as Envelope)
            : record.document;
        return { name, updatedAt: now(), document: renamed };
      }),

    duplicateModel: async (id) => {
      const source = await loadModel(id);
      if (!source.ok) return source;
      try {
        return await db.transaction('rw', db.models, async () => {
          const live = await db.models.filter((r) => r.deletedAt === null).toArray();
          const name = copyName(source.model.name, new Set(live.map((r) => r.name)));
          const stamp = new Date(now()).toISOString();
          const copy: ThreatModel = { ...source.model, id: newId(), name, createdAt: stamp, updatedAt: stamp };
          await db.models.add(toRecord(copy, 1, null));
          return { ok: true as const, id: copy.id, name, saveCount: 1 };
        });
      } catch (error) {
        return storageFailure(error);
      }
    },

    deleteModel: async (id) => (await updateRecord(id, () => ({ deletedAt: now() }))) !== null,

    restoreDeleted: async (id) => (await updateRecord(id, () => ({ deletedAt: null, updatedAt: now() }))) !== null,

    purgeDeleted: (olderThanMs) =>
      guard(() =>
        db.transaction('rw', db.models, db.revisions, async () => {
          const ids = (await db.models
            .where('deletedAt')
            .belowOrEqual(now() - olderThanMs)
            .primaryKeys()) as Id[];
          if (ids.length === 0) return 0;
          await db.revisions.where('modelId').anyOf(ids).delete();
          await db.models.bulkDelete(ids);
          return ids.length;
        }),
      ),

    purgeModel: (id) =>
      guard(() =>
        db.transaction('rw', db.models, db.revisions, async () => {
          const exists = (await db.models.get(id)) !== undefined;
          await db.revisions.where('modelId').equals(id).delete();
          await db.models.delete(id);
          return exists;
        }),
      ),

    addRevision: (model) =>
      guard(() =>
        db.transaction('rw', db.revisions, async () => {
          const seq = await db.revisions.add({
            modelId: model.id,
            savedAt: now(),
            name: model.name,
            elementCount: model.elements.length,
            document: toEnvelope(model),
          });
          const count = await db.revisions.where('modelId').equals(model.id).count();
          if (count > maxRevisions) {
            // Index order is savedAt, then seq: the first keys are the oldest snapshots.
            const oldest = await db.revisions
              .where('[modelId+savedAt]')
              .between([model.id, Dexie.minKey], [model.id, Dexie.maxKey])
              .limit(count - maxRevisions)
              .primaryKeys();
            await db.revisions.bulkDelete(oldest);
          }
          return seq;
        }),
      ),

    listRevisions: (modelId) =>
      guard(async () => {
        const records = await db.revisions
          .where('[modelId+savedAt]')
          .between([modelId, Dexie.minKey], [modelId, Dexie.maxKey])
          .reverse()
          .toArray();
        return records.map(toRevisionSummary);
      }),

    loadRevision: async (seq) => {
      let record: StoredRevision | undefined;
      try {
        record = await db.revisions.get(seq);
      } catch (error) {
        return storageFailure(error);
      }
      if (!record) return { ok: false, code: 'not-found', reason: `No revision ${seq}.` };
      const result = safeRestore(record.document);
      if (!result.ok) return { ok: false, code: 'invalid', reason: result.reason, path: result.path };
      return { ok: true, model: result.model, warnings: result.warnings, modelId: record.modelId, savedAt: record.savedAt };
    },

    getSetting: <T>(key: string) => guard(async () => (await db.settings.get(key))?.value as T | undefined),

    setSetting: (key, value) =>
      guard(async () => {
        await db.settings.put({ key, value });
      }),
  };
}
