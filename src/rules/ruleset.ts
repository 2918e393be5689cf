/**
 * The rules of an analysis, indexed by what they apply to, and the evaluation of every applicable rule on one
 * target. Shared by the full engine and the incremental analyzer so that both produce identical results.
 */
import type { Finding, MitigatedByDesign, Mitigation, Reference, RuleProblem } from '../model/findings';
import { linksOf, type ModelGraph } from '../model/graph';
import type { Boundary, Flow, ModelElement, PropValue, Severity, TargetKind, ThreatModel } from '../model/types';
import { compilePack } from './compile';
import { createContext, elementRecord, loadElement, loadProps, resetTarget, type ElementRecord, type Entity, type EvalContext, type ReadSink } from './context';
import { propSlot, valueIn } from './slots';
import { checkMitigatedByDesign, hasRequired, markPresent, mayBeMitigated } from './mitigation';
import { makeFinding, targetFacts } from './finding';
import { planFor, planTable, targetHigh, targetLow, type PlanTable } from './plans';
import { severityIndex, type SeverityFacts } from './severity';
import type { CompiledRule, RulePack } from './types';

export { sameValue } from './mitigation';

const OUT_OF_SCOPE = propSlot('outOfScope');
const PROTOCOL = propSlot('protocol');

/** A compiled rule with its place in one rule set. */
export interface SlottedRule extends CompiledRule {
  slot: number;
  /**
   * The rule's fields that every finding of it copies, and its severity's place in the scale: read off this
   * object, of one shape for all rules, rather than off the rule's data (see `makeFinding`).
   */
  ruleId: string;
  severity: Severity;
  severityIndex: number;
  title: string;
  description: string;
  mitigations: Mitigation[];
  references: Reference[];
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
 * The rule set for these packs and disabled rules, reused while they stay the same: it depends on nothing in
 * the model, and its lists and plans (made as targets of each type are met) are most of a pass's set-up on a
 * large model. Packs are compared by object (their compiled form is cached the same way, see
 * `compilePackCached`), so an edited pack, a new object, gets a new set. A few sets are kept: the editor's
 * worker, the rule preview and the CLI each use their own packs.
 */
export function ruleSetFor(packs: readonly RulePack[], disabledRules: readonly string[] = []): RuleSet {
  const key = disabledRules.join('\u0000');
  for (let i = 0; i < recentSets.length; i++) {
    const entry = recentSets[i];
    if (entry.key !== key || entry.packs.length !== packs.length || !entry.packs.every((p, k) => p === packs[k])) continue;
    if (i > 0) recentSets.unshift(...recentSets.splice(i, 1));
    return entry.set;
  }
  const set = buildRuleSet(packs, disabledRules);
  recentSets.unshift({ packs: packs.slice(), key, set });
  if (recentSets.length > RECENT_SETS) recentSets.length = RECENT_SETS;
  return set;
}

const RECENT_SETS = 4;
const recentSets: { packs: readonly RulePack[]; key: string; set: RuleSet }[] = [];

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
    ruleId: r.rule.id,
    severity: r.rule.severity,
    severityIndex: severityIndex(r.rule.severity),
    title: r.rule.title,
    description: r.rule.description,
    mitigations: r.rule.mitigations,
    references: r.rule.references,
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
  /** Which of them to evaluate or check, by the target's set properties (see plans.ts); made on first use. */
  table: PlanTable | null | undefined;
}

function ruleList(rules: SlottedRule[], passes: (r: SlottedRule) => boolean): RuleList {
  return { rules, skip: rules.map((r) => !passes(r)), table: undefined };
}

// The lookups below make their lists in functions of their own: a closure over the target in the lookup
// itself would cost an allocation on every call, made or not (tens of thousands per pass).
export function rulesForNode(set: RuleSet, el: ModelElement): RuleList {
  let byType = set.byKindType.get(el.kind);
  if (!byType) set.byKindType.set(el.kind, (byType = new Map()));
  let list = byType.get(el.type);
  if (!list) byType.set(el.type, (list = nodeList(set, el.kind, el.type)));
  return list;
}

function nodeList(set: RuleSet, kind: string, type: string): RuleList {
  const rules = set.nodeRules.filter((r) => r.appliesTo.has(kind) || r.appliesTo.has(type));
  return ruleList(rules, (r) => r.guard.is.every((names) => names.has(kind) || names.has(type)) && !r.guard.protocols.length);
}

/** The flow rules for a flow with this `protocol` value. */
function rulesForProtocol(set: RuleSet, p: PropValue | undefined): RuleList {
  const key = typeof p === 'string' ? p : '';
  let list = set.byProtocol.get(key);
  if (!list) set.byProtocol.set(key, (list = flowList(set, p)));
  return list;
}

function flowList(set: RuleSet, p: PropValue | undefined): RuleList {
  return ruleList(
    set.flowRules,
    (r) => r.guard.is.every((names) => names.has('flow')) && r.guard.protocols.every((ps) => typeof p === 'string' && ps.has(p)),
  );
}

export function rulesForBoundary(set: RuleSet, b: Boundary): RuleList {
  let list = set.byBoundaryType.get(b.type);
  if (!list) set.byBoundaryType.set(b.type, (list = boundaryList(set, b.type)));
  return list;
}

function boundaryList(set: RuleSet, type: string): RuleList {
  // 'boundary' alone means every boundary; boundary types listed next to it narrow the rule to those types.
  const rules = set.boundaryRules.filter((r) => r.appliesTo.size === 1 || r.appliesTo.has(type));
  return ruleList(rules, (r) => r.guard.is.every((names) => names.has('boundary') || names.has(type)) && !r.guard.protocols.length);
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
  ctx.selfRecord = ctx.sourceRecord = ctx.targetRecord = undefined;
  ctx.selfLinks = undefined;
  // The target's properties first: the rule list depends on some of them.
  if (kind === 'node') {
    const el = target as ModelElement;
    loadElement(ctx.selfProps, (ctx.selfRecord = elementRecord(ctx, el)));
    if (valueIn(ctx.selfProps, el, 'outOfScope', OUT_OF_SCOPE) === true) return;
    list = rulesForNode(set, el);
    targetKind = el.kind;
    ctx.source = ctx.target = undefined;
  } else if (kind === 'flow') {
    const f = target as Flow;
    const links = (ctx.selfLinks = linksOf(graph, f));
    ctx.source = links.source;
    ctx.target = links.target;
    reads?.add(f.source).add(f.target);
    ctx.endsRecorded = true;
    if (!ctx.source || !ctx.target) return;
    sourceRec = ctx.sourceRecord = elementRecord(ctx, ctx.source);
    targetRec = ctx.targetRecord = elementRecord(ctx, ctx.target);
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
  ctx.recording = false;
  const table = list.table === undefined ? (list.table = planTable(rules, skip)) : list.table;
  // Whether the properties could all be loaded (see loadProps): the plans are made from the loaded values.
  const loaded = ctx.selfProps.entity === target && (kind !== 'flow' || (ctx.sourceProps.entity === ctx.source && ctx.targetProps.entity === ctx.target));
  if (table === null || !loaded) {
    markPresent(ctx, kind === 'flow');
    evaluateEach(list, ctx, kind, targetKind, reads, out);
    return;
  }
  const plan = planFor(table, rules, skip, ctx, kind === 'flow');
  const low = targetLow;
  const high = targetHigh;
  let facts: SeverityFacts | undefined;
  // The plan's rules in list order, and every rule between them (not evaluated: its guard or required
  // properties rule it out) checked for mitigations on the way; `mayBeMitigated` is a test of bits.
  let next = 0;
  for (let k = 0; k <= plan.length; k++) {
    const end = k < plan.length ? plan[k] : rules.length;
    for (let i = next; i < end; i++) {
      if (!mayMitigate(table, i, low, high)) continue;
      const r = rules[i];
      if (checkMitigatedByDesign(r, kind, ctx, reads, out.mitigated)) out.mitigatedRules?.push(r.slot);
    }
    if (end === rules.length) break;
    next = end + 1;
    const r = rules[end];
    const outcome = runRule(r, ctx, out);
    if (outcome === FIRED) {
      facts ??= targetFacts(r, ctx);
      out.findings.push(makeFinding(r, ctx.self, targetKind, ctx, facts));
      out.findingRules?.push(r.slot);
    } else if (outcome === NOT_FIRED && mayMitigate(table, end, low, high)) {
      if (checkMitigatedByDesign(r, kind, ctx, reads, out.mitigated)) out.mitigatedRules?.push(r.slot);
    }
  }
}

/** Whether rule `i` of a plan table may be mitigated on a target with these mitigating bits (see plans.ts). */
function mayMitigate(table: PlanTable, i: number, low: number, high: number): boolean {
  return (table.mitigateLow[i] & low) !== 0 || (table.mitigateHigh[i] & high) !== 0 || table.mitigateAlways[i] !== 0;
}

/** `evaluateTarget` rule by rule, for targets whose properties could not be loaded (or too large a list). */
function evaluateEach(list: RuleList, ctx: EvalContext, kind: 'node' | 'flow' | 'boundary', targetKind: TargetKind, reads: ReadSink | undefined, out: TargetResult): void {
  const { rules, skip } = list;
  let facts: SeverityFacts | undefined;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    const outcome = !skip[i] && hasRequired(r, ctx) ? runRule(r, ctx, out) : NOT_FIRED;
    if (outcome === FIRED) {
      facts ??= targetFacts(r, ctx);
      out.findings.push(makeFinding(r, ctx.self, targetKind, ctx, facts));
      out.findingRules?.push(r.slot);
    } else if (outcome === NOT_FIRED && mayBeMitigated(r, ctx) && checkMitigatedByDesign(r, kind, ctx, reads, out.mitigated)) {
      out.mitigatedRules?.push(r.slot);
    }
  }
}

const NOT_FIRED = 0;
const FIRED = 1;
const FAILED = 2;

/**
 * Evaluates one rule on the current target, leaving the evidence of a firing rule recorded; a rule that throws
 * becomes a problem.
 */
function runRule(r: SlottedRule, ctx: EvalContext, out: TargetResult): number {
  let fired = false;
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
      message: `${r.rule.id}: failed on ${ctx.self.id}: ${e instanceof Error ? e.message : String(e)}`,
    });
    return FAILED;
  }
  return fired ? FIRED : NOT_FIRED;
}

export { byId, byMessage, orderByRule, sortByFindingId } from './order';

export type { ThreatModel };
