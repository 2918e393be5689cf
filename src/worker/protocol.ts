/**
 * The typed message protocol between the analysis client (main thread) and the analysis worker (DESIGN.md §5).
 *
 * Every request carries the document revision and every reply echoes it, so the client can drop replies that a
 * newer request has superseded. Structured clone loses object identity, so the worker cannot diff documents by
 * identity: the client sends the ids that changed since the previous request (`null` asks for a full analysis).
 */
import type { Analysis } from '../model/findings';
import type { ThreatModel } from '../model/types';

/** Analyse `model`. `changed` lists the ids that changed since the previous request; `null` = full analysis. */
export interface AnalyzeRequest {
  type: 'analyze';
  revision: number;
  model: ThreatModel;
  changed: string[] | null;
}

/** Every message the client sends to the worker. */
export type AnalysisRequest = AnalyzeRequest;

/** The analysis of the document at `revision`. */
export interface AnalysisResultResponse {
  type: 'result';
  revision: number;
  analysis: Analysis;
}

/** The analysis of `revision` failed; `message` is one line for the status bar, never a stack trace. */
export interface AnalysisErrorResponse {
  type: 'error';
  revision: number;
  message: string;
}

/** Every message the worker sends to the client. */
export type AnalysisResponse = AnalysisResultResponse | AnalysisErrorResponse;

/** Whether a message received from a worker has the shape of a response (the worker is ours, but a stray
 * message from a browser extension or a broken build must not be taken for a result). */
export function isAnalysisResponse(value: unknown): value is AnalysisResponse {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<Record<keyof AnalysisResultResponse | 'message', unknown>>;
  if (typeof message.revision !== 'number') return false;
  if (message.type === 'result') return typeof message.analysis === 'object' && message.analysis !== null;
  if (message.type === 'error') return typeof message.message === 'string';
  return false;
}

/** One line describing a thrown value, for an error response. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] || 'analysis failed';
}
