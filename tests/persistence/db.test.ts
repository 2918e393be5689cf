import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type ConnectionEvent } from '../../src/persistence/db';
import { createRepository } from '../../src/persistence/repository';
import { freshDbName, makeModel } from './factory';

const names: string[] = [];
const toClose: Dexie[] = [];

function track<T extends Dexie>(db: T): T {
  toClose.push(db);
  return db;
}

// Dexie's own handlers warn on versionchange/blocked; these tests cause both on purpose.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of toClose.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function newName(): string {
  const name = freshDbName();
  names.push(name);
  return name;
}

describe('schema', () => {
  it('declares the tables and indexes of DESIGN §7', async () => {
    const db = track(createDb(newName()));
    await db.open();
    const tables = Object.fromEntries(db.tables.map((t) => [t.name, t.schema]));

    expect(Object.keys(tables).sort()).toEqual(['models', 'revisions', 'settings']);
    expect(tables.models.primKey.name).toBe('id');
    expect(tables.models.indexes.map((i) => i.name).sort()).toEqual(['deletedAt', 'name', 'updatedAt']);
    expect(tables.revisions.primKey).toMatchObject({ name: 'seq', auto: true });
    expect(tables.revisions.indexes.map((i) => i.name).sort()).toEqual(['[modelId+savedAt]', 'modelId', 'savedAt']);
    expect(tables.settings.primKey.name).toBe('key');
  });
});

describe('connection events', () => {
  it('closes on versionchange so another tab’s upgrade proceeds, and says so', async () => {
    const name = newName();
    const db = track(createDb(name));
    const events: ConnectionEvent[] = [];
    db.onConnectionEvent((e) => events.push(e));
    const repo = createRepository(db);
    await repo.saveModel(makeModel({ id: 'm', name: 'Kept' }));

    // A newer build in another tab declares schema version 2.
    const newer = track(new Dexie(name));
    newer.version(1).stores({ models: 'id, name, updatedAt, deletedAt', revisions: '++seq, modelId, savedAt, [modelId+savedAt]', settings: 'key' });
    newer.version(2).stores({ settings: 'key, group' });
    await newer.open();

    expect(events).toEqual([{ type: 'versionchange', newVersion: 2 }]);
    expect(db.isOpen()).toBe(false);
    expect(newer.verno).toBe(2);
    // The old tab can still read what it stored: nothing was lost by stepping aside.
    const loaded = await repo.loadModel('m');
    expect(loaded.ok && loaded.model.name).toBe('Kept');
  });

  it('reports blocked when an older connection holds the database and does not let go', async () => {
    const name = newName();
    // A raw connection at a lower native version that ignores versionchange, like a stuck old tab.
    const stuck = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const db = track(createDb(name));
    const events: ConnectionEvent[] = [];
    const blocked = new Promise<void>((resolve) => {
      db.onConnectionEvent((e) => {
        events.push(e);
        if (e.type === 'blocked') resolve();
      });
    });

    const opening = db.open();
    await blocked;
    expect(events[0]).toMatchObject({ type: 'blocked', newVersion: 1 });

    stuck.close();
    await opening;
    expect(db.isOpen()).toBe(true);
  });

  it('stops notifying after unsubscribe', async () => {
    const name = newName();
    const db = track(createDb(name));
    const events: ConnectionEvent[] = [];
    const off = db.onConnectionEvent((e) => events.push(e));
    await db.open();
    off();

    const newer = track(new Dexie(name));
    newer.version(3).stores({ models: 'id', revisions: '++seq', settings: 'key' });
    await newer.open();

    expect(events).toEqual([]);
    expect(db.isOpen()).toBe(false);
  });
});
