/** Test factories for persistence: complete, valid models and a fresh database per test. */
import 'fake-indexeddb/auto';
import type { ThreatModel } from '../../src/model/types';
import { createDb, type RampartDb } from '../../src/persistence/db';
import { createRepository, type Repository, type RepositoryOptions } from '../../src/persistence/repository';

export const CREATED = '2025-01-02T03:04:05.000Z';

let dbCounter = 0;

/** A database name no other test uses, so tests never see each other's records. */
export function freshDbName(): string {
  dbCounter += 1;
  return `rampart-test-${process.pid}-${dbCounter}-${Math.random().toString(36).slice(2)}`;
}

export function makeModel(init: { id: string; name?: string; elements?: number }): ThreatModel {
  const diagramId = `${init.id}-main`;
  return {
    id: init.id,
    name: init.name ?? `Model ${init.id}`,
    description: '',
    owner: '',
    createdAt: CREATED,
    updatedAt: CREATED,
    diagrams: [{ id: diagramId, name: 'Main' }],
    elements: Array.from({ length: init.elements ?? 0 }, (_, i) => ({
      id: `${init.id}-el-${i}`,
      diagramId,
      kind: 'process' as const,
      type: 'process',
      name: `Process ${i}`,
      description: '',
      boundaryId: null,
      position: { x: i * 200, y: 100 },
      props: {},
    })),
    boundaries: [],
    flows: [],
    notes: [],
    triage: {},
    manualThreats: [],
    rulePacks: { enabled: ['stride'], disabledRules: [], custom: [] },
  };
}

/** A clock the test moves by hand, so ordering by time is deterministic. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => number } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => (t += ms),
  };
}

export interface Setup {
  db: RampartDb;
  repo: Repository;
  clock: ReturnType<typeof manualClock>;
  name: string;
}

export function setup(options: Omit<RepositoryOptions, 'now'> = {}): Setup {
  const name = freshDbName();
  const db = createDb(name);
  const clock = manualClock();
  // Each write advances the clock a little so "most recent" is never a tie.
  const repo = createRepository(db, { ...options, now: () => clock.advance(1) });
  return { db, repo, clock, name };
}
