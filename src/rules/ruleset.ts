/**
 * The rules of an analysis, indexed by what they apply to, and the evaluation of every applicable rule on one
 * target. Shared by the full engine and the incremental analyzer so that both produce identical results.
 */
import type { Finding, MitigatedByDesign, RuleProblem } from '../model/findings';
import type { ModelGraph } from '../model/graph';
import type { Boundary, Flow, Id, ModelElement, PropValue, TargetKind, ThreatModel } from '../model/types';
import { compilePack } from './compile';
import { createContext, type Entity, type EvalContext } from './context';
import { collectEvidence, confidenceOf } from './evidence';
import { applySeverityFacts, severityFacts, type SeverityFacts } from './severity';
import type { CompiledRule, MitigationCheck, RulePack } from './types';

/** A compiled rule with its place in one rule set. */
export interface SlottedRule extends CompiledRule {
  slot: number;
}

export interface RuleSet {
  nodeRules: SlottedRule[];
  flowRules: SlottedRule[];
  boundaryRules: SlottedRule[];
  problems: RuleProblem[];
  /** Memo: kind → type → node rules that apply, in pack order. */
  byKindType: Map<string, Map<string, RuleList>>;
  /** Memo: flow protocol ('' when unset) → flow rules. */
  byProtocol: Map<string, RuleList>;
  /** Memo: boundary type → boundary rules that apply. */
  byBoundaryType: Map<string, RuleList>;
  /**
   * Property → slots of the rules with a mitigation whose first control is that property. A rule can only be
   * mitigated by design on a target where such a property is set (on the target or a flow's endpoint), so
   * the check is skipped elsewhere: `marks[slot] === serial` says the current target is a candidate.
   */
  byFirstControl: Map<string, number[]>;
  marks: Uint32Array;
  serial: number;
}

/** What evaluating every rule on one target produced. */
export interface TargetResult {
  findings: Finding[];
  mitigated: MitigatedByDesign[];
  problems: RuleProblem[];
}

const compiledPacks = new WeakMap<RulePack, { rules: CompiledRule[]; problems: RuleProblem[] }>();

/** Compiles a pack once per pack object. */
export function compilePackCached(pack: RulePack): { rules: CompiledRule[]; problems: RuleProblem[] } {
  if (typeof pack !== 'object' || pack === null) return compilePack(pack);
  let result = compiledPacks.get(pack);
  if (!result) {
    result = compilePack(pack);
    compiledPacks.set(pack, result);
  }
  return result;
}

/**
 * Builds the rule set: compiled rules of every pack minus the disabled rule ids. A rule id that a later pack
 * repeats is reported and ignored, so a finding id `ruleId@targetId` names exactly one rule.
 */
export function buildRuleSet(packs: readonly RulePack[], disabledRules: readonly string[] = []): RuleSet {
  const disabled = new Set(disabledRules);
  const set: RuleSet = {
    nodeRules: [],
    flowRules: [],
    boundaryRules: [],
    problems: [],
    byKindType: new Map(),
    byProtocol: new Map(),
    byBoundaryType: new Map(),
    byFirstControl: new Map(),
    marks: new Uint32Array(0),
    serial: 0,
  };
  const owner = new Map<string, string>();
  let slots = 0;
  for (const pack of packs) {
    const { rules, problems } = compilePackCached(pack);
    set.problems.push(...problems);
    for (const r of rules) {
      const id = r.rule.id;
      const first = owner.get(id);
      if (first !== undefined) {
        set.problems.push({ packId: r.packId, ruleId: id, message: `${id}: pack ${first} already has a rule with this id; this one is ignored` });
        continue;
      }
      owner.set(id, r.packId);
      if (disabled.has(id)) continue;
      const slotted: SlottedRule = { ...r, slot: slots++ };
      for (const m of r.mitigationChecks) {
        const first = m.controls[0].property;
        const list = set.byFirstControl.get(first);
        if (!list) set.byFirstControl.set(first, [slotted.slot]);
        else if (!list.includes(slotted.slot)) list.push(slotted.slot);
      }
      (r.category === 'flow' ? set.flowRules : r.category === 'boundary' ? set.boundaryRules : set.nodeRules).push(slotted);
    }
  }
  set.marks = new Uint32Array(slots);
  return set;
}

/** Marks the rules that could be mitigated by design on a target whose (or whose endpoints') props these are. */
function markCandidates(set: RuleSet, props: Record<string, unknown>): void {
  for (const name in props) {
    const slots = set.byFirstControl.get(name);
    if (slots) for (const slot of slots) set.marks[slot] = set.serial;
  }
}

/**
 * The rules that apply to a target, and which of them its guard facts already rule out (`skip[i]`): those are
 * not evaluated, since they cannot fire, but still count as "not firing" for mitigated by design.
 */
export interface RuleList {
  rules: SlottedRule[];
  skip: boolean[];
}

function ruleList(rules: SlottedRule[], passes: (r: SlottedRule) => boolean): RuleList {
  return { rules, skip: rules.map((r) => !passes(r)) };
}

export function rulesForNode(set: RuleSet, el: ModelElement): RuleList {
  let byType = set.byKindType.get(el.kind);
  if (!byType) set.byKindType.set(el.kind, (byType = new Map()));
  let list = byType.get(el.type);
  if (!list) {
    const rules = set.nodeRules.filter((r) => r.appliesTo.has(el.kind) || r.appliesTo.has(el.type));
    list = ruleList(rules, (r) => r.guard.is.every((names) => names.has(el.kind) || names.has(el.type)) && !r.guard.protocols.length);
    byType.set(el.type, list);
  }
  return list;
}

export function rulesForFlow(set: RuleSet, f: Flow): RuleList {
  const p = f.props.protocol;
  const key = typeof p === 'string' ? p : '';
  let list = set.byProtocol.get(key);
  if (!list) {
    list = ruleList(
      set.flowRules,
      (r) => r.guard.is.every((names) => names.has('flow')) && r.guard.protocols.every((ps) => typeof p === 'string' && ps.has(p)),
    );
    set.byProtocol.set(key, list);
  }
  return list;
}

export function rulesForBoundary(set: RuleSet, b: Boundary): RuleList {
  let list = set.byBoundaryType.get(b.type);
  if (!list) {
    // 'boundary' alone means every boundary; boundary types listed next to it narrow the rule to those types.
    const rules = set.boundaryRules.filter((r) => r.appliesTo.size === 1 || r.appliesTo.has(b.type));
    list = ruleList(rules, (r) => r.guard.is.every((names) => names.has('boundary') || names.has(b.type)) && !r.guard.protocols.length);
    set.byBoundaryType.set(b.type, list);
  }
  return list;
}

/** Whether an element is skipped by node rules. */
export function isOutOfScope(el: ModelElement): boolean {
  return el.props.outOfScope === true;
}

/** A reusable evaluation context for one analysis pass. */
export function passContext(graph: ModelGraph): EvalContext {
  return createContext(graph);
}

/**
 * Evaluates every applicable rule on one target. `reads`, when given, collects every id the evaluation looked
 * at (for the incremental analyzer).
 */
export function evaluateTarget(
  set: RuleSet,
  ctx: EvalContext,
  kind: 'node' | 'flow' | 'boundary',
  target: Entity,
  reads: Set<Id> | undefined,
  out: TargetResult,
): void {
  const graph = ctx.graph;
  let list: RuleList;
  let targetKind: TargetKind;
  ctx.self = target;
  ctx.selfCrossings = undefined;
  ctx.evCache.length = 0;
  ctx.reads = reads;
  reads?.add(target.id);
  if (kind === 'node') {
    const el = target as ModelElement;
    if (isOutOfScope(el)) return;
    list = rulesForNode(set, el);
    targetKind = el.kind;
    ctx.source = ctx.target = undefined;
  } else if (kind === 'flow') {
    const f = target as Flow;
    ctx.source = graph.elements.get(f.source);
    ctx.target = graph.elements.get(f.target);
    reads?.add(f.source).add(f.target);
    if (!ctx.source || !ctx.target) return;
    list = rulesForFlow(set, f);
    targetKind = 'flow';
  } else {
    list = rulesForBoundary(set, target as Boundary);
    targetKind = 'boundary';
    ctx.source = ctx.target = undefined;
  }
  let facts: SeverityFacts | undefined;
  if (set.byFirstControl.size) {
    // Serial 0 is never used, so a fresh (zeroed) marks array marks nothing.
    set.serial = (set.serial + 1) >>> 0 || 1;
    markCandidates(set, target.props);
    if (ctx.source) markCandidates(set, ctx.source.props);
    if (ctx.target) markCandidates(set, ctx.target.props);
  }
  const { rules, skip } = list;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    ctx.evLen = 0;
    let fired: boolean;
    try {
      fired = !skip[i] && r.evaluate(ctx) === true;
    } catch (e) {
      out.problems.push({
        packId: r.packId,
        ruleId: r.rule.id,
        message: `${r.rule.id}: failed on ${target.id}: ${e instanceof Error ? e.message : String(e)}`,
      });
      continue;
    }
    if (fired) {
      facts ??= severityFacts(r.category, target, graph, reads);
      out.findings.push(makeFinding(r, target, targetKind, ctx, facts));
    } else if (set.marks[r.slot] === set.serial && r.mitigationChecks.length) {
      checkMitigatedByDesign(r, target, kind, ctx, reads, out);
    }
  }
}

function makeFinding(r: CompiledRule, target: Entity, targetKind: TargetKind, ctx: EvalContext, facts: SeverityFacts): Finding {
  const evidence = collectEvidence(ctx);
  const rule = r.rule;
  const { severity, adjustments } = applySeverityFacts(rule.severity, r.stride, facts);
  return {
    id: `${rule.id}@${target.id}`,
    ruleId: rule.id,
    packId: r.packId,
    targetId: target.id,
    targetKind,
    severity,
    baseSeverity: rule.severity,
    severityAdjustments: adjustments,
    stride: rule.stride,
    title: rule.title,
    description: rule.description,
    mitigations: rule.mitigations,
    references: rule.references,
    evidence,
    confidence: confidenceOf(evidence),
  };
}

/**
 * "Mitigated by design": the rule did not fire and every control of at least one mitigation is asserted. For a
 * flow rule a control counts when the flow has it (if the property applies to flows) or an endpoint has it
 * (if the property applies to that endpoint's kind).
 */
function checkMitigatedByDesign(
  r: CompiledRule,
  target: Entity,
  kind: 'node' | 'flow' | 'boundary',
  ctx: EvalContext,
  reads: Set<Id> | undefined,
  out: TargetResult,
): void {
  if (kind === 'flow') reads?.add((target as Flow).source).add((target as Flow).target);
  let controls: { property: string; value: PropValue }[] | undefined;
  for (const m of r.mitigationChecks) {
    // Hot path (every rule that does not fire): most controls are unset, so test presence first.
    let all = true;
    for (const c of m.controls) {
      if (!asserted(c, target, kind, ctx)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    controls ??= [];
    for (const c of m.controls) {
      if (!controls.some((x) => x.property === c.property && sameValue(x.value, c.value))) controls.push({ property: c.property, value: c.value });
    }
  }
  if (!controls) return;
  out.mitigated.push({ id: `${r.rule.id}@${target.id}`, ruleId: r.rule.id, packId: r.packId, targetId: target.id, title: r.rule.title, controls });
}

function asserted(c: MitigationCheck['controls'][number], target: Entity, kind: 'node' | 'flow' | 'boundary', ctx: EvalContext): boolean {
  const own = target.props[c.property];
  if (kind !== 'flow') return own !== undefined && sameValue(own, c.value);
  if (c.onFlow && own !== undefined && sameValue(own, c.value)) return true;
  if (!c.kinds.length) return false;
  const { source, target: end } = ctx;
  const a = source?.props[c.property];
  if (a !== undefined && c.kinds.includes(source!.kind) && sameValue(a, c.value)) return true;
  const b = end?.props[c.property];
  return b !== undefined && c.kinds.includes(end!.kind) && sameValue(b, c.value);
}

/** Equal values; lists compare as sets. */
export function sameValue(a: PropValue | undefined, b: PropValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
  return false;
}

/** Sort key comparison that does not depend on the locale. */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Sorts findings (or mitigated entries) by id, `ruleId@targetId`. Because rule ids contain no '@' (compile.ts
 * refuses them), ordering by `ruleId + '@'` and then by target id is the same as ordering by the whole id,
 * and is cheaper: group by rule, sort each group by target id (already sorted when targets were visited in id
 * order, which TimSort notices), and concatenate the groups.
 */
export function sortByFindingId<T extends { ruleId: string; targetId: string }>(items: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const g = groups.get(x.ruleId);
    if (g) g.push(x);
    else groups.set(x.ruleId, [x]);
  }
  const keys = [...groups.keys()].map((k) => `${k}@`).sort();
  const out: T[] = [];
  for (const key of keys) {
    const g = groups.get(key.slice(0, -1))!;
    g.sort(byTargetId);
    for (const x of g) out.push(x);
  }
  return out;
}

function byTargetId(a: { targetId: string }, b: { targetId: string }): number {
  return a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0;
}

/** Runtime problems in a stable order. */
export function byMessage(a: RuleProblem, b: RuleProblem): number {
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export type { ThreatModel };
