/**
 * The helper functions of the rule language (docs/RULES.md): their signatures, which the checker enforces, and
 * their run-time implementations. Every helper is total: a value of the wrong shape (an imported property
 * holding text where a list belongs, say) yields false or unknown, never an exception.
 *
 * Helpers that read graph structure record the ids they look at (`touch`), so the incremental analyzer knows
 * which targets to re-evaluate when those ids change.
 */
import { chainOf, crossingsOfLinks, inboundOf, linksOf, outboundOf, type FlowLinks } from '../model/graph';
import { PUBLIC_DATA, SENSITIVE_DATA } from '../model/properties';
import type { Boundary, Flow, ModelElement } from '../model/types';
import { nearbyOf, peekAt, readPropAt, readPropWithDefault, touch, touchEntity, touchLines, type EvalContext, type Value } from './context';
import { propSlot } from './slots';

/** Argument kinds a helper accepts. */
export type ParamKind = 'node' | 'flow' | 'entity' | 'bool' | 'value' | 'list' | 'string' | 'flows' | 'lambda';

export interface HelperSignature {
  params: readonly ParamKind[];
  /** How many of the trailing params may be left out. */
  optional?: number;
  /** A variadic tail of this kind (at least one). */
  rest?: ParamKind;
  returns: 'bool' | 'number' | 'string' | 'node' | 'flows';
  /** For string results: the values it can take. */
  values?: readonly string[];
}

/** The helper table; the checker rejects any other call. */
export const HELPER_SIGNATURES: Record<string, HelperSignature> = {
  is: { params: ['entity'], rest: 'string', returns: 'bool' },
  on: { params: ['bool'], returns: 'bool' },
  off: { params: ['bool'], returns: 'bool' },
  isSet: { params: ['value'], returns: 'bool' },
  none: { params: ['value'], returns: 'bool' },
  has: { params: ['list', 'string'], returns: 'bool' },
  hasAny: { params: ['list', 'list'], returns: 'bool' },
  initiator: { params: ['flow'], returns: 'string', values: ['src', 'dst'] },
  enc: { params: ['flow'], returns: 'bool' },
  crosses: { params: ['flow', 'string'], optional: 1, returns: 'bool' },
  isWs: { params: ['flow'], returns: 'bool' },
  isFix: { params: ['flow'], returns: 'bool' },
  signed: { params: ['flow'], returns: 'bool' },
  sensitiveData: { params: ['list'], returns: 'bool' },
  onlyPublicData: { params: ['flow'], returns: 'bool' },
  thirdParty: { params: ['node'], returns: 'bool' },
  exposedApi: { params: ['node'], returns: 'bool' },
  inbound: { params: ['node'], returns: 'flows' },
  outbound: { params: ['node'], returns: 'flows' },
  source: { params: ['flow'], returns: 'node' },
  target: { params: ['flow'], returns: 'node' },
  any: { params: ['flows', 'lambda'], returns: 'bool' },
  all: { params: ['flows', 'lambda'], returns: 'bool' },
  count: { params: ['flows', 'lambda'], returns: 'number' },
};

export const ENCRYPTED_PROTOCOLS: ReadonlySet<string> = new Set(['https', 'wss', 'fix+tls', 'tls', 'ssh']);
export const PLAIN_PROTOCOLS: ReadonlySet<string> = new Set(['http', 'ws', 'fix', 'tcp']);
export const SIGNED_AUTH: ReadonlySet<string> = new Set(['hmac', 'ed25519', 'rsa', 'ecdsa']);
export const THIRD_PARTY_TYPES: ReadonlySet<string> = new Set([
  'exchange', 'liquidityProvider', 'oracle', 'marketDataFeed', 'rpcNode', 'thirdPartyApi', 'dex',
]);
export const API_TYPES: ReadonlySet<string> = new Set(['apiGateway', 'exchange', 'websocketServer', 'fixGateway']);
const SENSITIVE: ReadonlySet<string> = new Set(SENSITIVE_DATA);
const PUBLIC: ReadonlySet<string> = new Set(PUBLIC_DATA);
const EXTERNAL_ZONES: ReadonlySet<string> = new Set(['internet', 'partner']);

// Slots of the properties the helpers read (see propSlot in context.ts).
const INITIATOR = propSlot('initiator');
const ENCRYPTED = propSlot('encryptedInTransit');
const PROTOCOL = propSlot('protocol');
const AUTHENTICATION = propSlot('authentication');
const DATA = propSlot('data');
const TRUST = propSlot('trust');
const EXPOSES_API = propSlot('exposesApi');

/** A helper implementation: arguments are already evaluated. */
export type HelperImpl = (ctx: EvalContext, a: Value, b: Value) => Value;

const asFlow = (v: Value): Flow | undefined => (v as Flow | undefined) ?? undefined;
const asNode = (v: Value): ModelElement | undefined => (v as ModelElement | undefined) ?? undefined;

export function on(v: Value): boolean {
  return v === true;
}

export function off(v: Value): boolean {
  return v !== true;
}

export function isSet(v: Value): boolean {
  return v !== undefined;
}

export function none(v: Value): boolean {
  return v === undefined || v === false || v === 'none' || (Array.isArray(v) && v.length === 0);
}

export function has(list: Value, item: Value): boolean {
  return Array.isArray(list) && item !== undefined && (list as readonly unknown[]).includes(item);
}

export function hasAny(list: Value, items: Value): boolean {
  if (!Array.isArray(list) || !Array.isArray(items)) return false;
  const l = list as readonly unknown[];
  const xs = items as readonly unknown[];
  // Plain loops: these helpers run hundreds of thousands of times per analysis, and callbacks allocate.
  for (let i = 0; i < xs.length; i++) if (l.includes(xs[i])) return true;
  return false;
}

/** 'src' unless the flow says 'dst'; unknown only when the stored value is neither. */
export function initiator(ctx: EvalContext, f: Flow | undefined): Value {
  if (!f) return undefined;
  const v = readPropWithDefault(ctx, f, 'initiator', INITIATOR);
  if (v === undefined) return 'src';
  return v === 'src' || v === 'dst' ? v : undefined;
}

/** Encrypted in transit: `encryptedInTransit` if set, else what the protocol implies; unknown otherwise. */
export function enc(ctx: EvalContext, f: Flow | undefined): Value {
  if (!f) return undefined;
  const explicit = peekAt(ctx, f, 'encryptedInTransit', ENCRYPTED);
  if (typeof explicit === 'boolean') return readPropAt(ctx, f, 'encryptedInTransit', ENCRYPTED);
  const protocol = readPropAt(ctx, f, 'protocol', PROTOCOL);
  if (typeof protocol !== 'string') {
    readPropAt(ctx, f, 'encryptedInTransit', ENCRYPTED);
    return undefined;
  }
  if (ENCRYPTED_PROTOCOLS.has(protocol)) return true;
  if (PLAIN_PROTOCOLS.has(protocol)) return false;
  readPropAt(ctx, f, 'encryptedInTransit', ENCRYPTED);
  return undefined;
}

/** The boundaries a flow crosses, recording everything the answer depends on. */
export function crossed(ctx: EvalContext, f: Flow): readonly Boundary[] {
  // Kept per target, and so are the reads it records: only the first time of a target records them.
  if (f === ctx.self) return (ctx.selfCrossings ??= crossingsWithReads(ctx, f, ctx.selfLinks ?? linksOf(ctx.graph, f)));
  const near = nearbyOf(ctx, f);
  if (!near) return crossingsWithReads(ctx, f, linksOf(ctx.graph, f));
  return (near.crossings ??= crossingsWithReads(ctx, f, (near.links ??= linksOf(ctx.graph, f))));
}

function crossingsWithReads(ctx: EvalContext, f: Flow, links: FlowLinks): readonly Boundary[] {
  if (ctx.reads) {
    touchEntity(ctx, f);
    touchLines(ctx);
    touch(ctx, f.source);
    touch(ctx, f.target);
  }
  return crossingsOfLinks(ctx.graph, f, links);
}

/**
 * An element's boundary chain, recorded as a dependency on the element itself: the incremental analyzer turns
 * a boundary edit into the ids of everything inside it (`collectUnder`).
 */
export function touchChain(ctx: EvalContext, elementId: string): readonly Boundary[] {
  ctx.reads?.add(elementId);
  return chainOf(ctx.graph, elementId);
}

export function crosses(ctx: EvalContext, f: Flow | undefined, type?: Value): boolean {
  if (!f) return false;
  const list = crossed(ctx, f);
  if (type === undefined) return list.length > 0;
  for (let i = 0; i < list.length; i++) if (list[i].type === type) return true;
  return false;
}

const WS_PROTOCOLS: ReadonlySet<string> = new Set(['ws', 'wss']);
const FIX_PROTOCOLS: ReadonlySet<string> = new Set(['fix', 'fix+tls']);

function protocolIn(ctx: EvalContext, f: Flow | undefined, set: ReadonlySet<string>): boolean {
  if (!f) return false;
  const p = readPropAt(ctx, f, 'protocol', PROTOCOL);
  return typeof p === 'string' && set.has(p);
}

export function signed(ctx: EvalContext, f: Flow | undefined): boolean {
  if (!f) return false;
  const a = readPropAt(ctx, f, 'authentication', AUTHENTICATION);
  return typeof a === 'string' && SIGNED_AUTH.has(a);
}

export function sensitiveData(list: Value): boolean {
  if (!Array.isArray(list)) return false;
  const xs = list as readonly unknown[];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x === 'string' && SENSITIVE.has(x)) return true;
  }
  return false;
}

export function onlyPublicData(ctx: EvalContext, f: Flow | undefined): boolean {
  if (!f) return false;
  const data = readPropAt(ctx, f, 'data', DATA);
  if (!Array.isArray(data) || data.length === 0) return false;
  for (let i = 0; i < data.length; i++) if (!PUBLIC.has(data[i] as string)) return false;
  return true;
}

/**
 * A node of a third-party type that is not marked `trust: internal`, and that is an actor, or marked partner
 * or untrusted, or sits in an internet or partner zone.
 */
export function thirdParty(ctx: EvalContext, x: ModelElement | undefined): boolean {
  if (!x) return false;
  touchEntity(ctx, x);
  if (!THIRD_PARTY_TYPES.has(x.type)) return false;
  const trust = readPropWithDefault(ctx, x, 'trust', TRUST);
  if (trust === 'internal') return false;
  if (x.kind === 'actor' || trust === 'partner' || trust === 'untrusted') return true;
  // The element stands for its chain (see touchChain), and is recorded already.
  const chain = chainOf(ctx.graph, x.id);
  for (let i = 0; i < chain.length; i++) if (chain[i].shape === 'zone' && EXTERNAL_ZONES.has(chain[i].type)) return true;
  return false;
}

/**
 * A process of an API type (or with `exposesApi`) that something outside its boundary calls: an inbound flow
 * it does not initiate itself, or an outbound stream the other side opened (`initiator: dst`), crossing a
 * trust boundary.
 */
export function exposedApi(ctx: EvalContext, x: ModelElement | undefined): boolean {
  if (!x) return false;
  // A dozen rules ask this of the target: without evidence to record, the first answer stands (its reads are
  // already recorded).
  if (x === ctx.self && !ctx.recording) return (ctx.selfExposedApi ??= isExposedApi(ctx, x));
  return isExposedApi(ctx, x);
}

function isExposedApi(ctx: EvalContext, x: ModelElement): boolean {
  touchEntity(ctx, x);
  if (x.kind !== 'process') return false;
  if (!API_TYPES.has(x.type) && readPropAt(ctx, x, 'exposesApi', EXPOSES_API) !== true) return false;
  const ins = inbound(ctx, x);
  for (let i = 0; i < ins.length; i++) {
    if (initiator(ctx, ins[i]) === 'src' && crossed(ctx, ins[i]).length > 0) return true;
  }
  const outs = outbound(ctx, x);
  for (let i = 0; i < outs.length; i++) {
    if (initiator(ctx, outs[i]) === 'dst' && crossed(ctx, outs[i]).length > 0) return true;
  }
  return false;
}

export function inbound(ctx: EvalContext, x: ModelElement | undefined): readonly Flow[] {
  if (!x) return [];
  touchEntity(ctx, x);
  if (x === ctx.self) return (ctx.selfInbound ??= inboundOf(ctx.graph, x.id));
  return inboundOf(ctx.graph, x.id);
}

export function outbound(ctx: EvalContext, x: ModelElement | undefined): readonly Flow[] {
  if (!x) return [];
  touchEntity(ctx, x);
  if (x === ctx.self) return (ctx.selfOutbound ??= outboundOf(ctx.graph, x.id));
  return outboundOf(ctx.graph, x.id);
}

export function endpoint(ctx: EvalContext, f: Flow | undefined, end: 'source' | 'target'): ModelElement | undefined {
  if (!f) return undefined;
  const id = f[end];
  if (ctx.reads) {
    touchEntity(ctx, f);
    touch(ctx, id);
  }
  if (f === ctx.self) {
    const own = end === 'source' ? ctx.source : ctx.target;
    if (own) return own;
  }
  const near = nearbyOf(ctx, f);
  if (!near) return linksOf(ctx.graph, f)[end];
  return (near.links ??= linksOf(ctx.graph, f))[end];
}

/** Run-time implementations of the helpers that are plain functions of their arguments. */
export const HELPER_IMPLS: Record<string, HelperImpl> = {
  on: (_c, a) => on(a),
  off: (_c, a) => off(a),
  isSet: (_c, a) => isSet(a),
  none: (_c, a) => none(a),
  has: (_c, a, b) => has(a, b),
  hasAny: (_c, a, b) => hasAny(a, b),
  initiator: (c, a) => initiator(c, asFlow(a)),
  enc: (c, a) => enc(c, asFlow(a)),
  crosses: (c, a, b) => crosses(c, asFlow(a), b),
  isWs: (c, a) => protocolIn(c, asFlow(a), WS_PROTOCOLS),
  isFix: (c, a) => protocolIn(c, asFlow(a), FIX_PROTOCOLS),
  signed: (c, a) => signed(c, asFlow(a)),
  sensitiveData: (_c, a) => sensitiveData(a),
  onlyPublicData: (c, a) => onlyPublicData(c, asFlow(a)),
  thirdParty: (c, a) => thirdParty(c, asNode(a)),
  exposedApi: (c, a) => exposedApi(c, asNode(a)),
  inbound: (c, a) => inbound(c, asNode(a)),
  outbound: (c, a) => outbound(c, asNode(a)),
  source: (c, a) => endpoint(c, asFlow(a), 'source'),
  target: (c, a) => endpoint(c, asFlow(a), 'target'),
};
