/**
 * A document as a change to the one the worker already holds. Posting a model structured-clones all of it, on
 * the main thread and again in the worker, on every edit: at 1,000 elements that is most of what an edit costs.
 * Operations share structure (model/operations.ts), so the entities an edit did not touch are the very same
 * objects as before, and identity tells what to send.
 *
 * A patch names the request whose model it applies to (`base`); the worker refuses one whose base it does not
 * hold, and the client then sends the whole model (client.ts).
 */
import type { Boundary, Flow, ModelElement, ThreatModel } from '../model/types';

/** The entity lists sent item by item; everything else in a model is sent whole when it changed. */
const LISTS = ['elements', 'flows', 'boundaries'] as const;
type ListKey = (typeof LISTS)[number];
type ListItem = ModelElement | Flow | Boundary;

/** Changed positions of a list whose length and ids are unchanged: `[index, item]` pairs. */
export type ListPatch = [number, ListItem][];

export interface ModelPatch {
  /** The `seq` of the request whose model this patch applies to. */
  base: number;
  /** Top-level fields with a new value (an entity list that changed shape is sent here whole). */
  set: Partial<ThreatModel>;
  /** Top-level fields that are gone (only `extra` can be). */
  unset: string[];
  /** Entity lists with the same ids in the same order, and the items that are new objects. */
  items: Partial<Record<ListKey, ListPatch>>;
}

const isList = (key: string): key is ListKey => (LISTS as readonly string[]).includes(key);

/**
 * What turns `prev` into `next`, by identity. Entity lists whose ids kept their order go item by item; a list
 * with an entity added, removed or moved goes whole.
 */
export function diffModel(prev: ThreatModel, next: ThreatModel, base: number): ModelPatch {
  const patch: ModelPatch = { base, set: {}, unset: [], items: {} };
  const set = patch.set as Record<string, unknown>;
  const before = prev as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  for (const key of Object.keys(after)) {
    if (before[key] === after[key]) continue;
    const items = isList(key) ? listPatch(prev[key], next[key]) : undefined;
    if (items) patch.items[key as ListKey] = items;
    else set[key] = after[key];
  }
  for (const key of Object.keys(before)) if (!(key in after)) patch.unset.push(key);
  return patch;
}

function listPatch(prev: readonly ListItem[], next: readonly ListItem[]): ListPatch | undefined {
  // Anything but two lists of the same length goes whole (and a broken one fails in the engine, as it would).
  if (!Array.isArray(prev) || !Array.isArray(next) || prev.length !== next.length) return undefined;
  const changed: ListPatch = [];
  for (let i = 0; i < next.length; i++) {
    if (prev[i] === next[i]) continue;
    if (prev[i]?.id !== next[i]?.id) return undefined;
    changed.push([i, next[i]]);
  }
  return changed;
}

/**
 * `prev` with `patch` applied, as a new model that shares every untouched object with `prev`. Throws when the
 * patch does not fit `prev` (an index out of range or a different id there): the caller then asks for the whole
 * model rather than analyse a wrong one.
 */
export function applyModelPatch(prev: ThreatModel, patch: ModelPatch): ThreatModel {
  const next = { ...prev, ...patch.set } as ThreatModel;
  const fields = next as unknown as Record<string, unknown>;
  for (const key of patch.unset) delete fields[key];
  for (const key of LISTS) {
    const items = patch.items[key];
    if (!items) continue;
    const list = (prev[key] as ListItem[]).slice();
    for (const [index, item] of items) {
      if (!(index >= 0 && index < list.length) || list[index].id !== item.id) throw new Error(`patch does not fit ${key}[${index}]`);
      list[index] = item;
    }
    fields[key] = list;
  }
  return next;
}
