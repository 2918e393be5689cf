import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, describeError, PersistenceError, toPersistenceError } from '../../src/persistence/errors';
import { makeModel, setup, type Setup } from './factory';

const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('toPersistenceError', () => {
  it('maps a bare QuotaExceededError to quota', () => {
    expect(describeError(quota())).toEqual({ kind: 'quota', message: 'The quota has been exceeded.' });
  });

  it('maps Dexie’s AbortError wrapping a QuotaExceededError to quota', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', quota());
    expect(wrapped.name).toBe('AbortError');
    expect(toPersistenceError(wrapped).kind).toBe('quota');
  });

  it('maps quota errors inside a cause chain or a bulk failure list', () => {
    expect(toPersistenceError(new Error('outer', { cause: quota() })).kind).toBe('quota');
    expect(toPersistenceError(new Dexie.BulkError('bulk', { 3: quota() })).kind).toBe('quota');
    expect(toPersistenceError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'ff' }).kind).toBe('quota');
  });

  it('maps a closed database or a version change to blocked', () => {
    expect(toPersistenceError(new Dexie.DatabaseClosedError('closed')).kind).toBe('blocked');
    expect(toPersistenceError(new Dexie.VersionChangeError('upgrade elsewhere')).kind).toBe('blocked');
  });

  it('keeps conflicts and classifies the rest as unknown', () => {
    const conflict = new ConflictError('m', 1, 2);
    expect(toPersistenceError(conflict)).toBe(conflict);
    expect(describeError(new TypeError('boom'))).toEqual({ kind: 'unknown', message: 'boom' });
    expect(describeError('weird')).toEqual({ kind: 'unknown', message: 'weird' });
    expect(describeError(undefined).kind).toBe('unknown');
  });

  it('survives a cyclic error chain', () => {
    const a: { name: string; inner?: unknown } = { name: 'Outer' };
    a.inner = { name: 'Inner', inner: a };
    expect(toPersistenceError(a).kind).toBe('unknown');
  });
});

describe('quota errors from IndexedDB reach the caller as data', () => {
  let s: Setup | undefined;
  afterEach(async () => {
    if (!s) return;
    s.db.close();
    await Dexie.delete(s.name);
    s = undefined;
  });

  it('turns a QuotaExceededError thrown inside a write into kind quota', async () => {
    s = setup();
    const { db, repo } = s;
    await repo.saveModel(makeModel({ id: 'm', name: 'Before' }));
    // A table hook runs inside the write transaction, where the browser would raise the quota error.
    const failWrite = (): never => {
      throw quota();
    };
    db.models.hook('creating', failWrite);
    db.models.hook('updating', failWrite);

    const onUpdate = await repo.saveModel(makeModel({ id: 'm', name: 'After' })).catch((e: unknown) => e);
    const onCreate = await repo.createModel(makeModel({ id: 'n' })).catch((e: unknown) => e);

    for (const error of [onUpdate, onCreate]) {
      expect(error).toBeInstanceOf(PersistenceError);
      expect((error as PersistenceError).kind).toBe('quota');
    }
    db.models.hook('creating').unsubscribe(failWrite);
    db.models.hook('updating').unsubscribe(failWrite);
    const stored = await repo.loadModel('m');
    expect(stored.ok && stored.model.name).toBe('Before');
    expect(stored.ok && stored.saveCount).toBe(1);
  });
});
