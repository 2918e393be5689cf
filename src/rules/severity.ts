/**
 * Severity adjustment (DESIGN.md §5). A finding starts at its rule's severity and then:
 *
 * 1. +1 when the target is exposed, for rules whose STRIDE letters include S, T, I or E (denial of service
 *    and repudiation do not get worse by being reachable): a node with an inbound flow crossing an `internet`
 *    boundary; a flow that crosses one itself or whose source sits inside an `internet` zone.
 * 2. +1 when the stakes are high: the target (for a flow, either endpoint) holds an API key with withdraw or
 *    transfer permission, holds private keys, or is a signing service, HSM, wallet or withdrawal service.
 * 3. -1 when the target is out of scope: `outOfScope` on the element (for a flow, on both endpoints) or inside
 *    a boundary marked `inScope: false` (for a boundary, itself or an ancestor).
 *
 * Raises are capped at critical and lowering at info; each step that changes the severity is recorded with a
 * reason an analyst can read. At most +2 in total, since there are two raising criteria.
 */
import { chainOf, crossingsOf, inboundOf, type ModelGraph } from '../model/graph';
import type { SeverityAdjustment } from '../model/findings';
import type { Boundary, Flow, Id, ModelElement, Severity } from '../model/types';
import type { Entity } from './context';
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
  /** Memo of results by base severity and whether exposure counts (see `memoSlot`), shared by the target's findings. */
  memo?: (SeverityResult | undefined)[];
}

const NO_ADJUSTMENTS: readonly SeverityAdjustment[] = Object.freeze([]);

/** The exposure, stakes and scope reasons of a target (the ids they depend on go to `reads`). */
export function severityFacts(category: RuleCategory, target: Entity, graph: ModelGraph, reads?: Set<Id>): SeverityFacts {
  const track = reads ? (id: Id) => void reads.add(id) : undefined;
  return {
    exposure: exposure(category, target, graph, track),
    stakes: stakes(category, target, graph, track),
    outOfScope: outOfScope(category, target, graph, track),
  };
}

/** The adjusted severity of a finding of a rule with the given STRIDE letters, with reasons. */
export function applySeverityFacts(base: Severity, stride: string, facts: SeverityFacts): SeverityResult {
  const exposed = facts.exposure !== undefined && EXPOSURE_LETTERS.test(stride);
  if (!facts.stakes && !facts.outOfScope && !exposed) return { severity: base, adjustments: NO_ADJUSTMENTS as SeverityAdjustment[] };
  const slot = ORDER.indexOf(base) * 2 + (exposed ? 1 : 0);
  const known = facts.memo?.[slot];
  if (known) return known;
  const result = computeSeverity(base, exposed, facts);
  (facts.memo ??= [])[slot] = result;
  return result;
}

function computeSeverity(base: Severity, exposed: boolean, facts: SeverityFacts): SeverityResult {
  const adjustments: SeverityAdjustment[] = [];
  let severity = base;
  const apply = (steps: number, reason: string | undefined) => {
    if (!reason) return;
    const to = stepSeverity(severity, steps);
    if (to !== severity) adjustments.push({ from: severity, to, reason });
    severity = to;
  };
  if (exposed) apply(1, facts.exposure);
  apply(1, facts.stakes);
  apply(-1, facts.outOfScope);
  return { severity, adjustments: adjustments.length ? adjustments : (NO_ADJUSTMENTS as SeverityAdjustment[]) };
}

/** The adjusted severity of a finding of a rule on a target, with reasons. */
export function adjustSeverity(
  base: Severity,
  stride: string,
  category: RuleCategory,
  target: Entity,
  graph: ModelGraph,
  reads?: Set<Id>,
): SeverityResult {
  return applySeverityFacts(base, stride, severityFacts(category, target, graph, reads));
}

type Track = ((id: Id) => void) | undefined;

function chain(graph: ModelGraph, id: Id, track: Track): Boundary[] {
  // The element stands for its chain (see collectUnder in model/graph.ts).
  track?.(id);
  return chainOf(graph, id);
}

function internetCrossing(graph: ModelGraph, f: Flow, track: Track): Boundary | undefined {
  if (track) {
    track(f.id);
    track('$lines');
    track(f.source);
    track(f.target);
  }
  for (const b of crossingsOf(graph, f)) if (b.type === 'internet') return b;
  return undefined;
}

function exposure(category: RuleCategory, target: Entity, graph: ModelGraph, track: Track): string | undefined {
  if (category === 'node') {
    track?.(target.id);
    for (const f of inboundOf(graph, target.id)) {
      const b = internetCrossing(graph, f, track);
      if (b) return `reachable from the internet across '${b.name}'`;
    }
    return undefined;
  }
  if (category === 'flow') {
    const f = target as Flow;
    const b = internetCrossing(graph, f, track);
    if (b) return `crosses the internet boundary '${b.name}'`;
    const source = graph.elements.get(f.source);
    for (const zone of chain(graph, f.source, track)) {
      if (zone.shape === 'zone' && zone.type === 'internet' && source) return `its source '${source.name}' is in the internet zone '${zone.name}'`;
    }
  }
  return undefined;
}

function stakes(category: RuleCategory, target: Entity, graph: ModelGraph, track: Track): string | undefined {
  if (category === 'node') return stakesOf(target as ModelElement, track);
  if (category !== 'flow') return undefined;
  const f = target as Flow;
  return stakesOf(graph.elements.get(f.source), track) ?? stakesOf(graph.elements.get(f.target), track);
}

function stakesOf(node: ModelElement | undefined, track: Track): string | undefined {
  if (!node) return undefined;
  track?.(node.id);
  const perms = node.props.keyPermissions;
  if (Array.isArray(perms)) {
    const money = perms.find((p) => p === 'withdraw' || p === 'transfer');
    if (money) return `'${node.name}' holds an API key with ${money} permission`;
  }
  if (node.props.holdsPrivateKeys === true) return `'${node.name}' holds private keys`;
  const what = HIGH_STAKES_TYPES[node.type];
  return what ? `'${node.name}' is ${what}` : undefined;
}

/** Why an element (or boundary) is out of scope, if it is. */
function scopeReason(id: Id, graph: ModelGraph, track: Track): string | undefined {
  const el = graph.elements.get(id);
  if (el?.props.outOfScope === true) return `'${el.name}' is out of scope`;
  let b: Boundary | undefined;
  for (const z of chain(graph, id, track)) {
    if (z.props.inScope === false) {
      b = z;
      break;
    }
  }
  if (!b) return undefined;
  if (!el) return b.id === id ? `'${b.name}' is not in scope` : `it is inside '${b.name}', which is not in scope`;
  return `'${el.name}' is inside '${b.name}', which is not in scope`;
}

function outOfScope(category: RuleCategory, target: Entity, graph: ModelGraph, track: Track): string | undefined {
  if (category !== 'flow') return scopeReason(target.id, graph, track);
  const f = target as Flow;
  const a = scopeReason(f.source, graph, track);
  const b = scopeReason(f.target, graph, track);
  return a && b ? `both ends are out of scope (${a}; ${b})` : undefined;
}
