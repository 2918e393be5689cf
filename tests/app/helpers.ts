import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createDb, type RampartDb } from '../../src/persistence/db';
import { createRepository, type Repository } from '../../src/persistence/repository';

export interface TestDb {
  db: RampartDb;
  repository: Repository;
  close(): Promise<void>;
}

let counter = 0;

/** A fresh IndexedDB database per test, deleted afterwards. */
export function openTestDb(): TestDb {
  const name = `rampart-app-test-${process.pid}-${++counter}`;
  const db = createDb(name);
  return {
    db,
    repository: createRepository(db),
    async close() {
      db.close();
      await Dexie.delete(name);
    },
  };
}
