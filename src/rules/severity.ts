/**
 * Severity adjustment (DESIGN.md §5). A finding starts at its rule's severity and then:
 *
 * 1. +1 when the target is exposed, for rules whose STRIDE letters include S, T, I or E (denial of service
 *    and repudiation do not get worse by being reachable): a node with an inbound flow crossing an `internet`
 *    boundary; a flow that crosses one itself or whose source sits inside an `internet` zone.
 * 2. +1 when the stakes are high, for every rule but pure denial of service (a rate-limit ban is no worse because
 *    the key could withdraw): the target (for a flow, either endpoint) holds an API key with withdraw or transfer
 *    permission, holds private keys, or is a signing service, HSM, wallet or withdrawal service.
 * 3. -1 when the target is out of scope: `outOfScope` on the element (for a flow, on both endpoints) or inside
 *    a boundary marked `inScope: false` (for a boundary, itself or an ancestor).
 *
 * Raises are capped at critical and lowering at info; each step that changes the severity is recorded with a
 * reason an analyst can read. At most +2 in total, since there are two raising criteria.
 */
import { keptCopy } from '../lib/keep';
import { chainOf, crossingsOf, inboundOf, type ModelGraph } from '../model/graph';
import type { SeverityAdjustment } from '../model/findings';
import type { Boundary, Flow, Id, ModelElement, PropValue, Severity } from '../model/types';
import type { Entity, ReadSink } from './context';
import { propSlot } from './slots';
import type { RuleCategory } from './types';

const ORDER: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const HIGH_STAKES_TYPES: Record<string, string> = {
  signingService: 'a signing service',
  hsm: 'an HSM',
  wallet: 'a wallet',
  withdrawalService: 'a withdrawal service',
};
const EXPOSURE_LETTERS = /[STIE]/;

export interface SeverityResult {
  severity: Severity;
  adjustments: SeverityAdjustment[];
}

/** Moves a severity by `steps` (positive raises), clamped to info..critical. */
export function stepSeverity(severity: Severity, steps: number): Severity {
  const i = ORDER.indexOf(severity);
  return ORDER[Math.max(0, Math.min(ORDER.length - 1, i + steps))];
}

/** Why a target's findings move up or down; computed once per target and shared by its findings. */
export interface SeverityFacts {
  exposure: string | undefined;
  stakes: string | undefined;
  outOfScope: string | undefined;
  /** Which facts these are in the results memo (see `severityAt`); given on first use. */
  memoSerial?: number;
}

/**
 * The parts of severity facts that belong to an element, whoever asks: its stakes and why it is out of scope.
 * A flow's facts are made of its endpoints', and an element has several flows, so an analysis pass keeps them
 * per element (see `ElementRecord` in context.ts) and hands them in as `FactsOf`.
 */
export interface ElementFacts {
  stakes: string | undefined;
  scope: string | undefined;
  /** Why a flow from this element is exposed when it crosses no internet boundary: it sits in an internet zone. */
  zone: string | undefined;
}

/**
 * How severity facts reach the graph. The engine passes lookups that share its per-target memos (the inbound
 * flows and crossings its rules looked up already) and keep element facts per pass; each records the ids it
 * depends on in the engine's reads, as the default lookups do through `track`.
 */
export interface SeverityLookups {
  inbound(el: ModelElement): readonly Flow[];
  crossings(f: Flow): readonly Boundary[];
  facts(el: ModelElement): ElementFacts;
}

function graphLookups(graph: ModelGraph, track: Track): SeverityLookups {
  return {
    inbound: (el) => {
      track?.(el.id);
      return inboundOf(graph, el.id);
    },
    crossings: (f) => {
      if (track) {
        track(f.id);
        track('$lines');
        track(f.source);
        track(f.target);
      }
      return crossingsOf(graph, f);
    },
    facts: (el) => elementFacts(el, graph),
  };
}

/** Reads a property of an element: the engine passes one that reads the values it has loaded. */
export type PropReader = (el: ModelElement, prop: string, slot: number) => PropValue | undefined;

const ownProp: PropReader = (el, prop) => el.props[prop];
const KEY_PERMISSIONS = propSlot('keyPermissions');
const HOLDS_PRIVATE_KEYS = propSlot('holdsPrivateKeys');
const OUT_OF_SCOPE = propSlot('outOfScope');

/** An element's stakes and scope reasons. */
export function elementFacts(el: ModelElement, graph: ModelGraph, read: PropReader = ownProp): ElementFacts {
  // The chain is looked up once for both reasons that need it (a flow's facts are made of its endpoints').
  const zones = chainOf(graph, el.id);
  return { stakes: stakesOf(el, undefined, read), scope: scopeReason(el.id, graph, undefined, read, zones), zone: internetZone(el, zones) };
}

/** `flowExposure`'s reason for a flow from `source` (with this chain) that crosses no internet boundary. */
function internetZone(source: ModelElement, zones: readonly Boundary[]): string | undefined {
  for (let i = 0; i < zones.length; i++) {
    const zone = zones[i];
    if (zone.shape === 'zone' && zone.type === 'internet') return `its source '${source.name}' is in the internet zone '${zone.name}'`;
  }
  return undefined;
}

const NO_ADJUSTMENTS: readonly SeverityAdjustment[] = Object.freeze([]);
/** The result for each base severity when nothing moves it (most findings), shared. */
const UNCHANGED: readonly SeverityResult[] = ORDER.map((severity) => Object.freeze({ severity, adjustments: NO_ADJUSTMENTS as SeverityAdjustment[] }));

/**
 * The exposure, stakes and scope reasons of a target (the ids they depend on go to `reads`, or are recorded by
 * the engine's `lookups`, which also pass a flow's endpoints as `ends`).
 */
export function severityFacts(
  category: RuleCategory,
  target: Entity,
  graph: ModelGraph,
  reads?: ReadSink,
  lookups?: SeverityLookups,
  ends?: { source: ModelElement | undefined; target: ModelElement | undefined },
): SeverityFacts {
  const track = reads ? (id: Id) => void reads.add(id) : undefined;
  const look = lookups ?? graphLookups(graph, track);
  if (category === 'flow') {
    const f = target as Flow;
    const source = ends ? ends.source : graph.elements.get(f.source);
    const end = ends ? ends.target : graph.elements.get(f.target);
    track?.(f.source);
    track?.(f.target);
    const a = source && look.facts(source);
    const b = end && look.facts(end);
    // Scope reasons of missing endpoints are those of their ids (which may name boundaries).
    const scopeA = source ? a!.scope : scopeReason(f.source, graph, track);
    const scopeB = end ? b!.scope : scopeReason(f.target, graph, track);
    return {
      exposure: flowExposure(f, look, track, a),
      stakes: a?.stakes ?? b?.stakes,
      outOfScope: scopeA && scopeB ? `both ends are out of scope (${scopeA}; ${scopeB})` : undefined,
    };
  }
  if (category === 'node') {
    const el = target as ModelElement;
    track?.(el.id);
    // Stakes are the element's, and its scope reason is its id's (see scopeReason): the same for any element.
    const own = look.facts(el);
    return { exposure: nodeExposure(el, look), stakes: own.stakes, outOfScope: own.scope };
  }
  return { exposure: undefined, stakes: undefined, outOfScope: scopeReason(target.id, graph, track) };
}

/** Whether exposure can raise the severity of a rule with these STRIDE letters (S, T, I or E). */
export function exposable(stride: string): boolean {
  return EXPOSURE_LETTERS.test(stride);
}

/** Whether high stakes can raise the severity of a rule with these STRIDE letters (anything but pure D). */
export function stakeable(stride: string): boolean {
  return /[^D]/.test(stride);
}

/** The adjusted severity of a finding of a rule with the given STRIDE letters, with reasons. */
export function applySeverityFacts(
  base: Severity,
  stride: string,
  facts: SeverityFacts,
  canExpose: boolean = exposable(stride),
  canStake: boolean = stakeable(stride),
): SeverityResult {
  return severityAt(ORDER.indexOf(base), facts, canExpose, canStake);
}

/** The place of a severity in the scale (0 = info), as `severityAt` takes it. */
export function severityIndex(severity: Severity): number {
  return ORDER.indexOf(severity);
}

/**
 * `applySeverityFacts` for a base severity given by its place in the scale (`severityIndex`): the engine looks
 * it up once per rule rather than once per finding.
 */
export function severityAt(baseIndex: number, facts: SeverityFacts, canExpose: boolean, canStake: boolean): SeverityResult {
  const exposed = facts.exposure !== undefined && canExpose;
  const staked = facts.stakes !== undefined && canStake;
  if (!staked && !facts.outOfScope && !exposed) return UNCHANGED[baseIndex];
  // One result object per target, base severity, exposure and stakes, shared by the target's findings. The
  // memo is one table for all facts, its entries stamped with the facts they belong to: a target's findings
  // are made together, and a table per target was 16,000 arrays per pass on a large model.
  const slot = baseIndex * 4 + (exposed ? 2 : 0) + (staked ? 1 : 0);
  const serial = (facts.memoSerial ??= memoSerial = (memoSerial + 1) | 0 || 1);
  if (memoStamps[slot] === serial) return memoResults[slot];
  const result = computeSeverity(ORDER[baseIndex], exposed, staked, facts);
  memoStamps[slot] = serial;
  memoResults[slot] = result;
  return result;
}

let memoSerial = 0;
const memoStamps = new Int32Array(ORDER.length * 4);
const memoResults: SeverityResult[] = new Array<SeverityResult>(ORDER.length * 4).fill(UNCHANGED[0]);

function computeSeverity(base: Severity, exposed: boolean, staked: boolean, facts: SeverityFacts): SeverityResult {
  if (!staked && !facts.outOfScope && !exposed) return { severity: base, adjustments: NO_ADJUSTMENTS as SeverityAdjustment[] };
  const steps = scratchSteps;
  let n = 0;
  let severity = base;
  for (let k = 0; k < 3; k++) {
    const reason = k === 0 ? (exposed ? facts.exposure : undefined) : k === 1 ? (staked ? facts.stakes : undefined) : facts.outOfScope;
    if (!reason) continue;
    const to = stepSeverity(severity, k === 2 ? -1 : 1);
    if (to !== severity) steps[n++] = { from: severity, to, reason };
    severity = to;
  }
  // Copied at its exact length from a scratch list, by a literal (see lib/keep.ts): it lasts as long as the findings.
  return { severity, adjustments: n ? keptCopy(steps, n) : (NO_ADJUSTMENTS as SeverityAdjustment[]) };
}

const scratchSteps: SeverityAdjustment[] = [];

/** The adjusted severity of a finding of a rule on a target, with reasons. */
export function adjustSeverity(
  base: Severity,
  stride: string,
  category: RuleCategory,
  target: Entity,
  graph: ModelGraph,
  reads?: ReadSink,
): SeverityResult {
  return applySeverityFacts(base, stride, severityFacts(category, target, graph, reads));
}

function internetCrossing(f: Flow, look: SeverityLookups): Boundary | undefined {
  const crossed = look.crossings(f);
  for (let i = 0; i < crossed.length; i++) if (crossed[i].type === 'internet') return crossed[i];
  return undefined;
}

function nodeExposure(el: ModelElement, look: SeverityLookups): string | undefined {
  const flows = look.inbound(el);
  for (let i = 0; i < flows.length; i++) {
    const b = internetCrossing(flows[i], look);
    if (b) return `reachable from the internet across '${b.name}'`;
  }
  return undefined;
}

function flowExposure(f: Flow, look: SeverityLookups, track: Track, sourceFacts: ElementFacts | undefined): string | undefined {
  const b = internetCrossing(f, look);
  if (b) return `crosses the internet boundary '${b.name}'`;
  // The source's chain, as its facts have it (the chain of an element's id is the element's); a flow from a
  // missing element is in no zone.
  track?.(f.source);
  return sourceFacts?.zone;
}

type Track = ((id: Id) => void) | undefined;

function chain(graph: ModelGraph, id: Id, track: Track): Boundary[] {
  // The element stands for its chain (see collectUnder in model/graph.ts).
  track?.(id);
  return chainOf(graph, id);
}

function stakesOf(node: ModelElement | undefined, track: Track, read: PropReader): string | undefined {
  if (!node) return undefined;
  track?.(node.id);
  const perms = read(node, 'keyPermissions', KEY_PERMISSIONS);
  if (Array.isArray(perms)) {
    const money = perms.find((p) => p === 'withdraw' || p === 'transfer');
    if (money) return `'${node.name}' holds an API key with ${money} permission`;
  }
  if (read(node, 'holdsPrivateKeys', HOLDS_PRIVATE_KEYS) === true) return `'${node.name}' holds private keys`;
  const what = HIGH_STAKES_TYPES[node.type];
  return what ? `'${node.name}' is ${what}` : undefined;
}

/** Why an element (or boundary) is out of scope, if it is. */
function scopeReason(id: Id, graph: ModelGraph, track: Track, read: PropReader = ownProp, chainOfId?: readonly Boundary[]): string | undefined {
  const el = graph.elements.get(id);
  if (el && read(el, 'outOfScope', OUT_OF_SCOPE) === true) return `'${el.name}' is out of scope`;
  let b: Boundary | undefined;
  const zones = chainOfId ?? chain(graph, id, track);
  for (let i = 0; i < zones.length; i++) {
    if (zones[i].props.inScope === false) {
      b = zones[i];
      break;
    }
  }
  if (!b) return undefined;
  if (!el) return b.id === id ? `'${b.name}' is not in scope` : `it is inside '${b.name}', which is not in scope`;
  return `'${el.name}' is inside '${b.name}', which is not in scope`;
}
