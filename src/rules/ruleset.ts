/**
 * The rules of an analysis, indexed by what they apply to, and the evaluation of every applicable rule on one
 * target. Shared by the full engine and the incremental analyzer so that both produce identical results.
 */
import type { Finding, MitigatedByDesign, RuleProblem } from '../model/findings';
import { linksOf, type ModelGraph } from '../model/graph';
import type { Boundary, Flow, ModelElement, PropValue, TargetKind, ThreatModel } from '../model/types';
import { compilePack } from './compile';
import { createContext, elementRecord, loadElement, loadProps, peekAt, resetTarget, type ElementRecord, type Entity, type EvalContext, type ReadSink } from './context';
import { propSlot, valueIn } from './slots';
import { collectEvidence, confidenceOf } from './evidence';
import { checkMitigatedByDesign, hasRequired, markPresent, mayBeMitigated } from './mitigation';
import { crossed, inbound } from './helpers';
import { applySeverityFacts, elementFacts, severityFacts, type PropReader, type SeverityFacts, type SeverityLookups } from './severity';
import type { CompiledRule, RulePack } from './types';

export { sameValue } from './mitigation';

const OUT_OF_SCOPE = propSlot('outOfScope');
const PROTOCOL = propSlot('protocol');

/** A compiled rule with its place in one rule set. */
export interface SlottedRule extends CompiledRule {
  slot: number;
  /** Evaluations and firings so far (see `evaluateTarget`). */
  runs: number;
  fires: number;
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
  /** Rule slot → the rule's place in finding id order (by `ruleId@`). */
  rank: Int32Array;
}

/** What evaluating every rule on one target produced. */
export interface TargetResult {
  findings: Finding[];
  mitigated: MitigatedByDesign[];
  problems: RuleProblem[];
  /**
   * When present, the slot of the rule behind each finding (and each mitigated entry), pushed alongside it: a
   * pass over targets in id order can then be put in finding id order by rule alone (`orderByRule`).
   */
  findingRules?: number[];
  mitigatedRules?: number[];
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
    rank: new Int32Array(0),
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
      const slotted = slottedRule(r, slots++);
      (r.category === 'flow' ? set.flowRules : r.category === 'boundary' ? set.boundaryRules : set.nodeRules).push(slotted);
    }
  }
  const all = [...set.nodeRules, ...set.flowRules, ...set.boundaryRules];
  all.sort((a, b) => (a.idPrefix < b.idPrefix ? -1 : a.idPrefix > b.idPrefix ? 1 : 0));
  set.rank = new Int32Array(slots);
  all.forEach((r, i) => (set.rank[r.slot] = i));
  return set;
}

/**
 * A rule with its slot, written field by field: every rule object then has the same shape, so the engine's
 * reads of their fields stay fast (objects made by spreading do not reliably share one).
 */
function slottedRule(r: CompiledRule, slot: number): SlottedRule {
  return {
    rule: r.rule,
    packId: r.packId,
    category: r.category,
    appliesTo: r.appliesTo,
    idPrefix: r.idPrefix,
    stride: r.stride,
    exposable: r.exposable,
    stakeable: r.stakeable,
    evaluate: r.evaluate,
    verdict: r.verdict,
    mitigationChecks: r.mitigationChecks,
    mitigationSlots: r.mitigationSlots,
    requires: r.requires,
    guard: r.guard,
    slot,
    runs: 0,
    fires: 0,
  };
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
  return rulesForProtocol(set, f.props.protocol);
}

/** The flow rules for a flow with this `protocol` value. */
function rulesForProtocol(set: RuleSet, p: PropValue | undefined): RuleList {
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
  reads: ReadSink | undefined,
  out: TargetResult,
): void {
  const graph = ctx.graph;
  let list: RuleList;
  let targetKind: TargetKind;
  ctx.self = target;
  ctx.reads = reads;
  resetTarget(ctx);
  reads?.add(target.id);
  ctx.selfRecorded = true;
  let sourceRec: ElementRecord | undefined;
  let targetRec: ElementRecord | undefined;
  // The target's properties first: the rule list depends on some of them.
  if (kind === 'node') {
    const el = target as ModelElement;
    loadElement(ctx.selfProps, elementRecord(ctx, el));
    if (valueIn(ctx.selfProps, el, 'outOfScope', OUT_OF_SCOPE) === true) return;
    list = rulesForNode(set, el);
    targetKind = el.kind;
    ctx.source = ctx.target = undefined;
  } else if (kind === 'flow') {
    const f = target as Flow;
    const links = linksOf(graph, f);
    ctx.source = links.source;
    ctx.target = links.target;
    reads?.add(f.source).add(f.target);
    ctx.endsRecorded = true;
    if (!ctx.source || !ctx.target) return;
    sourceRec = elementRecord(ctx, ctx.source);
    targetRec = elementRecord(ctx, ctx.target);
    loadProps(ctx.selfProps, f);
    list = rulesForProtocol(set, valueIn(ctx.selfProps, f, 'protocol', PROTOCOL));
    targetKind = 'flow';
  } else {
    loadProps(ctx.selfProps, target);
    list = rulesForBoundary(set, target as Boundary);
    targetKind = 'boundary';
    ctx.source = ctx.target = undefined;
  }
  const { rules, skip } = list;
  if (!rules.length) return;
  if (sourceRec) loadElement(ctx.sourceProps, sourceRec);
  else loadProps(ctx.sourceProps, undefined);
  if (targetRec) loadElement(ctx.targetProps, targetRec);
  else loadProps(ctx.targetProps, undefined);
  markPresent(ctx, kind === 'flow');
  let facts: SeverityFacts | undefined;
  ctx.recording = false;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    let fired = false;
    if (!skip[i] && hasRequired(r, ctx)) {
      try {
        if (r.fires * 2 > r.runs && r.runs >= 32) {
          // A rule that fires on most targets is evaluated once, recording evidence: deciding its verdict
          // first would mostly evaluate it twice.
          ctx.evLen = 0;
          ctx.recording = true;
          fired = r.evaluate(ctx) === true;
          ctx.recording = false;
        } else if (r.verdict(ctx) === true) {
          // Evidence only for the rules that fire: the same evaluation again, recording this time.
          ctx.evLen = 0;
          ctx.recording = true;
          fired = r.evaluate(ctx) === true;
          ctx.recording = false;
        }
        r.runs++;
        if (fired) r.fires++;
      } catch (e) {
        ctx.recording = false;
        out.problems.push({
          packId: r.packId,
          ruleId: r.rule.id,
          message: `${r.rule.id}: failed on ${target.id}: ${e instanceof Error ? e.message : String(e)}`,
        });
        continue;
      }
    }
    if (fired) {
      // Severity facts depend on the target and a flow's endpoints, already in `reads`, and on what the lookups
      // record themselves; so they are given no `reads` of their own.
      facts ??= severityFacts(r.category, target, graph, undefined, (ctx.severityLookups ??= severityLookups(ctx)), ctx);
      out.findings.push(makeFinding(r, target, targetKind, ctx, facts));
      out.findingRules?.push(r.slot);
    } else if (mayBeMitigated(r, ctx) && checkMitigatedByDesign(r, kind, ctx, reads, out.mitigated)) {
      out.mitigatedRules?.push(r.slot);
    }
  }
}

/** Severity lookups through the context's per-target memos, recording reads as the rules' helpers do. */
function severityLookups(ctx: EvalContext): SeverityLookups {
  const read: PropReader = (e, prop, slot) => peekAt(ctx, e, prop, slot);
  return {
    inbound: (el) => inbound(ctx, el),
    crossings: (f) => crossed(ctx, f),
    facts: (el) => (elementRecord(ctx, el).facts ??= elementFacts(el, ctx.graph, read)),
  };
}

function makeFinding(r: CompiledRule, target: Entity, targetKind: TargetKind, ctx: EvalContext, facts: SeverityFacts): Finding {
  const evidence = collectEvidence(ctx);
  const rule = r.rule;
  const { severity, adjustments } = applySeverityFacts(rule.severity, r.stride, facts, r.exposable, r.stakeable);
  return {
    id: r.idPrefix + target.id,
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

export { byId, byMessage, orderByRule, sortByFindingId } from './order';

export type { ThreatModel };
