/**
 * Evidence and confidence of a finding (DESIGN.md §3, §5). The evidence lists the property values the verdict
 * read (trimmed by the compiler to the reads that decided it); a finding is *unverified* when any of them was
 * unknown, since setting that property could make the threat go away, and *confirmed* otherwise.
 */
import type { EvidenceItem, Finding } from '../model/findings';
import { peekAt, type Entity, type EvalContext } from './context';
import { slotCount } from './slots';

const NO_EVIDENCE: readonly EvidenceItem[] = Object.freeze([]);

/**
 * The recorded evidence as items, one per (target, property), in reading order. Findings are immutable data,
 * so the findings of one target share item objects (reset per target, see `resetTarget`) and an empty evidence
 * list is one shared array: a large model yields tens of thousands of findings, and allocation is their cost.
 * Sets `ctx.evUnknown` to whether an item is unknown (the finding's confidence), saving a second pass.
 */
export function collectEvidence(ctx: EvalContext): EvidenceItem[] {
  const n = ctx.evLen;
  ctx.evUnknown = false;
  if (n === 0) return NO_EVIDENCE as EvidenceItem[];
  const entities = ctx.evEntities;
  const props = ctx.evProps;
  const slots = ctx.evSlots;
  if (n === 1) return [evidenceItem(ctx, entities[0], props[0], slots[0])];
  if (n === 2) {
    // Most evidence lists have two items (a control and what made it matter): an array literal of two is
    // allocated at its exact length without the scratch copy.
    const a = evidenceItem(ctx, entities[0], props[0], slots[0]);
    if (entities[1] === entities[0] && props[1] === props[0]) return [a];
    return [a, evidenceItem(ctx, entities[1], props[1], slots[1])];
  }
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

/**
 * The item for a property of an entity, made once per target. The target's own properties (most evidence) are
 * found by slot in `selfItems`, valid where `selfItemMark` holds the target's serial; other entities' items
 * are few, and found by a scan of `evCache`.
 */
function evidenceItem(ctx: EvalContext, entity: Entity, property: string, slot: number): EvidenceItem {
  const own = entity === ctx.self && slot >= 0;
  if (own) {
    const marks = ctx.selfItemMark;
    if (slot < marks.length && marks[slot] === ctx.targetSerial) {
      const item = ctx.selfItems[slot];
      if (item.unknown) ctx.evUnknown = true;
      return item;
    }
  } else {
    const cache = ctx.evCache;
    const cached = ctx.evCacheLen;
    for (let k = 0; k < cached; k++) {
      const item = cache[k];
      if (item.property === property && item.targetId === entity.id) {
        if (item.unknown) ctx.evUnknown = true;
        return item;
      }
    }
  }
  const value = peekAt(ctx, entity, property, slot);
  const unknown = value === undefined;
  if (unknown) ctx.evUnknown = true;
  const item: EvidenceItem = { targetId: entity.id, targetName: entity.name, property, value: unknown ? null : value, unknown };
  if (own) rememberSelfItem(ctx, slot, item);
  else ctx.evCache[ctx.evCacheLen++] = item;
  return item;
}

function rememberSelfItem(ctx: EvalContext, slot: number, item: EvidenceItem): void {
  if (slot >= ctx.selfItemMark.length) {
    // Both grown together and filled (items with a placeholder), so that they stay dense arrays.
    const size = Math.max(slot + 1, slotCount()) + 32;
    const marks = new Int32Array(size);
    marks.set(ctx.selfItemMark);
    ctx.selfItemMark = marks;
    while (ctx.selfItems.length < size) ctx.selfItems.push(NO_ITEM);
  }
  ctx.selfItemMark[slot] = ctx.targetSerial;
  ctx.selfItems[slot] = item;
}

/** `unverified` when any evidence item is unknown, else `confirmed`. */
export function confidenceOf(evidence: readonly EvidenceItem[]): Finding['confidence'] {
  for (let i = 0; i < evidence.length; i++) if (evidence[i].unknown) return 'unverified';
  return 'confirmed';
}
