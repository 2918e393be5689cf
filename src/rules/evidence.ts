/**
 * Evidence and confidence of a finding (DESIGN.md §3, §5). The evidence lists the property values the verdict
 * read (trimmed by the compiler to the reads that decided it); a finding is *unverified* when any of them was
 * unknown, since setting that property could make the threat go away, and *confirmed* otherwise.
 */
import type { EvidenceItem, Finding } from '../model/findings';
import type { Entity, EvalContext } from './context';

const NO_EVIDENCE: readonly EvidenceItem[] = Object.freeze([]);

/**
 * The recorded evidence as items, one per (target, property), in reading order. Findings are immutable data,
 * so the findings of one target share item objects (`ctx.evCache`, reset per target) and an empty evidence
 * list is one shared array: a large model yields tens of thousands of findings, and allocation is their cost.
 */
export function collectEvidence(ctx: EvalContext): EvidenceItem[] {
  if (ctx.evLen === 0) return NO_EVIDENCE as EvidenceItem[];
  const items: EvidenceItem[] = [];
  outer: for (let i = 0; i < ctx.evLen; i++) {
    const entity = ctx.evEntities[i];
    const property = ctx.evProps[i];
    // Evidence lists are a handful of items: a linear scan beats hashing a key per item.
    for (let j = 0; j < i; j++) if (ctx.evEntities[j] === entity && ctx.evProps[j] === property) continue outer;
    items.push(evidenceItem(ctx, entity, property));
  }
  return items;
}

function evidenceItem(ctx: EvalContext, entity: Entity, property: string): EvidenceItem {
  const cache = ctx.evCache;
  for (let k = 0; k < cache.length; k++) {
    const item = cache[k];
    if (item.property === property && item.targetId === entity.id) return item;
  }
  const value = entity.props[property];
  const item: EvidenceItem = { targetId: entity.id, targetName: entity.name, property, value: value ?? null, unknown: value === undefined };
  cache.push(item);
  return item;
}

/** `unverified` when any evidence item is unknown, else `confirmed`. */
export function confidenceOf(evidence: readonly EvidenceItem[]): Finding['confidence'] {
  for (let i = 0; i < evidence.length; i++) if (evidence[i].unknown) return 'unverified';
  return 'confirmed';
}
