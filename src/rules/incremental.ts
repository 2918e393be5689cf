/**
 * Incremental analysis (DESIGN.md §5). `full(model)` evaluates everything and remembers, per target, every id
 * its evaluations looked at (the target, elements and flows whose properties or adjacency it read; a boundary
 * chain it followed is recorded as the element owning the chain, and a boundary edit is turned into the ids
 * of everything inside the boundary, before and after the edit).
 * `update(model, changed)` re-evaluates exactly the targets whose read set meets the changed ids, plus added
 * targets, and drops removed ones; the result equals `full(model)` (a property test checks it).
 *
 * The changed ids come from `changedIds(prev, next)` (model/diff.ts). This module widens them itself where
 * correctness needs it, so a narrower set from another caller is still safe: both endpoints (old and new) of
 * every changed flow, and the pseudo-id '$lines' when a line boundary changed (a line's `crossedBy` can make
 * any flow cross it). '$model' means a model-level change: of those, only `rulePacks.disabledRules` affects the
 * analysis (checked on every update, whatever the ids say), and a change of it triggers a full pass.
 */
import type { Analysis, Finding, MitigatedByDesign, RuleProblem } from '../model/findings';
import { collectUnder, createPatchableGraph, patchGraph, resolveChanges, type PatchableGraph, type ResolvedChanges } from '../model/graph';
import type { Id, ThreatModel } from '../model/types';
import { createContext, type Entity, type EvalContext, type ReadSink } from './context';
import { applyBatch, reconcile, sameFinding, sameMitigated } from './merge';
import { distinctIds, sortedById } from './order';
import { byMessage, evaluateTarget, orderByRule, ruleSetFor, sortByFindingId, type RuleSet, type TargetResult } from './ruleset';
import type { RulePack } from './types';

export interface Analyzer {
  /** Analyses the model from scratch and remembers it as the base for `update`. */
  full(model: ThreatModel): Analysis;
  /**
   * Re-analyses what the changed ids can affect (ids from `changedIds(prev, model)`, prev being the model of
   * the last call); equal to `full(model)`. Results that did not change keep their object identity, and the
   * previous Analysis itself comes back when nothing changed. The packs are fixed: when the list of packs
   * changes (a custom pack edited, a pack enabled), create a new analyzer.
   */
  update(model: ThreatModel, changed: ReadonlySet<Id>): Analysis;
}

type TargetKind = 'node' | 'flow' | 'boundary';

interface TargetState extends TargetResult {
  kind: TargetKind;
  /** Stamps this evaluation; reverse-index entries with another stamp are stale. */
  version: number;
}

/**
 * Targets that read an id, each with the version of the evaluation that read it, interleaved
 * (`[target, version, target, version, ...]`): one allocation per id rather than three.
 */
type ReaderList = (Id | number)[];

/**
 * What the analyzer knows about an id: the target it names (if any) and the targets that read it. One map
 * entry serves both, so remembering a target's evaluation costs one lookup per id it read.
 */
interface IdEntry {
  target: TargetState | undefined;
  readers: ReaderList;
}

const NO_READERS: ReaderList = Object.freeze([]) as unknown as ReaderList;

interface State {
  model: ThreatModel;
  set: RuleSet;
  disabledKey: string;
  graph: PatchableGraph;
  ctx: EvalContext;
  /**
   * Targets by id, and the reverse index: id → targets whose evaluation read it. A target's re-evaluation
   * leaves its old reader entries behind with an old version stamp; they are skipped and compacted when the
   * list is used, and everything is compacted when stale entries pile up.
   */
  index: Map<Id, IdEntry>;
  /** Entries pushed into `readers` since the last full compaction, and the live count then. */
  pushed: number;
  live: number;
  version: number;
  /** Scratch list of one evaluation's reads, and scratch results. */
  scratch: ReadList;
  out: TargetResult;
  findings: Finding[];
  mitigated: MitigatedByDesign[];
  runtimeProblems: RuleProblem[];
  analysis: Analysis;
}

/** Internal knobs, exposed for tests. */
export interface AnalyzerTuning {
  /** Compact the reverse index once this many entries beyond twice the live count have been pushed. */
  compactSlack?: number;
}

/** An analyzer for a fixed list of packs. */
export function createAnalyzer(packs: readonly RulePack[], tuning: AnalyzerTuning = {}): Analyzer {
  const slack = tuning.compactSlack ?? 100_000;
  let state: State | undefined;

  function full(model: ThreatModel): Analysis {
    const disabled = model.rulePacks?.disabledRules ?? [];
    const set = ruleSetFor(packs, disabled);
    const graph = createPatchableGraph(model);
    const s: State = {
      model,
      set,
      disabledKey: disabled.join('\u0000'),
      graph,
      ctx: createContext(graph),
      index: new Map(),
      pushed: 0,
      live: 0,
      version: 0,
      scratch: new ReadList(),
      out: { findings: [], mitigated: [], problems: [], findingRules: [], mitigatedRules: [] },
      findings: [],
      mitigated: [],
      runtimeProblems: [],
      analysis: { findings: [], mitigated: [], problems: [] },
    };
    // Visiting targets in id order leaves each rule's results in target id order (see orderByRule).
    const elements = sortedById(model.elements);
    const flows = sortedById(model.flows);
    const boundaries = sortedById(model.boundaries);
    for (const el of elements) evaluate(s, 'node', el);
    for (const f of flows) evaluate(s, 'flow', f);
    for (const b of boundaries) evaluate(s, 'boundary', b);
    s.live = s.pushed;
    s.pushed = 0;
    const out = s.out;
    if (distinctIds(elements) && distinctIds(flows) && distinctIds(boundaries)) {
      s.findings = orderByRule(set, out.findings, out.findingRules!);
      s.mitigated = orderByRule(set, out.mitigated, out.mitigatedRules!);
      s.runtimeProblems = out.problems.slice();
    } else {
      // Ids repeat: a target's results replaced those of an earlier one with its id (s.index), so gather them.
      for (const { target: t } of s.index.values()) {
        if (!t) continue;
        s.findings.push(...t.findings);
        s.mitigated.push(...t.mitigated);
        s.runtimeProblems.push(...t.problems);
      }
      s.findings = sortByFindingId(s.findings);
      s.mitigated = sortByFindingId(s.mitigated);
    }
    s.runtimeProblems.sort(byMessage);
    // From now on the pass lists serve single targets (see evaluate); the pass's element records are dropped,
    // rather than held while the editor idles (an update makes its own).
    s.out = { findings: [], mitigated: [], problems: [] };
    s.ctx.records.clear();
    state = s;
    return snapshot(s);
  }

  function update(model: ThreatModel, changed: ReadonlySet<Id>): Analysis {
    const s = state;
    if (!s) return full(model);
    if (model === s.model) return s.analysis;
    if (model.rulePacks !== s.model.rulePacks && (model.rulePacks?.disabledRules ?? []).join('\u0000') !== s.disabledKey) return full(model);

    const resolved = resolveChanges(s.graph, model, changed);
    const widened = widen(s, resolved, changed);
    // Dependencies on a boundary chain are recorded as the element (or boundary) owning it, so a boundary
    // edit dirties everything inside the boundary, by its chains before and after the edit.
    const boundaries = new Set<Id>();
    for (const id of changed) if (s.graph.boundaries.has(id) || resolved.boundaries.has(id)) boundaries.add(id);
    const inside = new Set<Id>();
    collectUnder(s.graph, boundaries, inside);
    patchGraph(s.graph, model, widened, resolveMore(s.graph, model, widened, changed, resolved));
    collectUnder(s.graph, boundaries, inside);
    for (const id of inside) widened.add(id);
    s.model = model;
    s.ctx.records.clear();

    const dirty = new Set<Id>();
    for (const id of widened) {
      const entry = s.index.get(id);
      if (entry && entry.readers.length) collectReaders(s, id, entry, dirty);
      if (s.graph.elements.has(id) || s.graph.flows.has(id) || s.graph.boundaries.has(id)) dirty.add(id);
    }
    const batch: Batch = { removedFindings: [], addedFindings: [], removedMitigated: [], addedMitigated: [], problemsChanged: false };
    s.out.findings.length = s.out.mitigated.length = s.out.problems.length = 0;
    for (const id of dirty) {
      const entry = s.index.get(id);
      const old = entry?.target;
      if (entry) entry.target = undefined;
      const el = s.graph.elements.get(id);
      const f = el ? undefined : s.graph.flows.get(id);
      const b = el || f ? undefined : s.graph.boundaries.get(id);
      const t = el ? evaluate(s, 'node', el) : f ? evaluate(s, 'flow', f) : b ? evaluate(s, 'boundary', b) : undefined;
      if (!t && entry && !entry.readers.length) s.index.delete(id);
      // Unchanged results keep their previous objects, so an edit that changes no finding changes no array.
      reconcile(old?.findings, t?.findings, sameFinding, batch.removedFindings, batch.addedFindings);
      reconcile(old?.mitigated, t?.mitigated, sameMitigated, batch.removedMitigated, batch.addedMitigated);
      const removedProblems: RuleProblem[] = [];
      const addedProblems: RuleProblem[] = [];
      reconcile(old?.problems, t?.problems, (a, b) => a.message === b.message, removedProblems, addedProblems);
      if (removedProblems.length || addedProblems.length) {
        s.runtimeProblems = [...s.runtimeProblems.filter((p) => !removedProblems.includes(p)), ...addedProblems];
        batch.problemsChanged = true;
      }
    }
    const findings = applyBatch(s.findings, batch.removedFindings, batch.addedFindings);
    const mitigated = applyBatch(s.mitigated, batch.removedMitigated, batch.addedMitigated);
    if (s.pushed > 2 * s.live + slack) compactAll(s);
    if (findings === s.findings && mitigated === s.mitigated && !batch.problemsChanged) return s.analysis;
    if (batch.problemsChanged) s.runtimeProblems.sort(byMessage);
    s.findings = findings;
    s.mitigated = mitigated;
    return snapshot(s);
  }

  return { full, update };
}

/** The changed ids plus what correctness needs on top (see the file comment). */
function widen(s: State, resolved: ResolvedChanges, changed: ReadonlySet<Id>): Set<Id> {
  const out = new Set<Id>(changed);
  out.delete('$model');
  let lines = false;
  for (const b of resolved.boundaries.values()) if (b.shape === 'line') lines = true;
  for (const id of changed) {
    const old = s.graph.flows.get(id);
    if (old) out.add(old.source).add(old.target);
    const now = resolved.flows.get(id);
    if (now) out.add(now.source).add(now.target);
    if (s.graph.boundaries.get(id)?.shape === 'line') lines = true;
  }
  if (lines) out.add('$lines');
  return out;
}

/** Resolves the ids widening added (endpoints) on top of those already resolved. */
function resolveMore(graph: PatchableGraph, next: ThreatModel, widened: ReadonlySet<Id>, changed: ReadonlySet<Id>, resolved: ResolvedChanges): ResolvedChanges {
  const extra = new Set<Id>();
  for (const id of widened) if (!changed.has(id) && id !== '$lines') extra.add(id);
  if (!extra.size) return resolved;
  const more = resolveChanges(graph, next, extra);
  for (const [id, el] of more.elements) resolved.elements.set(id, el);
  for (const [id, f] of more.flows) resolved.flows.set(id, f);
  for (const [id, b] of more.boundaries) resolved.boundaries.set(id, b);
  return resolved;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Evaluates one target, remembering its results and reads. Its results are appended to `s.out`, which
 * collects a whole pass in `full` (and is emptied at each `update`); the target keeps its own copies.
 */
function evaluate(s: State, kind: TargetKind, target: Entity): TargetState {
  const out = s.out;
  const f0 = out.findings.length;
  const m0 = out.mitigated.length;
  const p0 = out.problems.length;
  const reads = s.scratch;
  reads.count = 0;
  evaluateTarget(s.set, s.ctx, kind, target, reads, out);
  // Most targets have no results: they share one frozen empty array instead of three fresh ones.
  const t: TargetState = {
    kind,
    version: ++s.version,
    findings: out.findings.length > f0 ? out.findings.slice(f0) : (NONE as never[]),
    mitigated: out.mitigated.length > m0 ? out.mitigated.slice(m0) : (NONE as never[]),
    problems: out.problems.length > p0 ? out.problems.slice(p0) : (NONE as never[]),
  };
  const id0 = target.id;
  const version = t.version;
  const own = entryOf(s, id0);
  own.target = t;
  const ids = reads.ids;
  let pushed = 0;
  for (let i = 0; i < reads.count; i++) {
    const id = ids[i];
    const entry = id === id0 ? own : entryOf(s, id);
    const list = entry.readers;
    const n = list.length;
    if (n === 0) entry.readers = [id0, version];
    // This target's entry, if any, is the last one: a repeated id is dropped here.
    else if (list[n - 1] !== version || list[n - 2] !== id0) list.push(id0, version);
    else continue;
    pushed++;
  }
  s.pushed += pushed;
  return t;
}

/** The ids one evaluation read, repeats allowed (see `ReadSink`); reset by its count, not its length. */
class ReadList implements ReadSink {
  ids: Id[] = [];
  count = 0;

  add(id: Id): ReadList {
    this.ids[this.count++] = id;
    return this;
  }
}

function entryOf(s: State, id: Id): IdEntry {
  let entry = s.index.get(id);
  if (!entry) {
    entry = { target: undefined, readers: NO_READERS };
    s.index.set(id, entry);
  }
  return entry;
}

/** Keeps the live, first-seen entries of a reader list; calls `each` on them. Returns how many are left. */
function compact(s: State, list: ReaderList, each?: (target: Id) => void): number {
  let w = 0;
  const seen = new Set<Id>();
  for (let i = 0; i < list.length; i += 2) {
    const t = list[i] as Id;
    const version = list[i + 1] as number;
    if (seen.has(t) || s.index.get(t)?.target?.version !== version) continue;
    seen.add(t);
    list[w++] = t;
    list[w++] = version;
    each?.(t);
  }
  list.length = w;
  return w / 2;
}

/** Adds the live readers of `id` to `dirty`, compacting its list. */
function collectReaders(s: State, id: Id, entry: IdEntry, dirty: Set<Id>): void {
  if (compact(s, entry.readers, (t) => dirty.add(t)) === 0) dropReaders(s, id, entry);
}

function dropReaders(s: State, id: Id, entry: IdEntry): void {
  entry.readers = NO_READERS;
  if (!entry.target) s.index.delete(id);
}

function compactAll(s: State): void {
  let live = 0;
  for (const [id, entry] of s.index) {
    const n = entry.readers.length ? compact(s, entry.readers) : 0;
    if (n === 0) dropReaders(s, id, entry);
    live += n;
  }
  s.live = live;
  s.pushed = 0;
}

interface Batch {
  removedFindings: Finding[];
  addedFindings: Finding[];
  removedMitigated: MitigatedByDesign[];
  addedMitigated: MitigatedByDesign[];
  problemsChanged: boolean;
}

function snapshot(s: State): Analysis {
  s.analysis = { findings: s.findings, mitigated: s.mitigated, problems: [...s.set.problems, ...s.runtimeProblems] };
  return s.analysis;
}
