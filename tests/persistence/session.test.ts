import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAutosave } from '../../src/persistence/autosave';
import { createDb, type RampartDb } from '../../src/persistence/db';
import { createRepository, type Repository } from '../../src/persistence/repository';
import { createModelSession } from '../../src/persistence/session';
import { createTabCoordinator, type RemoteSave, type TabCoordinator } from '../../src/persistence/tabs';
import { freshDbName, makeModel } from './factory';

interface Tab {
  db: RampartDb;
  repo: Repository;
  coordinator: TabCoordinator;
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function openTab(dbName: string, tabId: string): Tab {
  const db = createDb(dbName);
  const coordinator = createTabCoordinator(tabId);
  cleanup.push(() => {
    coordinator.close();
    db.close();
  });
  return { db, repo: createRepository(db), coordinator };
}

function newDbName(): string {
  const name = freshDbName();
  cleanup.push(() => Dexie.delete(name));
  return name;
}

async function loadedCount(repo: Repository, id: string): Promise<number> {
  const loaded = await repo.loadModel(id);
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.saveCount;
}

describe('two tabs on one model', () => {
  it('tells the other tab about a save it has not seen, and refuses its stale save', async () => {
    const name = newDbName();
    const tabA = openTab(name, 'a');
    const tabB = openTab(name, 'b');
    await tabA.repo.createModel(makeModel({ id: 'm', name: 'Original' }));

    const sessionA = createModelSession({
      repository: tabA.repo,
      coordinator: tabA.coordinator,
      modelId: 'm',
      saveCount: await loadedCount(tabA.repo, 'm'),
    });
    let heard: (message: RemoteSave) => void = () => undefined;
    const remoteChange = new Promise<RemoteSave>((resolve) => (heard = resolve));
    const sessionB = createModelSession({
      repository: tabB.repo,
      coordinator: tabB.coordinator,
      modelId: 'm',
      saveCount: await loadedCount(tabB.repo, 'm'),
      onRemoteChange: (message) => heard(message),
    });
    const echoToA = vi.fn();
    cleanup.push(tabA.coordinator.onRemoteSave('m', echoToA), () => sessionA.close(), () => sessionB.close());

    await sessionA.save(makeModel({ id: 'm', name: 'From A' }));

    expect(sessionA.getSaveCount()).toBe(2);
    expect(await remoteChange).toMatchObject({ modelId: 'm', saveCount: 2, tabId: 'a' });
    expect(echoToA).not.toHaveBeenCalled();
    // B's save, based on the count it loaded, is refused and writes nothing.
    const error = await sessionB.save(makeModel({ id: 'm', name: 'From B' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'conflict' });
    const stored = await tabB.repo.loadModel('m');
    expect(stored.ok && stored.model.name).toBe('From A');
  });

  it('surfaces a conflict through the autosave status and keeps the other tab’s data', async () => {
    const name = newDbName();
    const tabA = openTab(name, 'a');
    const tabB = openTab(name, 'b');
    await tabA.repo.createModel(makeModel({ id: 'm', name: 'Original' }));
    const sessionA = createModelSession({ repository: tabA.repo, modelId: 'm', saveCount: 1 });
    const sessionB = createModelSession({ repository: tabB.repo, modelId: 'm', saveCount: 1 });
    const autosaveB = createAutosave({ save: sessionB.save, delayMs: 10 });
    cleanup.push(() => autosaveB.dispose());

    await sessionA.save(makeModel({ id: 'm', name: 'From A' }));
    autosaveB.schedule(makeModel({ id: 'm', name: 'From B' }));
    const error = await autosaveB.flush().catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'conflict' });
    expect(autosaveB.getStatus()).toMatchObject({ state: 'error', error: { kind: 'conflict' } });
    const stored = await tabB.repo.loadModel('m');
    expect(stored.ok && stored.model.name).toBe('From A');

    // "Reload it": B adopts the stored count, and its next save goes through.
    sessionB.adopt(stored.ok ? stored.saveCount : -1);
    await sessionB.save(makeModel({ id: 'm', name: 'From B after reload' }));
    expect(sessionB.getSaveCount()).toBe(3);
  });

  it('ignores announcements it has already seen and refuses to save another model', async () => {
    const name = newDbName();
    const tabA = openTab(name, 'a');
    const onRemoteChange = vi.fn();
    const session = createModelSession({
      repository: tabA.repo,
      coordinator: tabA.coordinator,
      modelId: 'm',
      saveCount: 5,
      onRemoteChange,
    });
    cleanup.push(() => session.close());
    const raw = new BroadcastChannel('rampart');
    raw.postMessage({ type: 'saved', modelId: 'm', saveCount: 5, tabId: 'z' });
    raw.postMessage({ type: 'saved', modelId: 'm', saveCount: 4, tabId: 'z' });
    raw.postMessage({ type: 'saved', modelId: 'm', saveCount: 6, tabId: 'z' });
    await new Promise((r) => setTimeout(r, 30));
    raw.close();

    expect(onRemoteChange).toHaveBeenCalledTimes(1);
    expect(onRemoteChange).toHaveBeenCalledWith(expect.objectContaining({ saveCount: 6 }));
    await expect(session.save(makeModel({ id: 'other' }))).rejects.toThrow(/cannot save/);
  });
});
