import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachLifecycleFlush, createAutosave, type AutosaveStatus } from '../../src/persistence/autosave';
import { PersistenceError } from '../../src/persistence/errors';

/** A save function the test controls: it records calls, overlap, and settles when told to. */
function controlledSave() {
  const calls: string[] = [];
  const waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let active = 0;
  let maxActive = 0;
  const save = vi.fn((model: string) => {
    calls.push(model);
    active++;
    maxActive = Math.max(maxActive, active);
    return new Promise<void>((resolve, reject) => {
      waiting.push({
        resolve: () => {
          active--;
          resolve();
        },
        reject: (e) => {
          active--;
          reject(e);
        },
      });
    });
  });
  return {
    save,
    calls,
    get maxActive() {
      return maxActive;
    },
    /** Settles the oldest unsettled save, then lets its continuation run. */
    async resolveNext() {
      waiting.shift()?.resolve();
      await vi.advanceTimersByTimeAsync(0);
    },
    async rejectNext(error: unknown) {
      waiting.shift()?.reject(error);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

/** A save that always succeeds at once. */
function instantSave() {
  const calls: string[] = [];
  const save = vi.fn(async (model: string) => {
    calls.push(model);
  });
  return { save, calls };
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_700_000_000_000);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('debounce and coalescing', () => {
  it('waits for the quiet period and writes only the newest model', async () => {
    const { save, calls } = instantSave();
    const autosave = createAutosave<string>({ save, delayMs: 300 });

    autosave.schedule('v1');
    await vi.advanceTimersByTimeAsync(200);
    autosave.schedule('v2');
    await vi.advanceTimersByTimeAsync(200);
    autosave.schedule('v3');
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toEqual([]);
    expect(autosave.getStatus().state).toBe('pending');

    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['v3']);
    expect(autosave.getStatus()).toEqual({ state: 'saved', lastSavedAt: Date.now() });
  });

  it('walks the status through idle, pending, saving and saved', async () => {
    const ctl = controlledSave();
    const autosave = createAutosave<string>({ save: ctl.save, delayMs: 100 });
    const seen: AutosaveStatus['state'][] = [];
    autosave.subscribe((s) => seen.push(s.state));
    expect(autosave.getStatus()).toEqual({ state: 'idle' });

    autosave.schedule('v1');
    await vi.advanceTimersByTimeAsync(100);
    expect(autosave.getStatus().state).toBe('saving');
    await ctl.resolveNext();

    expect(seen).toEqual(['pending', 'saving', 'saved']);
  });

  it('never runs two saves at once and writes only the newest model queued during a save', async () => {
    const ctl = controlledSave();
    const autosave = createAutosave<string>({ save: ctl.save, delayMs: 100 });

    autosave.schedule('a');
    await vi.advanceTimersByTimeAsync(100);
    expect(ctl.calls).toEqual(['a']);
    autosave.schedule('b');
    autosave.schedule('c');
    await vi.advanceTimersByTimeAsync(500);
    expect(ctl.calls).toEqual(['a']);
    expect(autosave.getStatus().state).toBe('saving');

    await ctl.resolveNext();
    expect(ctl.calls).toEqual(['a', 'c']);
    await ctl.resolveNext();

    expect(ctl.maxActive).toBe(1);
    expect(autosave.getStatus().state).toBe('saved');
  });

  it('keeps debouncing a model scheduled during a save that finishes first', async () => {
    const ctl = controlledSave();
    const autosave = createAutosave<string>({ save: ctl.save, delayMs: 100 });
    autosave.schedule('a');
    await vi.advanceTimersByTimeAsync(100);
    autosave.schedule('b');
    await ctl.resolveNext();

    expect(ctl.calls).toEqual(['a']);
    expect(autosave.getStatus().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(100);
    expect(ctl.calls).toEqual(['a', 'b']);
  });
});

describe('flush', () => {
  it('saves at once without waiting for the debounce', async () => {
    const { save, calls } = instantSave();
    const autosave = createAutosave<string>({ save, delayMs: 10_000 });
    autosave.schedule('v1');

    await autosave.flush();

    expect(calls).toEqual(['v1']);
    expect(autosave.getStatus().state).toBe('saved');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toEqual(['v1']);
  });

  it('resolves only once the newest model is stored, even with a save in flight', async () => {
    const ctl = controlledSave();
    const autosave = createAutosave<string>({ save: ctl.save, delayMs: 100 });
    autosave.schedule('a');
    await vi.advanceTimersByTimeAsync(100);
    autosave.schedule('b');

    let flushed = false;
    const flushing = autosave.flush().then(() => {
      flushed = true;
    });
    await ctl.resolveNext();
    expect(ctl.calls).toEqual(['a', 'b']);
    expect(flushed).toBe(false);
    await ctl.resolveNext();
    await flushing;

    expect(flushed).toBe(true);
    expect(ctl.maxActive).toBe(1);
  });

  it('resolves at once when nothing is pending', async () => {
    const { save } = instantSave();
    const autosave = createAutosave<string>({ save });
    await autosave.flush();
    expect(save).not.toHaveBeenCalled();
    expect(autosave.getStatus().state).toBe('idle');
  });
});

describe('errors', () => {
  it('keeps the model pending after a failure and retries on the next flush', async () => {
    const ctl = controlledSave();
    const autosave = createAutosave<string>({ save: ctl.save, delayMs: 100 });
    autosave.schedule('v1');
    await vi.advanceTimersByTimeAsync(100);
    await ctl.rejectNext(new Error('disk on fire'));

    expect(autosave.getStatus()).toEqual({ state: 'error', error: { kind: 'unknown', message: 'disk on fire' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ctl.calls).toEqual(['v1']);

    const flushing = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(ctl.calls).toEqual(['v1', 'v1']);
    await ctl.resolveNext();
    await flushing;
    expect(autosave.getStatus()).toEqual({ state: 'saved', lastSavedAt: Date.now() });
  });

  it('retries with the newest model when the analyst keeps editing', async () => {
    const ctl = controlledSave();
    const autosave = createAutosave<string>({ save: ctl.save, delayMs: 100 });
    autosave.schedule('v1');
    await vi.advanceTimersByTimeAsync(100);
    await ctl.rejectNext(new Error('transient'));

    autosave.schedule('v2');
    expect(autosave.getStatus().state).toBe('error');
    await vi.advanceTimersByTimeAsync(100);
    await ctl.resolveNext();

    expect(ctl.calls).toEqual(['v1', 'v2']);
    expect(autosave.getStatus().state).toBe('saved');
  });

  it('reports a full disk as kind quota and rejects the flush with it', async () => {
    const save = vi.fn(async () => {
      throw quota();
    });
    const autosave = createAutosave<string>({ save });
    autosave.schedule('v1');

    const error = await autosave.flush().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PersistenceError);
    expect((error as PersistenceError).kind).toBe('quota');
    expect(autosave.getStatus()).toMatchObject({ state: 'error', error: { kind: 'quota' } });
  });
});

describe('revisions', () => {
  it('adds at most one revision per interval of editing', async () => {
    const { save } = instantSave();
    const revisions: string[] = [];
    const autosave = createAutosave<string>({
      save,
      delayMs: 100,
      revisionEveryMs: 1_000,
      addRevision: async (m) => {
        revisions.push(m);
      },
    });

    for (let i = 1; i <= 25; i++) {
      autosave.schedule(`v${i}`);
      await vi.advanceTimersByTimeAsync(200);
    }

    // 25 saves over 5 s of editing: a revision once 1 s has passed since the first edit, then each 1 s.
    expect(save).toHaveBeenCalledTimes(25);
    expect(revisions.length).toBeGreaterThanOrEqual(4);
    expect(revisions.length).toBeLessThanOrEqual(5);
    expect(new Set(revisions).size).toBe(revisions.length);
  });

  it('adds one on flush when asked, and none when nothing changed since', async () => {
    const { save } = instantSave();
    const addRevision = vi.fn(async (_m: string) => undefined);
    const autosave = createAutosave<string>({ save, addRevision, revisionEveryMs: 60_000 });

    autosave.schedule('v1');
    await autosave.flush();
    expect(addRevision).not.toHaveBeenCalled();

    autosave.schedule('v2');
    await autosave.flush({ revision: true });
    expect(addRevision).toHaveBeenCalledTimes(1);
    expect(addRevision).toHaveBeenLastCalledWith('v2');

    await autosave.flush({ revision: true });
    expect(addRevision).toHaveBeenCalledTimes(1);
  });

  it('never overlaps a revision with a save', async () => {
    let active = 0;
    let maxActive = 0;
    const busy = async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 50));
      active--;
    };
    const autosave = createAutosave<string>({ save: busy, addRevision: busy, delayMs: 10, revisionEveryMs: 0 });
    for (let i = 0; i < 10; i++) {
      autosave.schedule(`v${i}`);
      await vi.advanceTimersByTimeAsync(15);
    }
    const flushing = autosave.flush({ revision: true });
    await vi.advanceTimersByTimeAsync(2_000);
    await flushing;
    expect(maxActive).toBe(1);
  });
});

describe('lifecycle', () => {
  it('flushes on pagehide and on visibilitychange to hidden, until detached', async () => {
    const { save, calls } = instantSave();
    const autosave = createAutosave<string>({ save, delayMs: 10_000 });
    const page = new EventTarget() as EventTarget & { document: { visibilityState: string } };
    page.document = { visibilityState: 'visible' };
    const detach = attachLifecycleFlush(autosave, page);

    autosave.schedule('v1');
    page.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([]);

    page.document.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['v1']);

    autosave.schedule('v2');
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['v1', 'v2']);

    detach();
    autosave.schedule('v3');
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['v1', 'v2']);
  });

  it('swallows a failed lifecycle flush (the status shows it)', async () => {
    const autosave = createAutosave<string>({
      save: async () => {
        throw quota();
      },
    });
    const page = new EventTarget();
    attachLifecycleFlush(autosave, page);
    autosave.schedule('v1');
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getStatus().error?.kind).toBe('quota');
  });

  it('drops pending work and listeners on dispose', async () => {
    const { save } = instantSave();
    const autosave = createAutosave<string>({ save, delayMs: 100 });
    const listener = vi.fn();
    autosave.subscribe(listener);
    autosave.schedule('v1');
    listener.mockClear();

    autosave.dispose();
    await vi.advanceTimersByTimeAsync(1_000);
    autosave.schedule('v2');
    await autosave.flush();

    expect(save).not.toHaveBeenCalled();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling an unsubscribed listener', async () => {
    const { save } = instantSave();
    const autosave = createAutosave<string>({ save, delayMs: 100 });
    const listener = vi.fn();
    const off = autosave.subscribe(listener);
    autosave.schedule('v1');
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    await autosave.flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
