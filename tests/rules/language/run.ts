/** Test harness: compile an expression and evaluate it on one target of a model. */
import { buildGraph } from '../../../src/model/graph';
import type { EvidenceItem } from '../../../src/model/findings';
import type { ThreatModel } from '../../../src/model/types';
import { checkExpression } from '../../../src/rules/checker';
import { compileExpression } from '../../../src/rules/compiler';
import { createContext, type Value } from '../../../src/rules/context';
import { collectEvidence, confidenceOf } from '../../../src/rules/evidence';
import { parseExpression } from '../../../src/rules/parser';
import type { RuleCategory } from '../../../src/rules/types';

export interface RunResult {
  value: Value;
  evidence: EvidenceItem[];
  confidence: 'confirmed' | 'unverified';
  reads: Set<string>;
  /** The target evaluated: what an evidence item without a target is about. */
  targetId: string;
}

export function run(m: ThreatModel, targetId: string, when: string): RunResult {
  const graph = buildGraph(m);
  const node = graph.elements.get(targetId);
  const f = m.flows.find((x) => x.id === targetId);
  const b = graph.boundaries.get(targetId);
  const category: RuleCategory = node ? 'node' : f ? 'flow' : 'boundary';
  const parsed = parseExpression(when);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  const checked = checkExpression(parsed.expr, category);
  if (checked.errors.length) throw new Error(checked.errors.map((e) => e.reason).join('; '));
  const evaluate = compileExpression(parsed.expr, checked.types);
  const reads = new Set<string>();
  const ctx = createContext(graph, reads);
  ctx.self = (node ?? f ?? b)!;
  if (f) {
    ctx.source = graph.elements.get(f.source);
    ctx.target = graph.elements.get(f.target);
  }
  const value = evaluate(ctx);
  const evidence = collectEvidence(ctx);
  return { value, evidence, confidence: confidenceOf(evidence), reads, targetId };
}

/** "flow.prop=value?" strings for compact evidence assertions ('?' marks unknown; own items name the target). */
export function ev(r: RunResult): string[] {
  return r.evidence.map((e) => `${e.targetId ?? r.targetId}.${e.property}=${e.unknown ? '?' : JSON.stringify(e.value)}`);
}
