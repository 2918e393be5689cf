import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepository } from '../../src/persistence/repository';
import { createDb, type StoredModel } from '../../src/persistence/db';
import { ConflictError, PersistenceError } from '../../src/persistence/errors';
import { makeModel, setup, type Setup } from './factory';

const opened: Setup[] = [];
function open(options?: Parameters<typeof setup>[0]): Setup {
  const s = setup(options);
  opened.push(s);
  return s;
}

afterEach(async () => {
  for (const s of opened.splice(0)) {
    s.db.close();
    await Dexie.delete(s.name);
  }
});

describe('create, save, load', () => {
  it('round-trips a model through the store and restore', async () => {
    const { repo } = open();
    const model = makeModel({ id: 'm1', name: 'Order entry', elements: 3 });

    expect(await repo.createModel(model)).toBe(1);
    const loaded = await repo.loadModel('m1');

    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.model.id).toBe('m1');
    expect(loaded.model.name).toBe('Order entry');
    expect(loaded.model.elements.map((e) => e.id)).toEqual(['m1-el-0', 'm1-el-1', 'm1-el-2']);
    expect(loaded.saveCount).toBe(1);
    expect(loaded.deletedAt).toBeNull();
  });

  it('stores the versioned envelope, not the bare model', async () => {
    const { repo, db } = open();
    await repo.saveModel(makeModel({ id: 'm1' }));

    const record = await db.models.get('m1');
    expect(record?.document.format).toBe('rampart');
    expect(typeof record?.document.version).toBe('number');
    expect(record?.document.model.id).toBe('m1');
  });

  it('increments saveCount on every save and creates missing records', async () => {
    const { repo } = open();
    const model = makeModel({ id: 'm1' });

    expect(await repo.saveModel(model)).toBe(1);
    expect(await repo.saveModel({ ...model, name: 'Renamed in editor' })).toBe(2);
    expect(await repo.saveModel(model, { expectedSaveCount: 2 })).toBe(3);

    const loaded = await repo.loadModel('m1');
    expect(loaded.ok && loaded.saveCount).toBe(3);
  });

  it('refuses to create a model whose id is already stored', async () => {
    const { repo } = open();
    await repo.createModel(makeModel({ id: 'm1', name: 'First' }));

    const error = await repo.createModel(makeModel({ id: 'm1', name: 'Second' })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PersistenceError);
    expect((error as PersistenceError).kind).toBe('conflict');
    const loaded = await repo.loadModel('m1');
    expect(loaded.ok && loaded.model.name).toBe('First');
  });

  it('reports a missing model as not-found', async () => {
    const { repo } = open();
    const loaded = await repo.loadModel('nope');
    expect(loaded).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('listing', () => {
  it('lists live models most recently updated first, with element counts', async () => {
    const { repo } = open();
    await repo.createModel(makeModel({ id: 'a', name: 'Alpha', elements: 1 }));
    await repo.createModel(makeModel({ id: 'b', name: 'Bravo', elements: 4 }));
    await repo.createModel(makeModel({ id: 'c', name: 'Charlie', elements: 0 }));
    await repo.saveModel(makeModel({ id: 'a', name: 'Alpha', elements: 2 }));

    const list = await repo.listModels();

    expect(list.map((m) => m.id)).toEqual(['a', 'c', 'b']);
    expect(list.map((m) => m.elementCount)).toEqual([2, 0, 4]);
    expect(list[0]).toMatchObject({ name: 'Alpha', deletedAt: null, saveCount: 2 });
    expect(list[0].updatedAt).toBeGreaterThan(list[1].updatedAt);
  });

  it('renames the record and the document', async () => {
    const { repo } = open();
    await repo.createModel(makeModel({ id: 'a', name: 'Alpha' }));

    expect(await repo.renameModel('a', 'Matching engine')).toBe(2);
    expect(await repo.renameModel('missing', 'x')).toBeNull();

    expect((await repo.listModels())[0].name).toBe('Matching engine');
    const loaded = await repo.loadModel('a');
    expect(loaded.ok && loaded.model.name).toBe('Matching engine');
  });

  it('duplicates under a new id and a "(copy)" name, leaving the source alone', async () => {
    const { repo } = open();
    await repo.createModel(makeModel({ id: 'a', name: 'Wallet', elements: 2 }));

    const first = await repo.duplicateModel('a');
    const second = await repo.duplicateModel('a');

    expect(first).toMatchObject({ ok: true, name: 'Wallet (copy)', saveCount: 1 });
    expect(second).toMatchObject({ ok: true, name: 'Wallet (copy 2)' });
    if (!first.ok || !second.ok) return;
    expect(first.id).not.toBe('a');
    expect(second.id).not.toBe(first.id);
    const copy = await repo.loadModel(first.id);
    expect(copy.ok && copy.model.id).toBe(first.id);
    expect(copy.ok && copy.model.elements.length).toBe(2);
    const source = await repo.loadModel('a');
    expect(source.ok && source.model.name).toBe('Wallet');
    expect((await repo.listModels()).length).toBe(3);
  });
});

describe('soft delete, restore, purge', () => {
  it('moves a model to the bin and back', async () => {
    const { repo } = open();
    await repo.createModel(makeModel({ id: 'a' }));
    await repo.createModel(makeModel({ id: 'b' }));

    expect(await repo.deleteModel('a')).toBe(true);
    expect(await repo.deleteModel('missing')).toBe(false);

    expect((await repo.listModels()).map((m) => m.id)).toEqual(['b']);
    const bin = await repo.listDeleted();
    expect(bin.map((m) => m.id)).toEqual(['a']);
    expect(bin[0].deletedAt).toEqual(expect.any(Number));
    // Still loadable while in the bin: deleting is recoverable.
    expect((await repo.loadModel('a')).ok).toBe(true);

    expect(await repo.restoreDeleted('a')).toBe(true);
    expect((await repo.listModels()).map((m) => m.id).sort()).toEqual(['a', 'b']);
    expect(await repo.listDeleted()).toEqual([]);
  });

  it('purges only binned models older than the cut-off, with their revisions', async () => {
    const { repo, clock, db } = open();
    await repo.createModel(makeModel({ id: 'old' }));
    await repo.createModel(makeModel({ id: 'recent' }));
    await repo.createModel(makeModel({ id: 'live' }));
    await repo.addRevision(makeModel({ id: 'old' }));
    await repo.addRevision(makeModel({ id: 'live' }));

    await repo.deleteModel('old');
    clock.advance(10_000);
    await repo.deleteModel('recent');

    expect(await repo.purgeDeleted(5_000)).toBe(1);
    expect((await repo.listDeleted()).map((m) => m.id)).toEqual(['recent']);
    expect(await db.models.get('old')).toBeUndefined();
    expect(await repo.listRevisions('old')).toEqual([]);
    expect((await repo.listRevisions('live')).length).toBe(1);

    expect(await repo.purgeDeleted(0)).toBe(1);
    expect(await repo.listDeleted()).toEqual([]);
    expect((await repo.listModels()).map((m) => m.id)).toEqual(['live']);
  });

  it('purges a single model on request', async () => {
    const { repo } = open();
    await repo.createModel(makeModel({ id: 'a' }));
    await repo.addRevision(makeModel({ id: 'a' }));

    expect(await repo.purgeModel('a')).toBe(true);
    expect(await repo.purgeModel('a')).toBe(false);
    expect(await repo.listRevisions('a')).toEqual([]);
    expect((await repo.loadModel('a')).ok).toBe(false);
  });
});

describe('a failed load never overwrites what is stored', () => {
  const corruptDocuments: Record<string, unknown> = {
    'not an envelope': { hello: 'world' },
    'a newer document version': { format: 'rampart', version: 999, model: makeModel({ id: 'x' }) },
    'a model that is not an object': { format: 'rampart', version: 1, model: 'garbage' },
  };

  for (const [label, document] of Object.entries(corruptDocuments)) {
    it(`keeps ${label} exactly as stored`, async () => {
      const { repo, db } = open();
      const record = {
        id: 'x',
        name: 'Broken',
        updatedAt: 1,
        deletedAt: null,
        document,
        saveCount: 7,
      } as unknown as StoredModel;
      await db.models.put(record);
      const before = structuredClone(await db.models.get('x'));

      const loaded = await repo.loadModel('x');
      const duplicated = await repo.duplicateModel('x');

      expect(loaded).toMatchObject({ ok: false, code: 'invalid' });
      expect(loaded.ok ? '' : loaded.reason).not.toBe('');
      expect(duplicated.ok).toBe(false);
      expect(await db.models.get('x')).toEqual(before);
      expect(await db.models.count()).toBe(1);
      // The way out: the raw document can still be exported, and the model still shows in the library.
      expect(await repo.loadRawDocument('x')).toEqual(document);
      expect((await repo.listModels()).map((m) => m.id)).toEqual(['x']);
    });
  }
});

describe('conflicts between tabs', () => {
  it('refuses a save based on a stale saveCount and keeps the other tab’s write', async () => {
    const { repo, name } = open();
    await repo.createModel(makeModel({ id: 'm', name: 'Original' }));
    // A second tab: its own connection and repository on the same database.
    const otherDb = createDb(name);
    const otherTab = createRepository(otherDb);
    try {
      const mine = await repo.loadModel('m');
      const theirs = await otherTab.loadModel('m');
      if (!mine.ok || !theirs.ok) throw new Error('load failed');

      const theirCount = await otherTab.saveModel(
        { ...theirs.model, name: 'Edited in tab B' },
        { expectedSaveCount: theirs.saveCount },
      );
      const error = await repo
        .saveModel({ ...mine.model, name: 'Edited in tab A' }, { expectedSaveCount: mine.saveCount })
        .catch((e: unknown) => e);

      expect(theirCount).toBe(2);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ kind: 'conflict', expectedSaveCount: 1, storedSaveCount: 2 });
      const stored = await repo.loadModel('m');
      expect(stored.ok && stored.model.name).toBe('Edited in tab B');
      expect(stored.ok && stored.saveCount).toBe(2);
    } finally {
      otherDb.close();
    }
  });

  it('treats a delete or rename in another tab as a change to the model', async () => {
    const { repo } = open();
    await repo.createModel(makeModel({ id: 'm' }));
    await repo.deleteModel('m');

    const error = await repo.saveModel(makeModel({ id: 'm' }), { expectedSaveCount: 1 }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'conflict' });
    // A save never takes a model out of the bin by itself.
    await repo.saveModel(makeModel({ id: 'm' }), { expectedSaveCount: 2 });
    expect((await repo.listDeleted()).map((m) => m.id)).toEqual(['m']);
  });

  it('refuses a save when the model was purged meanwhile', async () => {
    const { repo } = open();
    await repo.createModel(makeModel({ id: 'm' }));
    await repo.purgeModel('m');

    const error = await repo.saveModel(makeModel({ id: 'm' }), { expectedSaveCount: 1 }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'conflict', storedSaveCount: 0 });
  });
});

describe('revisions', () => {
  it('lists newest first with element counts and loads each one', async () => {
    const { repo } = open();
    const s1 = await repo.addRevision(makeModel({ id: 'm', elements: 1 }));
    const s2 = await repo.addRevision(makeModel({ id: 'm', elements: 2 }));
    await repo.addRevision(makeModel({ id: 'other', elements: 5 }));

    const list = await repo.listRevisions('m');

    expect(list.map((r) => r.seq)).toEqual([s2, s1]);
    expect(list.map((r) => r.elementCount)).toEqual([2, 1]);
    expect(list[0].savedAt).toBeGreaterThan(list[1].savedAt);
    const first = await repo.loadRevision(s1);
    expect(first.ok && first.model.elements.length).toBe(1);
    expect(first.ok && first.modelId).toBe('m');
    expect(await repo.loadRevision(9999)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('keeps at most 50 per model, dropping the oldest', async () => {
    const { repo } = open();
    const seqs: number[] = [];
    for (let i = 0; i < 55; i++) seqs.push(await repo.addRevision(makeModel({ id: 'm', elements: i })));
    await repo.addRevision(makeModel({ id: 'other' }));

    const list = await repo.listRevisions('m');

    expect(list.length).toBe(50);
    expect(list.map((r) => r.seq)).toEqual(seqs.slice(5).reverse());
    expect(list.at(-1)?.elementCount).toBe(5);
    expect((await repo.loadRevision(seqs[0])).ok).toBe(false);
    expect((await repo.listRevisions('other')).length).toBe(1);
  });

  it('honours a smaller bound', async () => {
    const { repo } = open({ maxRevisions: 3 });
    for (let i = 0; i < 5; i++) await repo.addRevision(makeModel({ id: 'm', elements: i }));
    expect((await repo.listRevisions('m')).map((r) => r.elementCount)).toEqual([4, 3, 2]);
  });
});

describe('settings', () => {
  it('stores and reads values by key', async () => {
    const { repo } = open();
    expect(await repo.getSetting('theme')).toBeUndefined();
    await repo.setSetting('theme', { dark: true });
    expect(await repo.getSetting<{ dark: boolean }>('theme')).toEqual({ dark: true });
  });
});

describe('record identity', () => {
  it('loads a document stored under another id as the record’s model, with a warning', async () => {
    const { repo, db } = open();
    await repo.createModel(makeModel({ id: 'a', name: 'Alpha' }));
    const record = await db.models.get('a');
    if (!record) throw new Error('missing');
    await db.models.put({ ...record, id: 'b' });

    const loaded = await repo.loadModel('b');

    expect(loaded.ok && loaded.model.id).toBe('b');
    expect(loaded.ok && loaded.warnings.map((w) => w.path)).toContain('$.model.id');
    expect((await db.models.get('a'))?.document.model.id).toBe('a');
  });
});
