/**
 * Graph queries over a threat model: indexes by id, flow adjacency, boundary chains and boundary crossings
 * (DESIGN.md §8: a flow crosses a zone when exactly one endpoint lies inside it through the nesting chain, and
 * a line boundary when it lists the flow in `crossedBy`).
 *
 * `buildGraph(model)` is cached per model object in a WeakMap. Because documents are immutable (operations
 * share structure and never mutate), a model object's graph never goes stale. Chains and crossings are
 * computed lazily and memoised inside the graph, so a rule pass that never asks for a crossing pays nothing.
 *
 * The rule engine's incremental analyzer keeps a private graph (`createPatchableGraph`) and patches it in place with
 * `patchGraph`; that graph is never put in the WeakMap cache, so the cached graph of a model never changes.
 *
 * Adjacency lists and line-boundary lists are kept sorted by id, not in document order: a patched graph and a
 * freshly built one must agree exactly (rule evidence follows this order), and the array position of an item
 * in the document carries no meaning.
 */
import { keptCopy } from '../lib/keep';
import type { Boundary, Flow, Id, ModelElement, ThreatModel } from './types';

/** Indexes over one model. Treat as read-only outside this module. */
export interface ModelGraph {
  elements: Map<Id, ModelElement>;
  boundaries: Map<Id, Boundary>;
  /** Flows by target element id (only flows whose both endpoints exist). */
  inbound: Map<Id, Flow[]>;
  /** Flows by source element id (only flows whose both endpoints exist). */
  outbound: Map<Id, Flow[]>;
  /** Line boundaries by the flow ids they list in `crossedBy`. */
  linesByFlow: Map<Id, Boundary[]>;
  /**
   * Memo: boundary id → chain of boundaries, itself first. An element's chain is the chain of its boundary,
   * so the elements of a boundary share one array (there are far fewer boundaries than elements).
   */
  chains: Map<Id, Boundary[]>;
  /**
   * Memo: flow → its endpoints and crossed boundaries (see `linksOf`). Keyed by the flow object, which makes
   * a lookup about half the cost of one by id (an analysis makes tens of thousands); an edited flow is a new
   * object, and `patchGraph` drops the entries its other changes make stale. (A Map held the same more
   * cheaply per lookup, but a pass then took a third more minor collections: keep it weak.)
   */
  links: WeakMap<Flow, FlowLinks>;
}

/**
 * A graph the incremental analyzer patches (`patchGraph`), with what patching needs on top: flows by id, and
 * the index of each element, flow and boundary in its document array (a hint for `resolveChanges`). A one-off
 * analysis has no use for these 50,000 entries on a large model, so only this graph has them.
 */
export interface PatchableGraph extends ModelGraph {
  flows: Map<Id, Flow>;
  positions: Map<Id, number>;
}

/** A flow's endpoints as the graph has them (undefined when missing), and the boundaries it crosses once asked. */
export interface FlowLinks {
  source: ModelElement | undefined;
  target: ModelElement | undefined;
  crossings: Boundary[] | undefined;
}

/** The next versions of changed items (an id absent from all three maps was removed or is not an item). */
export interface ResolvedChanges {
  elements: Map<Id, ModelElement>;
  flows: Map<Id, Flow>;
  boundaries: Map<Id, Boundary>;
}

const EMPTY: readonly never[] = Object.freeze([]);
const cache = new WeakMap<ThreatModel, ModelGraph>();

/** The graph of a model, built once per model object. */
export function buildGraph(model: ThreatModel): ModelGraph {
  let graph = cache.get(model);
  if (!graph) {
    graph = createGraph(model);
    cache.set(model, graph);
  }
  return graph;
}

/** A fresh, uncached graph. Use `buildGraph` unless the graph is to be kept apart from the cache. */
export function createGraph(model: ThreatModel): ModelGraph {
  const graph = emptyGraph();
  fill(graph, model, undefined);
  return graph;
}

/** A fresh graph to be patched with `patchGraph` (never the cached one: see the module comment). */
export function createPatchableGraph(model: ThreatModel): PatchableGraph {
  const graph: PatchableGraph = { ...emptyGraph(), flows: new Map(), positions: new Map() };
  fill(graph, model, graph);
  return graph;
}

function emptyGraph(): ModelGraph {
  return {
    elements: new Map(),
    boundaries: new Map(),
    inbound: new Map(),
    outbound: new Map(),
    linesByFlow: new Map(),
    chains: new Map(),
    links: new WeakMap(),
  };
}

function fill(graph: ModelGraph, model: ThreatModel, patchable: PatchableGraph | undefined): void {
  const positions = patchable?.positions;
  model.elements.forEach((el, i) => {
    graph.elements.set(el.id, el);
    positions?.set(el.id, i);
  });
  model.boundaries.forEach((b, i) => {
    graph.boundaries.set(b.id, b);
    positions?.set(b.id, i);
    indexLine(graph, b);
  });
  if (patchable) {
    model.flows.forEach((f, i) => {
      patchable.flows.set(f.id, f);
      patchable.positions.set(f.id, i);
    });
  }
  for (const f of model.flows) {
    if (graph.elements.has(f.source) && graph.elements.has(f.target)) {
      append(graph.outbound, f.source, f);
      append(graph.inbound, f.target, f);
    }
  }
  settle(graph.inbound);
  settle(graph.outbound);
}

/**
 * Sorts each adjacency list and keeps it at its exact length: a list grown by push keeps room for 17 items,
 * and there are two lists per element, kept as long as the graph.
 */
function settle(map: Map<Id, Flow[]>): void {
  map.forEach((list, key) => {
    if (list.length < 2) return;
    sortShort(list);
    map.set(key, keptCopy(list));
  });
}

/**
 * Sorts a list by id, in place. Adjacency lists are short and there is one per element: an insertion sort
 * allocates nothing, where `Array.prototype.sort` makes a work area for each of them.
 */
function sortShort<T extends { id: Id }>(list: T[]): void {
  if (list.length > 32) {
    list.sort(byId);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    let j = i - 1;
    while (j >= 0 && list[j].id > item.id) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = item;
  }
}

function byId(a: { id: Id }, b: { id: Id }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function append(map: Map<Id, Flow[]>, key: Id, f: Flow): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}

/** Inserts keeping the list sorted by id. */
function insertSorted<T extends { id: Id }>(list: T[], item: T): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].id < item.id) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

function indexLine(graph: ModelGraph, b: Boundary): void {
  if (b.shape !== 'line' || !b.crossedBy) return;
  for (const flowId of b.crossedBy) {
    const list = graph.linesByFlow.get(flowId);
    if (!list) graph.linesByFlow.set(flowId, [b]);
    else if (!list.includes(b)) insertSorted(list, b);
  }
}

function link(graph: ModelGraph, f: Flow): void {
  if (!graph.elements.has(f.source) || !graph.elements.has(f.target)) return;
  push(graph.outbound, f.source, f);
  push(graph.inbound, f.target, f);
}

function push(map: Map<Id, Flow[]>, key: Id, f: Flow): void {
  const list = map.get(key);
  if (list) insertSorted(list, f);
  else map.set(key, [f]);
}

function unlink(map: Map<Id, Flow[]>, key: Id, flowId: Id): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.findIndex((f) => f.id === flowId);
  if (i >= 0) list.splice(i, 1);
}

/**
 * Chain of boundaries around an element (from its `boundaryId`) or a boundary (itself first), innermost first,
 * following `parentId`. A cycle or a dangling id ends the chain.
 */
export function chainOf(graph: ModelGraph, id: Id): Boundary[] {
  const el = graph.elements.get(id);
  const start = el ? el.boundaryId : id;
  return start === null ? (EMPTY as unknown as Boundary[]) : boundaryChain(graph, start);
}

/** The chain from a boundary id outwards (empty when there is no such boundary), memoised by that id. */
function boundaryChain(graph: ModelGraph, start: Id): Boundary[] {
  const memo = graph.chains.get(start);
  if (memo) return memo;
  let next: Id | null = start;
  const chain: Boundary[] = [];
  while (next !== null) {
    const b = graph.boundaries.get(next);
    // Chains are a few boundaries long: a scan finds a cycle as well as a set would, without making one.
    if (!b || chain.includes(b)) break;
    chain.push(b);
    next = b.parentId;
  }
  // Kept at its exact length, by a literal (see lib/keep.ts): an array grown by push keeps room for 17 items.
  const exact = chain.length ? keptCopy(chain) : (EMPTY as unknown as Boundary[]);
  graph.chains.set(start, exact);
  return exact;
}

/**
 * Adds to `out` the elements and boundaries whose boundary chain contains one of `boundaryIds`. Rule
 * dependencies record "the chain of X" as X itself, so the incremental analyzer calls this before and after
 * a boundary edit: an element whose chain the edit affects has the boundary in its old chain or its new one.
 */
export function collectUnder(graph: ModelGraph, boundaryIds: ReadonlySet<Id>, out: Set<Id>): void {
  if (!boundaryIds.size) return;
  const visit = (id: Id) => {
    for (const b of chainOf(graph, id)) {
      if (boundaryIds.has(b.id)) {
        out.add(id);
        return;
      }
    }
  };
  for (const id of graph.elements.keys()) visit(id);
  for (const id of graph.boundaries.keys()) visit(id);
}

/** A flow's endpoints and (once asked) crossings, memoised per flow object. */
export function linksOf(graph: ModelGraph, flow: Flow): FlowLinks {
  let links = graph.links.get(flow);
  if (!links) {
    links = { source: graph.elements.get(flow.source), target: graph.elements.get(flow.target), crossings: undefined };
    graph.links.set(flow, links);
  }
  return links;
}

/** Boundaries a flow crosses: the zones exactly one endpoint is inside, then line boundaries listing the flow. */
export function crossingsOf(graph: ModelGraph, flow: Flow): Boundary[] {
  return crossingsOfLinks(graph, flow, linksOf(graph, flow));
}

/** `crossingsOf` with the flow's links at hand (from `linksOf`). */
export function crossingsOfLinks(graph: ModelGraph, flow: Flow, links: FlowLinks): Boundary[] {
  return (links.crossings ??= computeCrossings(graph, flow, links));
}

function computeCrossings(graph: ModelGraph, flow: Flow, links: FlowLinks): Boundary[] {
  // The endpoints as the links have them: no lookups by id.
  const a = zonesOf(graph, links.source);
  const b = zonesOf(graph, links.target);
  // Chains end at a root, so the zones both endpoints are in form a common tail; only the heads can differ.
  // (A chain never repeats a boundary, so a head item of one chain can only occur in the other's head.)
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0 && a[i - 1] === b[j - 1]) {
    i--;
    j--;
  }
  const lines = graph.linesByFlow.size ? graph.linesByFlow.get(flow.id) : undefined;
  if (i === 0 && j === 0 && !lines) return EMPTY as unknown as Boundary[];
  // Gathered in a scratch list and kept at its exact length (see lib/keep.ts). There is one per flow.
  const result = crossingScratch;
  let n = 0;
  for (let k = 0; k < i; k++) if (!includesBefore(b, a[k], j)) result[n++] = a[k];
  for (let k = 0; k < j; k++) if (!includesBefore(a, b[k], i)) result[n++] = b[k];
  if (lines) for (const line of lines) if (!includesBefore(result, line, n)) result[n++] = line;
  if (!n) return EMPTY as unknown as Boundary[];
  const kept = keptCopy(result, n);
  // Cleared item by item (clearing by length frees the scratch list's storage), so no old model stays reachable.
  for (let k = 0; k < n; k++) result[k] = undefined as unknown as Boundary;
  return kept;
}

const crossingScratch: Boundary[] = [];

function includesBefore(list: readonly Boundary[], item: Boundary, end: number): boolean {
  for (let k = 0; k < end; k++) if (list[k] === item) return true;
  return false;
}

function zonesOf(graph: ModelGraph, el: ModelElement | undefined): Boundary[] {
  if (!el || el.boundaryId === null) return EMPTY as unknown as Boundary[];
  const chain = boundaryChain(graph, el.boundaryId);
  for (let i = 0; i < chain.length; i++) if (chain[i].shape !== 'zone') return chain.filter((z) => z.shape === 'zone');
  return chain;
}

/** Inbound flows of a node in the graph (a shared array: do not mutate). */
export function inboundOf(graph: ModelGraph, nodeId: Id): readonly Flow[] {
  return graph.inbound.get(nodeId) ?? EMPTY;
}

/** Outbound flows of a node in the graph (a shared array: do not mutate). */
export function outboundOf(graph: ModelGraph, nodeId: Id): readonly Flow[] {
  return graph.outbound.get(nodeId) ?? EMPTY;
}

/** The boundary chain of an element (or of a boundary, itself first), innermost first. */
export function getBoundaryChain(model: ThreatModel, id: Id): Boundary[] {
  return chainOf(buildGraph(model), id).slice();
}

/** The boundaries a flow crosses (empty for an unknown flow id). */
export function getCrossedBoundaries(model: ThreatModel, flowId: Id): Boundary[] {
  // One flow, for the editor: a scan of the document rather than a flow index in every graph.
  const flow = model.flows.find((f) => f.id === flowId);
  return flow ? crossingsOf(buildGraph(model), flow).slice() : [];
}

/** Whether the flow crosses a boundary, of the given type when one is given. */
export function flowCrosses(model: ThreatModel, flow: Flow, type?: string): boolean {
  const crossed = crossingsOf(buildGraph(model), flow);
  return type === undefined ? crossed.length > 0 : crossed.some((b) => b.type === type);
}

/** Flows into a node. */
export function getInbound(model: ThreatModel, nodeId: Id): Flow[] {
  return inboundOf(buildGraph(model), nodeId).slice();
}

/** Flows out of a node. */
export function getOutbound(model: ThreatModel, nodeId: Id): Flow[] {
  return outboundOf(buildGraph(model), nodeId).slice();
}

/**
 * Brings a private graph (from `createPatchableGraph(prev)`) up to date with `next`, given the ids whose objects
 * changed, were added or removed. Memoised chains and crossings that could depend on them are dropped.
 */
export function patchGraph(graph: PatchableGraph, next: ThreatModel, changed: ReadonlySet<Id>, resolved = resolveChanges(graph, next, changed)): void {
  const { elements: nextEls, flows: nextFlows, boundaries: nextBounds } = resolved;

  let boundariesChanged = false;
  for (const id of changed) {
    if (graph.boundaries.has(id) || nextBounds.has(id)) boundariesChanged = true;
  }
  // Flows first come off the adjacency (their old endpoints), then elements change, then flows go back on.
  const relink: Flow[] = [];
  for (const id of changed) {
    const old = graph.flows.get(id);
    if (old) {
      unlink(graph.outbound, old.source, id);
      unlink(graph.inbound, old.target, id);
      graph.flows.delete(id);
      graph.links.delete(old);
    }
    const now = nextFlows.get(id);
    if (now) {
      graph.flows.set(id, now);
      relink.push(now);
    }
  }
  for (const id of changed) {
    const old = graph.elements.get(id);
    const now = nextEls.get(id);
    if (old === now) continue;
    const existedBefore = old !== undefined;
    if (now) graph.elements.set(id, now);
    else {
      graph.elements.delete(id);
      graph.positions.delete(id);
    }
    // A removed or added element changes which flows are linked (dangling flows are left out).
    if (!now || !existedBefore) relinkDangling(graph, id, now !== undefined, changed);
    for (const f of graph.inbound.get(id) ?? EMPTY) graph.links.delete(f);
    for (const f of graph.outbound.get(id) ?? EMPTY) graph.links.delete(f);
  }
  for (const f of relink) link(graph, f);
  if (boundariesChanged) {
    for (const id of changed) {
      if (nextBounds.has(id)) graph.boundaries.set(id, nextBounds.get(id)!);
      else if (graph.boundaries.has(id)) graph.boundaries.delete(id);
    }
    graph.linesByFlow.clear();
    for (const b of graph.boundaries.values()) indexLine(graph, b);
    graph.chains.clear();
    graph.links = new WeakMap();
  }
}

/**
 * Finds the next versions of the changed ids in `next`, without scanning the document when it can help it:
 * the remembered array position is tried first (operations replace items in place and append new ones), then
 * the array is scanned from the end.
 */
export function resolveChanges(graph: PatchableGraph, next: ThreatModel, changed: ReadonlySet<Id>): ResolvedChanges {
  const out: ResolvedChanges = { elements: new Map(), flows: new Map(), boundaries: new Map() };
  for (const id of changed) {
    const wasElement = graph.elements.has(id);
    const wasFlow = !wasElement && graph.flows.has(id);
    const wasBoundary = !wasElement && !wasFlow && graph.boundaries.has(id);
    const unknown = !wasElement && !wasFlow && !wasBoundary;
    if (wasElement || unknown) {
      const el = locate(graph, next.elements, id);
      if (el) {
        out.elements.set(id, el);
        continue;
      }
    }
    if (wasFlow || unknown) {
      const f = locate(graph, next.flows, id);
      if (f) {
        out.flows.set(id, f);
        continue;
      }
    }
    if (wasBoundary || unknown) {
      const b = locate(graph, next.boundaries, id);
      if (b) out.boundaries.set(id, b);
    }
  }
  return out;
}

function locate<T extends { id: Id }>(graph: PatchableGraph, list: readonly T[], id: Id): T | undefined {
  const hint = graph.positions.get(id);
  if (hint !== undefined && list[hint]?.id === id) return list[hint];
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].id === id) {
      graph.positions.set(id, i);
      return list[i];
    }
  }
  return undefined;
}

function relinkDangling(graph: PatchableGraph, elementId: Id, added: boolean, changed: ReadonlySet<Id>): void {
  if (!added) {
    for (const f of graph.inbound.get(elementId) ?? EMPTY) {
      unlink(graph.outbound, f.source, f.id);
      graph.links.delete(f);
    }
    for (const f of graph.outbound.get(elementId) ?? EMPTY) {
      unlink(graph.inbound, f.target, f.id);
      graph.links.delete(f);
    }
    graph.inbound.delete(elementId);
    graph.outbound.delete(elementId);
    return;
  }
  // Flows that were dangling until this element appeared (changed flows are linked by the caller).
  for (const f of graph.flows.values()) {
    if (changed.has(f.id) || (f.source !== elementId && f.target !== elementId)) continue;
    graph.links.delete(f);
    unlink(graph.outbound, f.source, f.id);
    unlink(graph.inbound, f.target, f.id);
    link(graph, f);
  }
}
