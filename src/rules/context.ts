/**
 * The run-time context of a compiled rule, and the one primitive every property read goes through. Evidence is
 * recorded into parallel arrays that are reused across evaluations (an analysis runs hundreds of thousands of
 * them); EvidenceItem objects are only built for rules that fire. Property values of the current target (and
 * a flow's endpoints, and the entities its rules keep looking at) are read from arrays loaded once per target
 * (see slots.ts), and what the rules look up in the graph is kept per target (see `nearbyOf`).
 */
import type { EvidenceItem } from '../model/findings';
import type { FlowLinks, ModelGraph } from '../model/graph';
import type { Boundary, Flow, Id, ModelElement, PropValue } from '../model/types';
import type { ElementFacts, SeverityLookups } from './severity';
import { emptyLoaded, loadProps, loadSnapshot, slotCount, slotOf, snapshotOf, type LoadedProps } from './slots';

export { propSlot, loadProps, type LoadedProps } from './slots';

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
  /** Evidence so far: entity, property name and its slot at each index below `evLen`. */
  evEntities: Entity[];
  evProps: string[];
  evSlots: number[];
  evLen: number;
  /** Ids this evaluation looked at, for incremental re-analysis; undefined when nobody needs them. */
  reads: ReadSink | undefined;
  /**
   * Whether property reads are recorded as evidence. The engine first decides every verdict with this off
   * (most rules do not fire, and their evidence would be thrown away) and turns it on to re-run the few that
   * fire; reads for `reads` are recorded either way.
   */
  recording: boolean;
  /** The links of `self` when it is a flow, as the engine looked them up (see `linksOf`). */
  selfLinks: FlowLinks | undefined;
  /** The boundaries `self` crosses when it is a flow, once asked (many flow rules ask). Reset per target. */
  selfCrossings: readonly Boundary[] | undefined;
  /**
   * Evidence items already made for the current target's findings (the first `evCacheLen`), shared between
   * them. Reset per target by its count: emptying an array by its length frees its storage, to be allocated
   * again at the next push.
   */
  evCache: EvidenceItem[];
  evCacheLen: number;
  /**
   * Evidence items of the current target's own properties by slot, valid where `selfItemMark` holds
   * `targetSerial` (a new serial per target invalidates them all at once; see evidence.ts).
   */
  selfItems: EvidenceItem[];
  selfItemMark: Int32Array;
  targetSerial: number;
  /** Whether the evidence `collectEvidence` returned last has an unknown item. */
  evUnknown: boolean;
  /** The property values of `self` and of a flow's endpoints, loaded by the engine once per target. */
  selfProps: LoadedProps;
  sourceProps: LoadedProps;
  targetProps: LoadedProps;
  /** Whether the ids of the loaded endpoints are in `reads` (the engine records them with the target). */
  endsRecorded: boolean;
  /** Whether `self`'s id, and '$lines', are in `reads` for the current target. */
  selfRecorded: boolean;
  linesRecorded: boolean;
  /** Other entities the current target's rules look at, with what they found out (see `nearbyOf`). */
  nearby: Nearby[];
  nearbyCount: number;
  /**
   * The entry `nearbyOf` returned last, if still in the table: helpers ask about the same flow several times in
   * a row (its initiator, crossings, a property, an endpoint), so most lookups end here without a scan.
   */
  lastNearby: Nearby | undefined;
  /** The target's inbound and outbound flows, once asked; reset per target. */
  selfInbound: readonly Flow[] | undefined;
  selfOutbound: readonly Flow[] | undefined;
  /** `exposedApi(self)` once decided without evidence (a dozen rules ask); reset per target. */
  selfExposedApi: boolean | undefined;
  /** What this pass keeps about elements (see `elementRecord`); whoever changes the model clears it. */
  records: Map<ModelElement, ElementRecord>;
  /**
   * The records of the current target (a node) or of a flow's endpoints, as the engine looked them up: the
   * severity facts of a target with findings need them again (see `recordOf`).
   */
  selfRecord: ElementRecord | undefined;
  sourceRecord: ElementRecord | undefined;
  targetRecord: ElementRecord | undefined;
  /**
   * The slots set on the current target (or a flow's endpoints): `present[slot] === presentSerial`; or
   * `presentUnknown` when one of them could not be loaded (see `markPresent` in mitigation.ts).
   */
  present: Int32Array;
  presentSerial: number;
  presentUnknown: boolean;
  selfUnknown: boolean;
  /** How severity facts reach the graph through this context's memos (made by the engine, see ruleset.ts). */
  severityLookups: SeverityLookups | undefined;
}

/**
 * What a pass keeps about an element of the graph: its property values by slot, to load again without looking
 * them up by name every time it is the endpoint of a flow, and its severity facts.
 */
export interface ElementRecord {
  element: ModelElement;
  /** `slot, value, ...` (see `snapshotOf`), once loaded; stale when slots were added since (`slots`). */
  snapshot: (number | PropValue | undefined)[] | undefined;
  slots: number;
  facts: ElementFacts | undefined;
}

/** The record of an element, made on first use (keyed by the object: cheaper than by id). */
export function elementRecord(ctx: EvalContext, element: ModelElement): ElementRecord {
  let rec = ctx.records.get(element);
  if (rec === undefined) {
    rec = { element, snapshot: undefined, slots: 0, facts: undefined };
    ctx.records.set(element, rec);
  }
  return rec;
}

/** `elementRecord`, without a lookup for the elements the engine looked up for the current target. */
export function recordOf(ctx: EvalContext, element: ModelElement): ElementRecord {
  if (ctx.selfRecord?.element === element) return ctx.selfRecord;
  if (ctx.sourceRecord?.element === element) return ctx.sourceRecord;
  if (ctx.targetRecord?.element === element) return ctx.targetRecord;
  return elementRecord(ctx, element);
}

/** Loads a recorded element's properties, from its snapshot when it has a current one. */
export function loadElement(into: LoadedProps, rec: ElementRecord): void {
  if (rec.snapshot !== undefined && rec.slots === slotCount()) {
    loadSnapshot(into, rec.element, rec.snapshot);
    return;
  }
  loadProps(into, rec.element);
  if (into.entity === rec.element) {
    rec.snapshot = snapshotOf(into);
    rec.slots = slotCount();
  }
}

/**
 * What the current target's rules found out about another entity they look at: the flows of a node above all,
 * which a dozen rules each walk, asking for their properties, crossings and endpoints. Kept in a small table
 * that is searched by identity, much cheaper than the graph's maps; reset per target.
 */
export interface Nearby {
  entity: Entity | undefined;
  /** Property reads so far: the properties are loaded at the second read, since most are read again. */
  readCount: number;
  /** Whether its id is in `reads` already (a target's reads are a set: once is enough). */
  recorded: boolean;
  props: LoadedProps;
  crossings: readonly Boundary[] | undefined;
  /** A flow's endpoints and crossings as the graph has them, once looked up: one lookup for all three. */
  links: FlowLinks | undefined;
}

const NEARBY_LIMIT = 16;

/** Starts the per-target memos for a new target. */
export function resetTarget(ctx: EvalContext): void {
  ctx.nearbyCount = 0;
  ctx.lastNearby = undefined;
  ctx.selfRecorded = ctx.endsRecorded = ctx.linesRecorded = false;
  ctx.selfCrossings = undefined;
  ctx.selfInbound = undefined;
  ctx.selfOutbound = undefined;
  ctx.selfExposedApi = undefined;
  ctx.evCacheLen = 0;
  // Serial 0 is never used, so that a fresh (zeroed) mark array marks nothing.
  ctx.targetSerial = (ctx.targetSerial + 1) & 0x3fffffff || 1;
}

/** The table entry of an entity, made on first sight; undefined once the table is full (a node of many flows). */
export function nearbyOf(ctx: EvalContext, entity: Entity): Nearby | undefined {
  const last = ctx.lastNearby;
  if (last !== undefined && last.entity === entity) return last;
  const list = ctx.nearby;
  const n = ctx.nearbyCount;
  for (let i = 0; i < n; i++) if (list[i].entity === entity) return (ctx.lastNearby = list[i]);
  if (n >= NEARBY_LIMIT) return undefined;
  let e = list[n];
  if (!e) list[n] = e = { entity: undefined, readCount: 0, recorded: false, props: emptyLoaded(), crossings: undefined, links: undefined };
  e.entity = entity;
  e.readCount = 0;
  e.recorded = false;
  e.crossings = undefined;
  e.links = undefined;
  ctx.nearbyCount = n + 1;
  return (ctx.lastNearby = e);
}

/**
 * Where an evaluation records the ids it looked at. A `Set` is one; the incremental analyzer passes a plain
 * list that may repeat ids (it drops repeats as it indexes them, cheaper than hashing each one twice).
 */
export interface ReadSink {
  add(id: Id): ReadSink;
}

export function createContext(graph: ModelGraph, reads?: ReadSink): EvalContext {
  const ctx: EvalContext = {
    graph,
    self: undefined as unknown as Entity,
    source: undefined,
    target: undefined,
    locals: [],
    evEntities: [],
    evProps: [],
    evSlots: [],
    evLen: 0,
    reads,
    recording: true,
    selfLinks: undefined,
    selfCrossings: undefined,
    evCache: [],
    evCacheLen: 0,
    selfItems: [],
    selfItemMark: new Int32Array(0),
    targetSerial: 1,
    evUnknown: false,
    selfProps: emptyLoaded(),
    sourceProps: emptyLoaded(),
    targetProps: emptyLoaded(),
    endsRecorded: false,
    selfRecorded: false,
    linesRecorded: false,
    nearby: [],
    nearbyCount: 0,
    lastNearby: undefined,
    selfInbound: undefined,
    selfOutbound: undefined,
    selfExposedApi: undefined,
    records: new Map(),
    selfRecord: undefined,
    sourceRecord: undefined,
    targetRecord: undefined,
    present: new Int32Array(0),
    presentSerial: 0,
    presentUnknown: true,
    selfUnknown: true,
    severityLookups: undefined,
  };
  return ctx;
}

/**
 * Reads a property by name and slot, recording it as evidence when the context records. The entities the
 * engine loaded for the current target are read from their slots, anything else from its props.
 */
export function readPropAt(ctx: EvalContext, entity: Entity, prop: string, slot: number): PropValue | undefined {
  if (ctx.recording) {
    const i = ctx.evLen++;
    ctx.evEntities[i] = entity;
    ctx.evProps[i] = prop;
    ctx.evSlots[i] = slot;
  }
  if (entity === ctx.self) {
    // The target itself is always a dependency (the engine records it once), so it is not added to `reads`.
    const own = ctx.selfProps;
    return own.entity === entity && slot >= 0 ? own.values[slot] : entity.props[prop];
  }
  const reads = ctx.reads;
  if (slot >= 0) {
    if (ctx.sourceProps.entity === entity || ctx.targetProps.entity === entity) {
      // A flow's endpoints: in `reads` already when the engine loaded them for the target (see evaluateTarget).
      if (reads !== undefined && !ctx.endsRecorded) reads.add(entity.id);
      return ctx.sourceProps.entity === entity ? ctx.sourceProps.values[slot] : ctx.targetProps.values[slot];
    }
  }
  const near = nearbyOf(ctx, entity);
  if (!near) {
    if (reads !== undefined) reads.add(entity.id);
    return entity.props[prop];
  }
  // A target's reads are a set: once per entity is enough.
  if (reads !== undefined && !near.recorded) {
    reads.add(entity.id);
    near.recorded = true;
  }
  return slot >= 0 ? nearValue(near, entity, prop, slot) : entity.props[prop];
}

/** A property of a nearby entity, from its loaded values once it has been read twice. */
function nearValue(near: Nearby, entity: Entity, prop: string, slot: number): PropValue | undefined {
  const loaded = near.props;
  if (loaded.entity !== entity && ++near.readCount >= 2) loadProps(loaded, entity);
  return loaded.entity === entity ? loaded.values[slot] : entity.props[prop];
}

/** Reads a property and records it as evidence (`readPropAt` without a slot at hand). */
export function readProp(ctx: EvalContext, entity: Entity, prop: string): PropValue | undefined {
  return readPropAt(ctx, entity, prop, slotOf(prop));
}

/** A property value as `readPropAt` finds it, recording nothing. */
export function peekAt(ctx: EvalContext, entity: Entity, prop: string, slot: number): PropValue | undefined {
  if (slot < 0) return entity.props[prop];
  if (ctx.selfProps.entity === entity) return ctx.selfProps.values[slot];
  if (ctx.sourceProps.entity === entity) return ctx.sourceProps.values[slot];
  if (ctx.targetProps.entity === entity) return ctx.targetProps.values[slot];
  const near = nearbyOf(ctx, entity);
  return near ? nearValue(near, entity, prop, slot) : entity.props[prop];
}

/**
 * Reads a property that has a documented default (`initiator` is 'src', an actor's `trust` is 'untrusted'):
 * an unset value is not evidence of anything unknown, so only a set value is recorded.
 */
export function readPropWithDefault(ctx: EvalContext, entity: Entity, prop: string, slot: number = slotOf(prop)): PropValue | undefined {
  const v = peekAt(ctx, entity, prop, slot);
  if (v !== undefined) return readPropAt(ctx, entity, prop, slot);
  touchEntity(ctx, entity);
  return undefined;
}

/** Records that the evaluation depended on an id without reading a property of it. */
export function touch(ctx: EvalContext, id: Id): void {
  const reads = ctx.reads;
  if (reads === undefined) return;
  // The target's own ids are recorded once per target; rules ask about them over and over.
  if (id === ctx.self.id) {
    if (!ctx.selfRecorded) reads.add(id);
    ctx.selfRecorded = true;
  } else if (!ctx.endsRecorded || (id !== ctx.source?.id && id !== ctx.target?.id)) reads.add(id);
}

/** `touch` for an entity at hand: the entities the rules keep looking at are recorded once per target. */
export function touchEntity(ctx: EvalContext, entity: Entity): void {
  const reads = ctx.reads;
  if (reads === undefined) return;
  if (entity === ctx.self) {
    if (!ctx.selfRecorded) reads.add(entity.id);
    ctx.selfRecorded = true;
    return;
  }
  if (ctx.endsRecorded && (entity === ctx.source || entity === ctx.target)) return;
  const near = nearbyOf(ctx, entity);
  if (near?.recorded) return;
  reads.add(entity.id);
  if (near) near.recorded = true;
}

/** Records the dependency on line boundaries ('$lines'), once per target. */
export function touchLines(ctx: EvalContext): void {
  if (ctx.reads === undefined || ctx.linesRecorded) return;
  ctx.reads.add('$lines');
  ctx.linesRecorded = true;
}

/** Forgets the evidence recorded in [from, to): reads that did not decide the verdict. */
export function dropEvidence(ctx: EvalContext, from: number, to: number): void {
  if (to <= from) return;
  const shift = to - from;
  for (let i = to; i < ctx.evLen; i++) {
    ctx.evEntities[i - shift] = ctx.evEntities[i];
    ctx.evProps[i - shift] = ctx.evProps[i];
    ctx.evSlots[i - shift] = ctx.evSlots[i];
  }
  ctx.evLen -= shift;
}

export function isFlow(value: Value): value is Flow {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'source' in value && 'target' in value;
}

export function isElement(value: Value): value is ModelElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value;
}
