/**
 * The engine against a reference evaluation written for clarity, not speed: every rule's evidence-recording
 * closure run on every target it applies to, in a fresh context, with severity from `adjustSeverity` and
 * "mitigated by design" checked control by control. The engine's shortcuts (verdict-only evaluation, skipping
 * rules whose guards or required properties rule them out, per-target memos, loaded property slots, ordering
 * by rule) must not change a single finding, evidence item or mitigated entry.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis, Finding, MitigatedByDesign } from '../../../src/model/findings';
import { buildGraph, type ModelGraph } from '../../../src/model/graph';
import type { Boundary, Flow, ModelElement, ThreatModel } from '../../../src/model/types';
import { createContext, type Entity } from '../../../src/rules/context';
import { analyze, createAnalyzer } from '../../../src/rules/engine';
import { collectEvidence, confidenceOf } from '../../../src/rules/evidence';
import { sameValue } from '../../../src/rules/mitigation';
import { BUILTIN_PACKS } from '../../../src/rules/packs/index';
import { compilePackCached } from '../../../src/rules/ruleset';
import { adjustSeverity } from '../../../src/rules/severity';
import type { CompiledRule, MitigationCheck } from '../../../src/rules/types';
import { createRandom, generateTradingModel } from '../../bench/generate';
import { line } from './factory';

function appliesTo(r: CompiledRule, target: Entity, kind: 'node' | 'flow' | 'boundary'): boolean {
  if (r.category !== kind) return false;
  if (kind === 'node') return r.appliesTo.has((target as ModelElement).kind) || r.appliesTo.has((target as ModelElement).type);
  if (kind === 'boundary') return r.appliesTo.size === 1 || r.appliesTo.has((target as Boundary).type);
  return true;
}

function asserted(c: MitigationCheck['controls'][number], target: Entity, kind: string, graph: ModelGraph): boolean {
  const own = target.props[c.property];
  if (kind !== 'flow') return own !== undefined && sameValue(own, c.value);
  if (c.onFlow && own !== undefined && sameValue(own, c.value)) return true;
  const f = target as Flow;
  return [graph.elements.get(f.source), graph.elements.get(f.target)].some((end) => {
    const v = end?.props[c.property];
    return end !== undefined && v !== undefined && c.kinds.includes(end.kind) && sameValue(v, c.value);
  });
}

function mitigatedEntry(r: CompiledRule, target: Entity, kind: string, graph: ModelGraph): MitigatedByDesign | undefined {
  const controls: { property: string; value: unknown }[] = [];
  for (const m of r.mitigationChecks) {
    if (!m.controls.every((c) => asserted(c, target, kind, graph))) continue;
    for (const c of m.controls) if (!controls.some((x) => x.property === c.property && sameValue(x.value as never, c.value))) controls.push({ property: c.property, value: c.value });
  }
  if (!controls.length) return undefined;
  return { id: `${r.rule.id}@${target.id}`, ruleId: r.rule.id, packId: r.packId, targetId: target.id, title: r.rule.title, controls } as MitigatedByDesign;
}

/** What the engine should find, the slow and obvious way. */
function reference(model: ThreatModel): Analysis {
  const rules = BUILTIN_PACKS.flatMap((p) => compilePackCached(p).rules);
  const graph = buildGraph(model);
  const findings: Finding[] = [];
  const mitigated: MitigatedByDesign[] = [];
  const visit = (target: Entity, kind: 'node' | 'flow' | 'boundary') => {
    const source = kind === 'flow' ? graph.elements.get((target as Flow).source) : undefined;
    const end = kind === 'flow' ? graph.elements.get((target as Flow).target) : undefined;
    if (kind === 'flow' && (!source || !end)) return;
    if (kind === 'node' && target.props.outOfScope === true) return;
    for (const r of rules) {
      if (!appliesTo(r, target, kind)) continue;
      const ctx = createContext(graph);
      ctx.self = target;
      ctx.source = source;
      ctx.target = end;
      if (r.evaluate(ctx) === true) {
        const evidence = collectEvidence(ctx);
        const { severity, adjustments } = adjustSeverity(r.rule.severity, r.stride, r.category, target, graph);
        findings.push({
          id: `${r.rule.id}@${target.id}`,
          ruleId: r.rule.id,
          packId: r.packId,
          targetId: target.id,
          targetKind: kind === 'node' ? (target as ModelElement).kind : kind,
          severity,
          baseSeverity: r.rule.severity,
          severityAdjustments: adjustments,
          stride: r.rule.stride,
          title: r.rule.title,
          description: r.rule.description,
          mitigations: r.rule.mitigations,
          references: r.rule.references,
          evidence,
          confidence: confidenceOf(evidence),
        });
      } else {
        const entry = mitigatedEntry(r, target, kind, graph);
        if (entry) mitigated.push(entry);
      }
    }
  };
  for (const el of model.elements) visit(el, 'node');
  for (const f of model.flows) visit(f, 'flow');
  for (const b of model.boundaries) visit(b, 'boundary');
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { findings: findings.sort(byId), mitigated: mitigated.sort(byId), problems: [] };
}

/** A generated model with the things the generator leaves out: scope, line boundaries, reversed initiators. */
function varied(size: number, seed: number): ThreatModel {
  const base = generateTradingModel(size, { seed });
  const rnd = createRandom(seed);
  const elements = base.elements.map((e) => (rnd() < 0.05 ? { ...e, props: { ...e.props, outOfScope: true } } : e));
  const flows = base.flows.map((f) => (rnd() < 0.1 ? { ...f, props: { ...f.props, initiator: 'dst', encryptedInTransit: rnd() < 0.5 } } : f));
  const boundaries = base.boundaries.map((b) => (b.type === 'partner' && rnd() < 0.5 ? { ...b, props: { ...b.props, inScope: false } } : b));
  const crossed = flows.filter(() => rnd() < 0.05).map((f) => f.id);
  return { ...base, elements, flows, boundaries: [...boundaries, line('wan', 'internet', crossed)] };
}

const plain = (a: Analysis) => JSON.parse(JSON.stringify({ findings: a.findings, mitigated: a.mitigated }));

describe('engine against a reference evaluation', () => {
  for (const [size, seed] of [
    [120, 1],
    [300, 7],
  ]) {
    it(`finds exactly what the reference finds (${size} elements, seed ${seed})`, () => {
      const m = varied(size, seed);
      const expected = plain(reference(m));
      expect(expected.findings.length).toBeGreaterThan(size);
      expect(expected.mitigated.length).toBeGreaterThan(0);
      expect(plain(analyze(m, BUILTIN_PACKS))).toEqual(expected);
      expect(plain(createAnalyzer(BUILTIN_PACKS).full(m))).toEqual(expected);
    });
  }
});
