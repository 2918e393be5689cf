/**
 * The analysis state that lives next to the engine: the incremental analyzer built for the model's rule-pack
 * settings. The worker and the main-thread fallback both run requests through a session, so both give the same
 * results for the same sequence of requests.
 *
 * Invariant: `update` is only used when the analyzer has seen the previous request's model and the rule-pack
 * settings are unchanged; any doubt (first request, new settings, an earlier failure) means a full analysis.
 */
import type { Analysis } from '../model/findings';
import type { ThreatModel } from '../model/types';
import { createAnalyzer } from '../rules/incremental';
import { getEnabledPacks } from '../rules/packs/index';
import { diffAnalysis, fullDelta } from './delta';
import type { AnalysisResponse, AnalyzeRequest } from './protocol';
import { describeError } from './protocol';
import { applyModelPatch } from './patch';

type Analyzer = ReturnType<typeof createAnalyzer>;

export interface SessionRun {
  analysis: Analysis;
  /** True when everything was analysed afresh, so no entry is an object of the previous analysis. */
  full: boolean;
}

export interface AnalysisSession {
  /** Analyses `model`; `changed` are the ids changed since the previous call, `null` forces a full analysis. */
  run(model: ThreatModel, changed: readonly string[] | null): SessionRun;
}

export function createAnalysisSession(): AnalysisSession {
  let analyzer: Analyzer | null = null;
  let packsKey = '';

  return {
    run(model, changed) {
      // Rule settings arrive by structured clone, so identity cannot tell whether they changed: compare content.
      const key = JSON.stringify(model.rulePacks);
      try {
        if (analyzer === null || key !== packsKey) {
          analyzer = createAnalyzer(getEnabledPacks(model));
          packsKey = key;
          return { analysis: analyzer.full(model), full: true };
        }
        if (changed === null) return { analysis: analyzer.full(model), full: true };
        return { analysis: analyzer.update(model, new Set(changed)), full: false };
      } catch (error) {
        // The analyzer may hold half-updated state: start afresh with the next request.
        analyzer = null;
        throw error;
      }
    },
  };
}

/** A session that answers protocol requests, sending each analysis as a change to the previous reply. */
export interface ReplySession {
  answer(request: AnalyzeRequest): AnalysisResponse;
}

/**
 * Invariants: a delta is sent only when the client says it holds the analysis of the previous reply (`base`),
 * and when the analyzer worked incrementally; otherwise the reply is full. A patch is applied only to the model
 * of the request it names; for any other it answers `resync` and forgets its model, so the next request must
 * bring a whole one.
 */
export function createReplySession(): ReplySession {
  const session = createAnalysisSession();
  let previous: { seq: number; analysis: Analysis } | null = null;
  let document: { seq: number; model: ThreatModel } | null = null;

  function modelOf(request: AnalyzeRequest): ThreatModel | null {
    if (request.model) return request.model;
    const patch = request.patch;
    if (!patch || document === null || document.seq !== patch.base) return null;
    try {
      return applyModelPatch(document.model, patch);
    } catch {
      return null;
    }
  }

  return {
    answer(request) {
      const { revision, seq, base } = request;
      const model = modelOf(request);
      if (model === null) {
        document = null;
        return { type: 'resync', revision, seq };
      }
      document = { seq, model };
      let result: SessionRun;
      try {
        result = session.run(model, request.changed);
      } catch (error) {
        previous = null;
        return { type: 'error', revision, seq, message: describeError(error) };
      }
      const delta =
        !result.full && previous !== null && previous.seq === base ? diffAnalysis(previous.analysis, result.analysis) : fullDelta(result.analysis);
      previous = { seq, analysis: result.analysis };
      return { type: 'result', revision, seq, base: delta.full ? null : base, delta };
    },
  };
}
