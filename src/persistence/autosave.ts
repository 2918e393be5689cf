/**
 * Debounced autosave (DESIGN.md §7): nothing the analyst did is lost beyond the last debounce interval.
 *
 * Invariants:
 * - One save at a time. A model scheduled while a save runs waits, and only the newest one waiting is written
 *   (older ones are superseded, never written out of order).
 * - A failed save keeps its model pending (unless a newer one arrived) and the status says why; the next
 *   `schedule` or `flush` retries. Nothing retries on its own, so a full disk does not spin.
 * - `flush()` resolves once the newest scheduled model is stored, and rejects with a `PersistenceError` if that
 *   fails.
 * - Revisions ride along with saves: at most one every `revisionEveryMs` of editing, plus one on
 *   `flush({ revision: true })` when something was saved since the last revision. They never run concurrently
 *   with a save.
 *
 * One autosave serves one open model: when the app opens another, it flushes and disposes this one.
 */
import type { ThreatModel } from '../model/types';
import { describeError, type PersistenceErrorData, toPersistenceError } from './errors';

export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveStatus {
  state: AutosaveState;
  /** Epoch ms of the last successful save. */
  lastSavedAt?: number;
  /** Present in the `error` state. */
  error?: PersistenceErrorData;
}

export type AutosaveListener = (status: AutosaveStatus) => void;

export interface AutosaveOptions<M> {
  /** Writes one model; throws (anything) on failure. Usually `repository.saveModel` with the expected count. */
  save: (model: M) => Promise<void>;
  delayMs?: number;
  revisionEveryMs?: number;
  addRevision?: (model: M) => Promise<unknown>;
  /** Clock in epoch ms; defaults to Date.now (fake timers replace it too). */
  now?: () => number;
}

export interface FlushOptions {
  /** Also store a revision of the newest saved model if none was taken since it was saved. */
  revision?: boolean;
}

export interface Autosave<M = ThreatModel> {
  /** Call after every document change; the newest model wins. */
  schedule(model: M): void;
  flush(options?: FlushOptions): Promise<void>;
  /** The current status; the same object until it changes (fits React's useSyncExternalStore). */
  getStatus(): AutosaveStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribe(listener: AutosaveListener): () => void;
  /** Stops timers and listeners; anything still pending is dropped, so flush first. */
  dispose(): void;
}

interface Box<M> {
  model: M;
}

/** The outcome of one run of the save loop; `failed` carries what was thrown. */
type RunOutcome = { failed: false } | { failed: true; error: unknown };

export function createAutosave<M = ThreatModel>(options: AutosaveOptions<M>): Autosave<M> {
  const { save, addRevision } = options;
  const delayMs = options.delayMs ?? 300;
  const revisionEveryMs = options.revisionEveryMs ?? 60_000;
  const now = options.now ?? (() => Date.now());

  let status: AutosaveStatus = { state: 'idle' };
  const listeners = new Set<AutosaveListener>();
  let pending: Box<M> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let run: Promise<RunOutcome> | null = null;
  let flushing = 0;
  let disposed = false;
  let lastSavedAt: number | undefined;
  /** Start of the current revision interval: the first edit, then each revision. */
  let revisionClock: number | undefined;
  /** The newest saved model not yet captured in a revision. */
  let unrevisioned: Box<M> | null = null;
  let revisionRequested = false;

  function setStatus(next: AutosaveStatus): void {
    if (
      next.state === status.state &&
      next.lastSavedAt === status.lastSavedAt &&
      next.error?.kind === status.error?.kind &&
      next.error?.message === status.error?.message
    ) {
      return;
    }
    status = next;
    for (const listener of [...listeners]) {
      try {
        listener(status);
      } catch {
        // A broken listener must not stop saving.
      }
    }
  }

  function withSaved(state: AutosaveState): AutosaveStatus {
    return lastSavedAt === undefined ? { state } : { state, lastSavedAt };
  }

  function fail(error: unknown): RunOutcome {
    setStatus({ ...withSaved('error'), error: describeError(error) });
    return { failed: true, error };
  }

  function clearTimer(): void {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  }

  function revisionDue(): boolean {
    if (revisionRequested) return true;
    return revisionClock !== undefined && now() - revisionClock >= revisionEveryMs;
  }

  async function loop(): Promise<RunOutcome> {
    while (!disposed) {
      // A pending model waits for its debounce unless a flush is in progress.
      if (pending && (timer === undefined || flushing > 0)) {
        clearTimer();
        const box = pending;
        pending = null;
        setStatus(withSaved('saving'));
        try {
          await save(box.model);
        } catch (error) {
          pending ??= box;
          return fail(error);
        }
        lastSavedAt = now();
        unrevisioned = box;
        continue;
      }
      if (addRevision && unrevisioned && revisionDue()) {
        const box = unrevisioned;
        try {
          await addRevision(box.model);
        } catch (error) {
          return fail(error);
        }
        if (unrevisioned === box) unrevisioned = null;
        revisionRequested = false;
        revisionClock = now();
        continue;
      }
      break;
    }
    if (!disposed) setStatus(withSaved(pending ? 'pending' : lastSavedAt === undefined ? 'idle' : 'saved'));
    return { failed: false };
  }

  /** Starts the save loop, or joins the one already running. */
  function kick(): Promise<RunOutcome> {
    if (!run) {
      run = loop().finally(() => {
        run = null;
      });
    }
    return run;
  }

  return {
    schedule(model) {
      if (disposed) return;
      pending = { model };
      revisionClock ??= now();
      clearTimer();
      timer = setTimeout(() => {
        timer = undefined;
        void kick();
      }, delayMs);
      // After an error the status keeps saying why until the retry actually starts.
      if (status.state !== 'saving' && status.state !== 'error') setStatus(withSaved('pending'));
    },

    async flush(flushOptions = {}) {
      if (disposed) return;
      if (flushOptions.revision) revisionRequested = true;
      flushing++;
      try {
        for (;;) {
          const outcome = await kick();
          if (outcome.failed) throw toPersistenceError(outcome.error);
          if (disposed) return;
          const revisionOwed = addRevision !== undefined && revisionRequested && unrevisioned !== null;
          if (!pending && !revisionOwed) return;
        }
      } finally {
        flushing--;
        // Nothing to capture: a revision request must not linger into later, unrelated saves.
        if (flushing === 0 && unrevisioned === null) revisionRequested = false;
      }
    },

    getStatus: () => status,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    dispose() {
      disposed = true;
      clearTimer();
      pending = null;
      listeners.clear();
    },
  };
}

/**
 * Flushes the autosave when the page is hidden or unloaded (`pagehide`, and `visibilitychange` to hidden: the
 * last events a mobile browser reliably delivers before it kills a tab). Pass `window`: `visibilitychange`
 * bubbles from the document to it. Returns the detach function. A failed flush is not rethrown: the autosave's
 * status already shows it.
 */
export function attachLifecycleFlush(autosave: Pick<Autosave<unknown>, 'flush'>, target: EventTarget): () => void {
  const flush = (): void => {
    autosave.flush().catch(() => undefined);
  };
  const onVisibilityChange = (): void => {
    if (isHidden(target)) flush();
  };
  target.addEventListener('pagehide', flush);
  target.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    target.removeEventListener('pagehide', flush);
    target.removeEventListener('visibilitychange', onVisibilityChange);
  };
}

/** True when the target (a Window or a Document) reports hidden; unknown counts as hidden, since flushing is safe. */
function isHidden(target: EventTarget): boolean {
  const withState = target as { visibilityState?: unknown; document?: { visibilityState?: unknown } };
  const state = withState.visibilityState ?? withState.document?.visibilityState;
  return state === undefined || state === 'hidden';
}
