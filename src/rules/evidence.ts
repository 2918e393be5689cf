/**
 * Evidence and confidence of a finding (DESIGN.md §3, §5). The evidence lists the property values the verdict
 * read (trimmed by the compiler to the reads that decided it); a finding is *unverified* when any of them was
 * unknown, since setting that property could make the threat go away, and *confirmed* otherwise.
 *
 * Findings are immutable data and a large model yields tens of thousands of them, each allocation a cost to
 * the analysis and to the memory the editor holds. So evidence is shared wherever the data is equal:
 * - an item about the target's own property names no target (the finding does), so `{ property, value }`
 *   is one object for every target with that value (interned per property, a bounded number of values);
 * - a list of one or two such items is one array for every finding with that evidence;
 * - items about other entities (a flow's endpoint) are made once per target and shared by its findings;
 * - an empty list is one frozen array.
 */
import { keptCopy } from '../lib/keep';
import type { EvidenceItem, Finding } from '../model/findings';
import type { PropValue } from '../model/types';
import { peekAt, type Entity, type EvalContext } from './context';
import { slotCount } from './slots';

const NO_EVIDENCE: readonly EvidenceItem[] = Object.freeze([]);

/** Values interned per property: past this, a property's further values get items of their own. */
const VALUES_PER_PROPERTY = 64;
/** Pairs of interned items kept per first item, likewise. */
const PAIRS_PER_ITEM = 64;

/** An interned own-property item and the lists made of it: alone, and followed by another interned item. */
interface Interned {
  item: EvidenceItem;
  alone: EvidenceItem[] | undefined;
  pairs: Map<EvidenceItem, EvidenceItem[]> | undefined;
}

/** By slot: value (undefined for unknown) → interned item. */
const interned: (Map<PropValue | undefined, Interned> | undefined)[] = [];
/** Interned items → their record, to find the shared lists. */
const records = new Map<EvidenceItem, Interned>();

/**
 * The recorded evidence as items, one per (target, property), in reading order. Sets `ctx.evUnknown` to
 * whether an item is unknown (the finding's confidence), saving a second pass.
 */
export function collectEvidence(ctx: EvalContext): EvidenceItem[] {
  const n = ctx.evLen;
  ctx.evUnknown = false;
  if (n === 0) return NO_EVIDENCE as EvidenceItem[];
  const entities = ctx.evEntities;
  const props = ctx.evProps;
  const slots = ctx.evSlots;
  if (n === 1) return single(evidenceItem(ctx, entities[0], props[0], slots[0]));
  if (n === 2) {
    // Most evidence lists have two items (a control and what made it matter).
    const a = evidenceItem(ctx, entities[0], props[0], slots[0]);
    if (entities[1] === entities[0] && props[1] === props[0]) return single(a);
    return pair(a, evidenceItem(ctx, entities[1], props[1], slots[1]));
  }
  // Filled in a reused scratch array and copied out at its exact length: an array grown by push from empty
  // keeps room for 17 items.
  const items = scratch;
  let k = 0;
  outer: for (let i = 0; i < n; i++) {
    const entity = entities[i];
    const property = props[i];
    // Evidence lists are a handful of items: a linear scan beats hashing a key per item.
    for (let j = 0; j < i; j++) if (entities[j] === entity && props[j] === property) continue outer;
    items[k++] = evidenceItem(ctx, entity, property, slots[i]);
  }
  const out = keptCopy(items, k);
  // Cleared item by item, not by length, which would free the scratch array's storage.
  for (let i = 0; i < k; i++) items[i] = NO_ITEM;
  return out;
}

function single(a: EvidenceItem): EvidenceItem[] {
  const rec = records.get(a);
  if (!rec) return [a];
  return (rec.alone ??= [a]);
}

function pair(a: EvidenceItem, b: EvidenceItem): EvidenceItem[] {
  const rec = records.get(a);
  if (!rec || !records.has(b)) return [a, b];
  const pairs = (rec.pairs ??= new Map());
  let list = pairs.get(b);
  if (list === undefined) {
    list = [a, b];
    if (pairs.size < PAIRS_PER_ITEM) pairs.set(b, list);
  }
  return list;
}

const scratch: EvidenceItem[] = [];
const NO_ITEM = Object.freeze({ targetId: '', targetName: '', property: '', value: null, unknown: false }) as EvidenceItem;

/**
 * The item for a property of an entity. The target's own properties (most evidence) get the interned item of
 * their value, or one made per target (a list value) and found by slot in `selfItems`, valid where
 * `selfItemMark` holds the target's serial; other entities' items are few, made per target and found by a
 * scan of `evCache`.
 */
function evidenceItem(ctx: EvalContext, entity: Entity, property: string, slot: number): EvidenceItem {
  const own = entity === ctx.self;
  if (own && slot >= 0) {
    const marks = ctx.selfItemMark;
    if (slot < marks.length && marks[slot] === ctx.targetSerial) {
      const item = ctx.selfItems[slot];
      if (item.unknown) ctx.evUnknown = true;
      return item;
    }
  } else if (!own) {
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
  if (!own) {
    const item: EvidenceItem = { targetId: entity.id, targetName: entity.name, property, value: unknown ? null : value, unknown };
    ctx.evCache[ctx.evCacheLen++] = item;
    return item;
  }
  const item = slot >= 0 && (typeof value !== 'object' || value === null) ? internedItem(slot, property, value) : ownItem(property, value);
  if (slot >= 0) rememberSelfItem(ctx, slot, item);
  return item;
}

function ownItem(property: string, value: PropValue | undefined): EvidenceItem {
  return { property, value: value === undefined ? null : value, unknown: value === undefined };
}

/** The shared item for a value of the target's own property (a fresh one once the property has many values). */
function internedItem(slot: number, property: string, value: PropValue | undefined): EvidenceItem {
  while (interned.length <= slot) interned.push(undefined);
  const byValue = (interned[slot] ??= new Map());
  const found = byValue.get(value);
  if (found) return found.item;
  const item = ownItem(property, value);
  if (byValue.size < VALUES_PER_PROPERTY) {
    const rec: Interned = { item, alone: undefined, pairs: undefined };
    byValue.set(value, rec);
    records.set(item, rec);
  }
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
