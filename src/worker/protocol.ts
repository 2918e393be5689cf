/**
 * The typed message protocol between the analysis client (main thread) and the analysis worker (DESIGN.md §5).
 *
 * Every request carries the document revision and every reply echoes it, so the client can drop replies that a
 * newer request has superseded. Structured clone loses object identity, so the worker cannot diff documents by
 * identity: the client sends the ids that changed since the previous request (`null` asks for a full analysis).
 *
 * Replies carry what changed, not the whole analysis: on a large model every finding cloned on every edit costs
 * far more than the analysis itself. Each request has a sequence number and names the sequence number of the
 * analysis the client holds (`base`); the worker diffs against its previous reply only when that is the same one,
 * and otherwise sends everything (`full: true`).
 *
 * Requests carry the document the same way: as a patch to the model of an earlier request (patch.ts) when the
 * worker holds it, whole otherwise. A worker that does not hold a patch's base answers `resync`, and the client
 * sends the whole model again.
 */
import type { Finding, MitigatedByDesign, RuleProblem } from '../model/findings';
import type { ThreatModel } from '../model/types';
import type { ModelPatch } from './patch';

/**
 * Analyse the document: `model` whole, or `patch` applied to the model of request `patch.base`. `changed` lists
 * the ids that changed since the previous request; `null` = full analysis.
 */
export interface AnalyzeRequest {
  type: 'analyze';
  revision: number;
  /** Numbers this request; the reply echoes it, and a later request names it as its `base`. */
  seq: number;
  /** The `seq` of the analysis the client holds, which a delta reply will be applied to; null = none. */
  base: number | null;
  model: ThreatModel | null;
  patch: ModelPatch | null;
  changed: string[] | null;
}

/** Every message the client sends to the worker. */
export type AnalysisRequest = AnalyzeRequest;

/** The entries of a list that are new or different (by identity in the worker) and the ids that are gone. */
export interface ListDelta<T> {
  upserted: T[];
  removed: string[];
}

/**
 * An analysis as a change to the one the client holds. With `full: true` the `upserted` lists are the whole
 * lists, in order, and `removed` is empty. Problems are few and always sent whole.
 */
export interface AnalysisDelta {
  full: boolean;
  findings: ListDelta<Finding>;
  mitigated: ListDelta<MitigatedByDesign>;
  problems: RuleProblem[];
}

/** The analysis of the document at `revision`, as a change to the analysis of request `base`. */
export interface AnalysisResultResponse {
  type: 'result';
  revision: number;
  seq: number;
  /** The request whose analysis `delta` applies to; null when `delta.full`. */
  base: number | null;
  delta: AnalysisDelta;
}

/** The analysis of `revision` failed; `message` is one line for the status bar, never a stack trace. */
export interface AnalysisErrorResponse {
  type: 'error';
  revision: number;
  seq: number;
  message: string;
}

/** The worker does not hold the model request `seq` was patched against: send the whole model. */
export interface AnalysisResyncResponse {
  type: 'resync';
  revision: number;
  seq: number;
}

/** Every message the worker sends to the client. */
export type AnalysisResponse = AnalysisResultResponse | AnalysisErrorResponse | AnalysisResyncResponse;

/** Whether a message received from a worker has the shape of a response (the worker is ours, but a stray
 * message from a browser extension or a broken build must not be taken for a result). */
export function isAnalysisResponse(value: unknown): value is AnalysisResponse {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<Record<keyof AnalysisResultResponse | 'message', unknown>>;
  if (typeof message.revision !== 'number' || typeof message.seq !== 'number') return false;
  if (message.type === 'result') return isDelta(message.delta) && (message.base === null || typeof message.base === 'number');
  if (message.type === 'error') return typeof message.message === 'string';
  return message.type === 'resync';
}

function isDelta(value: unknown): value is AnalysisDelta {
  if (typeof value !== 'object' || value === null) return false;
  const delta = value as Partial<Record<keyof AnalysisDelta, unknown>>;
  return typeof delta.full === 'boolean' && isListDelta(delta.findings) && isListDelta(delta.mitigated) && Array.isArray(delta.problems);
}

function isListDelta(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const list = value as Partial<Record<keyof ListDelta<unknown>, unknown>>;
  return Array.isArray(list.upserted) && Array.isArray(list.removed);
}

/** One line describing a thrown value, for an error response. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] || 'analysis failed';
}
