/**
 * A finding of a rule that fired on the current target: its evidence, confidence and adjusted severity, read
 * off the evaluation context the engine left it in (see `evaluateTarget` in ruleset.ts).
 */
import type { Finding } from '../model/findings';
import type { TargetKind } from '../model/types';
import { peekAt, recordOf, type Entity, type EvalContext } from './context';
import { collectEvidence } from './evidence';
import { crossed, inbound } from './helpers';
import type { SlottedRule } from './ruleset';
import { elementFacts, severityAt, severityFacts, type PropReader, type SeverityFacts, type SeverityLookups } from './severity';

/**
 * Severity facts of the current target. They depend on the target and a flow's endpoints, already in `reads`,
 * and on what the lookups record themselves; so they are given no `reads` of their own.
 */
export function targetFacts(r: SlottedRule, ctx: EvalContext): SeverityFacts {
  return severityFacts(r.category, ctx.self, ctx.graph, undefined, (ctx.severityLookups ??= severityLookups(ctx)), ctx);
}

/** Severity lookups through the context's per-target memos, recording reads as the rules' helpers do. */
function severityLookups(ctx: EvalContext): SeverityLookups {
  const read: PropReader = (e, prop, slot) => peekAt(ctx, e, prop, slot);
  return {
    inbound: (el) => inbound(ctx, el),
    crossings: (f) => crossed(ctx, f),
    facts: (el) => (recordOf(ctx, el).facts ??= elementFacts(el, ctx.graph, read)),
  };
}

/**
 * The finding of rule `r` on the current target, whose evaluation left its evidence recorded. The rule's own
 * fields are read off the slotted rule (one shape for all rules, see `SlottedRule`), and the confidence comes
 * with the evidence (`ctx.evUnknown`), not from a second pass over it.
 */
export function makeFinding(r: SlottedRule, target: Entity, targetKind: TargetKind, ctx: EvalContext, facts: SeverityFacts): Finding {
  const evidence = collectEvidence(ctx);
  const { severity, adjustments } = severityAt(r.severityIndex, facts, r.exposable, r.stakeable);
  return {
    id: r.idPrefix + target.id,
    ruleId: r.ruleId,
    packId: r.packId,
    targetId: target.id,
    targetKind,
    severity,
    baseSeverity: r.severity,
    severityAdjustments: adjustments,
    stride: r.stride,
    title: r.title,
    description: r.description,
    mitigations: r.mitigations,
    references: r.references,
    evidence,
    confidence: ctx.evUnknown ? 'unverified' : 'confirmed',
  };
}
