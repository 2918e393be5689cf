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

type Analyzer = ReturnType<typeof createAnalyzer>;

export interface AnalysisSession {
  /** Analyses `model`; `changed` are the ids changed since the previous call, `null` forces a full analysis. */
  run(model: ThreatModel, changed: readonly string[] | null): Analysis;
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
          return analyzer.full(model);
        }
        return changed === null ? analyzer.full(model) : analyzer.update(model, new Set(changed));
      } catch (error) {
        // The analyzer may hold half-updated state: start afresh with the next request.
        analyzer = null;
        throw error;
      }
    },
  };
}
