/**
 * The analysis engine (DESIGN.md §5): evaluates every enabled rule on every target of a model and returns
 * findings, "mitigated by design" entries and rule problems. Pure: the same model and packs always give the
 * same analysis, findings sorted by id.
 *
 * Which packs are enabled is the caller's business (`getEnabledPacks(model)` in packs/index.ts); rules listed
 * in `model.rulePacks.disabledRules` are skipped here. Elements with `outOfScope: true` are skipped by node
 * rules; flows touching them are still evaluated.
 */
import type { Analysis } from '../model/findings';
import { buildGraph } from '../model/graph';
import type { ThreatModel } from '../model/types';
import { distinctIds, sortedById } from './order';
import { byMessage, evaluateTarget, orderByRule, passContext, ruleSetFor, sortByFindingId, type TargetResult } from './ruleset';
import type { RulePack } from './types';

export interface AnalyzeOptions {
  /** Rule ids to skip in addition to `model.rulePacks.disabledRules`. */
  disabledRules?: readonly string[];
}

/** Analyses a model with the given packs. Never throws because of a rule: broken rules become problems. */
export function analyze(model: ThreatModel, packs: readonly RulePack[], options: AnalyzeOptions = {}): Analysis {
  const disabled = [...(model.rulePacks?.disabledRules ?? []), ...(options.disabledRules ?? [])];
  const set = ruleSetFor(packs, disabled);
  const graph = buildGraph(model);
  const ctx = passContext(graph);
  const out: TargetResult = { findings: [], mitigated: [], problems: [], findingRules: [], mitigatedRules: [] };
  // Visiting targets in id order leaves each rule's findings in target id order: ordering them by rule is all
  // the sorting left to do (orderByRule), unless a kind of target repeats an id.
  const elements = sortedById(model.elements);
  const flows = sortedById(model.flows);
  const boundaries = sortedById(model.boundaries);
  for (const el of elements) evaluateTarget(set, ctx, 'node', el, undefined, out);
  for (const f of flows) evaluateTarget(set, ctx, 'flow', f, undefined, out);
  for (const b of boundaries) evaluateTarget(set, ctx, 'boundary', b, undefined, out);
  if (!distinctIds(elements) || !distinctIds(flows) || !distinctIds(boundaries)) return finish(set.problems, out);
  return {
    findings: orderByRule(set, out.findings, out.findingRules!),
    mitigated: orderByRule(set, out.mitigated, out.mitigatedRules!),
    problems: [...set.problems, ...out.problems.sort(byMessage)],
  };
}

/** Sorts and deduplicates a pass's results into an Analysis. */
export function finish(compileProblems: Analysis['problems'], out: TargetResult): Analysis {
  return {
    findings: dedupe(sortByFindingId(out.findings)),
    mitigated: dedupe(sortByFindingId(out.mitigated)),
    problems: [...compileProblems, ...out.problems.sort(byMessage)],
  };
}

/** Drops repeated ids, which only a document breaking id uniqueness (an element and a flow sharing one) makes. */
function dedupe<T extends { ruleId: string; targetId: string }>(sorted: T[]): T[] {
  let w = 0;
  for (let i = 0; i < sorted.length; i++) {
    // Compare the parts, not the composed ids: they are flat strings, usually the very same ones.
    if (i > 0 && sorted[i].targetId === sorted[i - 1].targetId && sorted[i].ruleId === sorted[i - 1].ruleId) continue;
    sorted[w++] = sorted[i];
  }
  sorted.length = w;
  return sorted;
}

export { createAnalyzer, type Analyzer, type AnalyzerTuning } from './incremental';
