/**
 * Property slots: property names are given small numbers when rules are compiled, so that the engine can load
 * an entity's properties into an array once per target and rules read them by index. A model holds thousands
 * of differently shaped props objects, which defeats the JavaScript engine's inline caches: a lookup by name in
 * one costs several times an array load, and an analysis of a large model reads properties millions of times.
 */
import { keptCopy } from '../lib/keep';
import type { PropValue } from '../model/types';
import type { Entity } from './context';

const SLOTS = new Map<string, number>();

/**
 * The slot of a property name, assigned on first use; -1 for a name that plain objects inherit (`toString`),
 * which must be read from the props object itself to keep its meaning.
 */
export function propSlot(name: string): number {
  let slot = SLOTS.get(name);
  if (slot === undefined) {
    if (name in Object.prototype) return -1;
    slot = SLOTS.size;
    SLOTS.set(name, slot);
  }
  return slot;
}

/** How many slots there are: a snapshot taken with fewer is stale. */
export function slotCount(): number {
  return SLOTS.size;
}

/** The slot of a property name if it has one, else -1 (never assigns one). */
export function slotOf(name: string): number {
  return SLOTS.get(name) ?? -1;
}

/** One entity's property values by slot (see `propSlot`); `entity` is undefined when nothing is loaded. */
export interface LoadedProps {
  entity: Entity | undefined;
  values: (PropValue | undefined)[];
  /** The slots the last load filled, to clear them before the next. */
  filled: number[];
  count: number;
}

export function emptyLoaded(): LoadedProps {
  return { entity: undefined, values: [], filled: [], count: 0 };
}

/** Loads an entity's property values into `into` (or clears it, for undefined). */
export function loadProps(into: LoadedProps, entity: Entity | undefined): void {
  const values = into.values;
  const filled = into.filled;
  for (let i = 0; i < into.count; i++) values[filled[i]] = undefined;
  into.count = 0;
  into.entity = undefined;
  // A props object that is not one (a malformed import) is read directly, failing as it always has.
  const props = entity?.props;
  if (typeof props !== 'object' || props === null) return;
  while (values.length < SLOTS.size) values.push(undefined);
  try {
    for (const name in props) {
      const slot = SLOTS.get(name);
      if (slot !== undefined) {
        filled[into.count++] = slot;
        values[slot] = props[name];
      }
    }
  } catch {
    // A property that throws when read (a getter in a hand-made document) must fail only the rules that read
    // it, as a problem of theirs: leave the entity unloaded, so that they read it themselves.
    return;
  }
  into.entity = entity;
}

/** The loaded values as `slot, value, slot, value...`, to load again later with `loadSnapshot`. */
export function snapshotOf(loaded: LoadedProps): (number | PropValue | undefined)[] {
  // Gathered in a scratch list and kept by a literal (see lib/keep.ts): snapshots last the whole pass.
  const out = snapshotScratch;
  for (let i = 0; i < loaded.count; i++) {
    const slot = loaded.filled[i];
    out[2 * i] = slot;
    out[2 * i + 1] = loaded.values[slot];
  }
  const kept = keptCopy(out, loaded.count * 2);
  for (let i = 0; i < 2 * loaded.count; i++) out[i] = undefined;
  return kept;
}

const snapshotScratch: (number | PropValue | undefined)[] = [];

/** Loads an entity's values from its snapshot (see `snapshotOf`): no lookups by name. */
export function loadSnapshot(into: LoadedProps, entity: Entity, snapshot: readonly (number | PropValue | undefined)[]): void {
  const values = into.values;
  const filled = into.filled;
  for (let i = 0; i < into.count; i++) values[filled[i]] = undefined;
  while (values.length < SLOTS.size) values.push(undefined);
  const n = snapshot.length >> 1;
  for (let i = 0; i < n; i++) {
    const slot = snapshot[2 * i] as number;
    filled[i] = slot;
    values[slot] = snapshot[2 * i + 1] as PropValue | undefined;
  }
  into.count = n;
  into.entity = entity;
}

/** A loaded value, or the entity's own when `into` holds another entity (or none). */
export function valueIn(into: LoadedProps, entity: Entity, prop: string, slot: number): PropValue | undefined {
  return into.entity === entity && slot >= 0 ? into.values[slot] : entity.props[prop];
}
