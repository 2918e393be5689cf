/**
 * The run-time context of a compiled rule, and the one primitive every property read goes through. Evidence is
 * recorded into parallel arrays that are reused across evaluations (an analysis runs hundreds of thousands of
 * them); EvidenceItem objects are only built for rules that fire.
 */
import type { EvidenceItem } from '../model/findings';
import type { ModelGraph } from '../model/graph';
import type { Boundary, Flow, Id, ModelElement, PropValue } from '../model/types';

export type Entity = ModelElement | Flow | Boundary;

/** What an expression evaluates to. `undefined` is *unknown*. */
export type Value = undefined | boolean | number | string | readonly (string | number)[] | Entity | readonly Flow[];

export interface EvalContext {
  graph: ModelGraph;
  self: Entity;
  /** The endpoints of a flow rule's target. */
  source: ModelElement | undefined;
  target: ModelElement | undefined;
  /** Lambda parameters by nesting depth. */
  locals: (Flow | undefined)[];
  /** Evidence so far: entity and property name at each index below `evLen`. */
  evEntities: Entity[];
  evProps: string[];
  evLen: number;
  /** Ids this evaluation looked at, for incremental re-analysis; undefined when nobody needs them. */
  reads: Set<Id> | undefined;
  /** The boundaries `self` crosses when it is a flow, once asked (many flow rules ask). Reset per target. */
  selfCrossings: readonly Boundary[] | undefined;
  /** Evidence items already made for the current target's findings, shared between them. Reset per target. */
  evCache: EvidenceItem[];
}

export function createContext(graph: ModelGraph, reads?: Set<Id>): EvalContext {
  return {
    graph,
    self: undefined as unknown as Entity,
    source: undefined,
    target: undefined,
    locals: [],
    evEntities: [],
    evProps: [],
    evLen: 0,
    reads,
    selfCrossings: undefined,
    evCache: [],
  };
}

/** Reads a property and records it as evidence. */
export function readProp(ctx: EvalContext, entity: Entity, prop: string): PropValue | undefined {
  const i = ctx.evLen++;
  ctx.evEntities[i] = entity;
  ctx.evProps[i] = prop;
  // The target itself is always a dependency (the engine records it once), so skip the common case here.
  if (ctx.reads && entity !== ctx.self) ctx.reads.add(entity.id);
  return entity.props[prop];
}

/**
 * Reads a property that has a documented default (`initiator` is 'src', an actor's `trust` is 'untrusted'):
 * an unset value is not evidence of anything unknown, so only a set value is recorded.
 */
export function readPropWithDefault(ctx: EvalContext, entity: Entity, prop: string): PropValue | undefined {
  const v = entity.props[prop];
  if (v !== undefined) return readProp(ctx, entity, prop);
  if (ctx.reads) ctx.reads.add(entity.id);
  return undefined;
}

/** Records that the evaluation depended on an id without reading a property of it. */
export function touch(ctx: EvalContext, id: Id): void {
  if (ctx.reads) ctx.reads.add(id);
}

/** Forgets the evidence recorded in [from, to): reads that did not decide the verdict. */
export function dropEvidence(ctx: EvalContext, from: number, to: number): void {
  if (to <= from) return;
  const shift = to - from;
  for (let i = to; i < ctx.evLen; i++) {
    ctx.evEntities[i - shift] = ctx.evEntities[i];
    ctx.evProps[i - shift] = ctx.evProps[i];
  }
  ctx.evLen -= shift;
}

export function isFlow(value: Value): value is Flow {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'source' in value && 'target' in value;
}

export function isElement(value: Value): value is ModelElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value;
}
