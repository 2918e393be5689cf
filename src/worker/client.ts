/**
 * The main-thread side of analysis (DESIGN.md §5): sends documents to the analysis worker and hands back results.
 *
 * - At most one request is in flight. Requests made meanwhile are merged into one queued request (their changed
 *   ids are united), and every request superseded by a newer one resolves `null`: replies older than the latest
 *   request are dropped.
 * - If the worker cannot start (the constructor throws, or it reports an error), the same engine session runs on
 *   the main thread behind the same API, one analysis per macrotask so the UI is never blocked for longer.
 * - The worker replies with what changed since the analysis the client holds (protocol.ts); the client keeps
 *   that analysis and applies each reply to it, superseded replies included, so it stays the worker's base.
 * - The document goes the same way: as a patch to the model of the previous request (patch.ts), whole for the
 *   first request and whenever the worker answers that it does not hold that model (`resync`).
 */
import type { Analysis } from '../model/findings';
import type { ThreatModel } from '../model/types';
import { applyDelta } from './delta';
import type { AnalysisRequest } from './protocol';
import { describeError, isAnalysisResponse } from './protocol';
import { diffModel } from './patch';
import { createAnalysisSession, type AnalysisSession } from './session';

/** What the client needs of a Worker; tests inject a fake. */
export interface WorkerLike {
  postMessage(message: AnalysisRequest): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

export interface AnalysisClientOptions {
  /** Creates the worker; by default the module worker `analysis.worker.ts`. May throw: the client falls back. */
  createWorker?: () => WorkerLike;
}

export type AnalysisMode = 'worker' | 'main-thread' | 'disposed';

export interface AnalysisClient {
  /**
   * Analyses `model` at `revision`. `changed` are the ids changed since the previous call (from `changedIds`),
   * or `null` for a full analysis. Resolves `null` when a newer call superseded this one; rejects with the
   * engine's error message when the analysis itself failed.
   */
  analyze(model: ThreatModel, revision: number, changed: Iterable<string> | null): Promise<Analysis | null>;
  /** Where analyses run now: in the worker, on the main thread (fallback), or nowhere (disposed). */
  getMode(): AnalysisMode;
  /** Stops the worker; pending and later calls resolve `null`. */
  dispose(): void;
}

interface Pending {
  seq: number;
  revision: number;
  model: ThreatModel;
  changed: string[] | null;
  resolve: (analysis: Analysis | null) => void;
  reject: (error: Error) => void;
}

/** The outcome of one request: its analysis, or the engine's one-line error. */
type Outcome = { analysis: Analysis } | { error: string };

function createDefaultWorker(): WorkerLike {
  // Written out in full here so Vite recognises it and bundles the worker as its own module chunk.
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
}

function mergeChanged(older: string[] | null, newer: string[] | null): string[] | null {
  if (older === null || newer === null) return null;
  return [...new Set([...older, ...newer])];
}

export function createAnalysisClient(options: AnalysisClientOptions = {}): AnalysisClient {
  let mode: AnalysisMode = 'worker';
  let worker: WorkerLike | null = null;
  let mainSession: AnalysisSession | null = null;
  let inFlight: Pending | null = null;
  let queued: Pending | null = null;
  let latestSeq = 0;
  /** The analysis of the worker's last reply, which its next delta applies to. */
  let held: { seq: number; analysis: Analysis } | null = null;
  /** The model of the last request posted, which the next one is sent as a patch to. */
  let sent: { seq: number; model: ThreatModel } | null = null;

  function finish(pending: Pending, outcome: Outcome): void {
    if (pending.seq < latestSeq) pending.resolve(null);
    else if ('analysis' in outcome) pending.resolve(outcome.analysis);
    else pending.reject(new Error(outcome.error));
  }

  function post(request: Pending, base: number | null, changed: string[] | null): void {
    if (!worker) return;
    const patch = sent !== null ? diffModel(sent.model, request.model, sent.seq) : null;
    sent = null; // until the post succeeds, the worker's model is unknown
    worker.postMessage({ type: 'analyze', revision: request.revision, seq: request.seq, base, model: patch ? null : request.model, patch, changed });
    sent = { seq: request.seq, model: request.model };
  }

  function pump(): void {
    if (inFlight !== null || queued === null || mode === 'disposed') return;
    const request = queued;
    queued = null;
    inFlight = request;
    if (mode === 'worker' && worker !== null) {
      try {
        post(request, held?.seq ?? null, request.changed);
      } catch (error) {
        // A document that cannot be cloned would fail the same way every time: report it, keep the worker.
        inFlight = null;
        finish(request, { error: describeError(error) });
        pump();
      }
      return;
    }
    setTimeout(() => runOnMainThread(request), 0);
  }

  function runOnMainThread(request: Pending): void {
    if (inFlight !== request) return; // disposed meanwhile
    mainSession ??= createAnalysisSession();
    let outcome: Outcome;
    try {
      outcome = { analysis: mainSession.run(request.model, request.changed).analysis };
    } catch (error) {
      outcome = { error: describeError(error) };
    }
    inFlight = null;
    finish(request, outcome);
    pump();
  }

  function fallBackToMainThread(): void {
    if (mode !== 'worker') return;
    mode = 'main-thread';
    try {
      worker?.terminate();
    } catch {
      // the worker is being abandoned either way
    }
    worker = null;
    held = null;
    // The main-thread session starts empty, so whatever was in flight is redone as a full analysis.
    const lost = inFlight;
    inFlight = null;
    if (lost !== null) {
      if (queued === null) queued = { ...lost, changed: null };
      else {
        lost.resolve(null);
        queued.changed = null;
      }
    }
    pump();
  }

  function onMessage(event: Event): void {
    const data: unknown = (event as MessageEvent<unknown>).data;
    if (mode !== 'worker' || inFlight === null || !isAnalysisResponse(data) || data.seq !== inFlight.seq) return;
    const request = inFlight;
    let outcome: Outcome;
    if (data.type === 'error') {
      outcome = { error: data.message };
    } else if (data.type === 'result' && (data.delta.full || (held !== null && data.base === held.seq))) {
      held = { seq: data.seq, analysis: applyDelta(held?.analysis ?? null, data.delta) };
      outcome = { analysis: held.analysis };
    } else {
      // The worker lost the model this request was patched against (`resync`), or sent a change to an analysis
      // this client does not hold (cannot happen with one request in flight, but a wrong result would be worse
      // than a slow one): send the model whole and ask for everything.
      sent = null;
      held = null;
      try {
        post(request, null, null);
        return;
      } catch (error) {
        outcome = { error: describeError(error) };
      }
    }
    inFlight = null;
    finish(request, outcome);
    pump();
  }

  try {
    worker = (options.createWorker ?? createDefaultWorker)();
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', fallBackToMainThread);
    worker.addEventListener('messageerror', fallBackToMainThread);
  } catch {
    worker = null;
    mode = 'main-thread';
  }

  return {
    analyze(model, revision, changed) {
      if (mode === 'disposed') return Promise.resolve(null);
      return new Promise<Analysis | null>((resolve, reject) => {
        const seq = ++latestSeq;
        const ids = changed === null ? null : [...changed];
        if (queued !== null) {
          queued.resolve(null);
          queued = { seq, revision, model, changed: mergeChanged(queued.changed, ids), resolve, reject };
        } else {
          queued = { seq, revision, model, changed: ids, resolve, reject };
        }
        pump();
      });
    },
    getMode: () => mode,
    dispose() {
      if (mode === 'disposed') return;
      mode = 'disposed';
      try {
        worker?.terminate();
      } catch {
        // nothing left to do with a worker that will not stop
      }
      worker = null;
      inFlight?.resolve(null);
      queued?.resolve(null);
      inFlight = null;
      queued = null;
    },
  };
}
