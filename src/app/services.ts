/**
 * App-wide singletons: the database, the model repository and the tab coordinator. Created on first use (not at
 * import time) so a module that only needs types never opens IndexedDB, and exactly once per page.
 */
import { newId } from '../model/ids';
import { createDb, type ConnectionEvent, type RampartDb } from '../persistence/db';
import { createRepository, type Repository } from '../persistence/repository';
import { createTabCoordinator, type TabCoordinator } from '../persistence/tabs';

export interface AppServices {
  db: RampartDb;
  repository: Repository;
  coordinator: TabCoordinator;
}

let services: AppServices | null = null;

export function getServices(): AppServices {
  if (!services) {
    const db = createDb();
    services = { db, repository: createRepository(db), coordinator: createTabCoordinator(newId()) };
  }
  return services;
}

/** Database connection trouble as visible app state (DESIGN.md §7: blocked upgrades get a way out). */
export type ConnectionProblem = ConnectionEvent['type'] | null;

let connectionProblem: ConnectionProblem = null;
const connectionListeners = new Set<() => void>();
let connectionWatched = false;

function watchConnection(): void {
  if (connectionWatched) return;
  connectionWatched = true;
  getServices().db.onConnectionEvent((event) => {
    connectionProblem = event.type;
    for (const listener of [...connectionListeners]) listener();
  });
}

export function subscribeConnectionProblem(listener: () => void): () => void {
  watchConnection();
  connectionListeners.add(listener);
  return () => {
    connectionListeners.delete(listener);
  };
}

export function getConnectionProblem(): ConnectionProblem {
  return connectionProblem;
}

export function clearConnectionProblem(): void {
  connectionProblem = null;
  for (const listener of [...connectionListeners]) listener();
}
