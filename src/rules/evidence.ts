/**
 * Evidence and confidence of a finding (DESIGN.md §3, §5). The evidence lists the property values the verdict
 * read (trimmed by the compiler to the reads that decided it); a finding is *unverified* when any of them was
 * unknown, since setting that property could make the threat go away, and *confirmed* otherwise.
 */
import type { EvidenceItem, Finding } from '../model/findings';
import { peekAt, type Entity, type EvalContext } from './context';

const NO_EVIDENCE: readonly EvidenceItem[] = Object.freeze([]);

/**
 * The recorded evidence as items, one per (target, property), in reading order. Findings are immutable data,
 * so the findings of one target share item objects (`ctx.evCache`, reset per target) and an empty evidence
 * list is one shared array: a large model yields tens of thousands of findings, and allocation is their cost.
 */
export function collectEvidence(ctx: EvalContext): EvidenceItem[] {
  const n = ctx.evLen;
  if (n === 0) return NO_EVIDENCE as EvidenceItem[];
  const entities = ctx.evEntities;
  const props = ctx.evProps;
  const slots = ctx.evSlots;
  if (n === 1) return [evidenceItem(ctx, entities[0], props[0], slots[0])];
  // Filled in a reused scratch array and copied out at its exact length: an array grown by push from empty
  // keeps room for 17 items, and tens of thousands of evidence lists are kept.
  const items = scratch;
  let k = 0;
  outer: for (let i = 0; i < n; i++) {
    const entity = entities[i];
    const property = props[i];
    // Evidence lists are a handful of items: a linear scan beats hashing a key per item.
    for (let j = 0; j < i; j++) if (entities[j] === entity && props[j] === property) continue outer;
    items[k++] = evidenceItem(ctx, entity, property, slots[i]);
  }
  const out = items.slice(0, k);
  // Cleared item by item, not by length, which would free the scratch array's storage.
  for (let i = 0; i < k; i++) items[i] = NO_ITEM;
  return out;
}

const scratch: EvidenceItem[] = [];
const NO_ITEM = Object.freeze({ targetId: '', targetName: '', property: '', value: null, unknown: false }) as EvidenceItem;

function evidenceItem(ctx: EvalContext, entity: Entity, property: string, slot: number): EvidenceItem {
  const cache = ctx.evCache;
  const cached = ctx.evCacheLen;
  for (let k = 0; k < cached; k++) {
    const item = cache[k];
    if (item.property === property && item.targetId === entity.id) return item;
  }
  const value = peekAt(ctx, entity, property, slot);
  const item: EvidenceItem = { targetId: entity.id, targetName: entity.name, property, value: value ?? null, unknown: value === undefined };
  cache[ctx.evCacheLen++] = item;
  return item;
}

/** `unverified` when any evidence item is unknown, else `confirmed`. */
export function confidenceOf(evidence: readonly EvidenceItem[]): Finding['confidence'] {
  for (let i = 0; i < evidence.length; i++) if (evidence[i].unknown) return 'unverified';
  return 'confirmed';
}
