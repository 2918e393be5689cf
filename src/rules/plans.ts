/**
 * Per-target plans: which rules of a target's rule list to evaluate, and which to check for "mitigated by
 * design". Both depend only on which properties are set (`hasRequired` asks the target's own; `mayBeMitigated`
 * the target's or a flow's endpoints'), so a rule list numbers the properties its rules ask about and a target
 * is summed up by the bits of the ones it has set, once, instead of rule by rule: a large model has a million
 * (target, rule) pairs, most of them ruled out.
 *
 * The rules to evaluate are a plan per combination of required properties (few: kept in a map); whether a
 * rule may be mitigated is a test of its mitigation bits against the target's, two words of up to 30 bits.
 * A mitigation bit stands for the first control of a mitigation, property and value: it is set when the target
 * (or a flow's endpoint) has that value. Most set controls are set the other way (`encryptedInTransit: false`),
 * and a bit for the property alone sent every such target through the full check for nothing.
 */
import type { PropValue } from '../model/types';
import type { EvalContext } from './context';
import { sameValue } from './mitigation';
import type { LoadedProps } from './slots';
import type { CompiledRule } from './types';

export interface PlanTable {
  /** Bit of each slot among the slots the list's rules require (-1 for none). */
  requireBit: Int8Array;
  /** Rule indexes to evaluate (in list order) by the target's required bits; made on first use. */
  plans: Map<number, Int32Array>;
  /** By slot: the values the rules' mitigations assert first for it, each with its bit (undefined for none). */
  mitigateBits: (ControlBit[] | undefined)[];
  /** By slot: 1 when `mitigateBits` has values for it; most set properties are no first control. */
  controlSlot: Uint8Array;
  /** Per rule: the bits of its first controls, in a low and a high word, and whether it always may be (`mayBeMitigated`). */
  mitigateLow: Int32Array;
  mitigateHigh: Int32Array;
  mitigateAlways: Uint8Array;
}

export interface ControlBit {
  /** The value that sets the bit; `ANY_VALUE` for any value (see `planTable`). */
  value: PropValue | typeof ANY_VALUE;
  bit: number;
}

/** A control bit set by any value of its property: too many values to give each a bit. */
const ANY_VALUE = Symbol('any value');

/** Bits per word: words stay small integers. A list needing more is evaluated rule by rule. */
const WORD = 30;

/** The plan table of a rule list (`skip[i]`: the rule's guard rules it out), or null when keys would not fit. */
export function planTable(rules: readonly CompiledRule[], skip: readonly boolean[]): PlanTable | null {
  const requireBits = new Map<number, number>();
  for (let i = 0; i < rules.length; i++) {
    if (!skip[i]) for (const group of rules[i].requires) for (const slot of group) if (!requireBits.has(slot)) requireBits.set(slot, requireBits.size);
  }
  if (requireBits.size > WORD) return null;
  // A bit per property and value; should a list assert more than two words' worth, a bit per property (set
  // by any value), which only sends more targets through the full check.
  const bits = controlBits(rules, true) ?? controlBits(rules, false);
  if (!bits) return null;
  const { mitigateBits, ruleBits } = bits;
  for (let slot = 0; slot < mitigateBits.length; slot++) mitigateBits[slot] ??= undefined;
  const table: PlanTable = {
    requireBit: bitsBySlot(requireBits),
    plans: new Map(),
    mitigateBits,
    controlSlot: Uint8Array.from(mitigateBits, (list) => (list ? 1 : 0)),
    mitigateLow: new Int32Array(rules.length),
    mitigateHigh: new Int32Array(rules.length),
    mitigateAlways: new Uint8Array(rules.length),
  };
  for (let i = 0; i < rules.length; i++) {
    for (const bit of ruleBits[i]) {
      if (bit < 0) table.mitigateAlways[i] = 1;
      else if (bit < WORD) table.mitigateLow[i] |= 1 << bit;
      else table.mitigateHigh[i] |= 1 << (bit - WORD);
    }
  }
  return table;
}

function controlBits(rules: readonly CompiledRule[], byValue: boolean): { mitigateBits: (ControlBit[] | undefined)[]; ruleBits: number[][] } | null {
  const mitigateBits: (ControlBit[] | undefined)[] = [];
  let controls = 0;
  const bitOf = (slot: number, value: PropValue): number => {
    const list = (mitigateBits[slot] ??= []);
    for (const c of list) if (c.value === ANY_VALUE || sameValue(c.value, value)) return c.bit;
    list.push({ value: byValue ? value : ANY_VALUE, bit: controls });
    return controls++;
  };
  const ruleBits: number[][] = [];
  for (const rule of rules) {
    const bits: number[] = [];
    for (const check of rule.mitigationChecks) {
      const first = check.controls[0];
      bits.push(first.slot < 0 ? -1 : bitOf(first.slot, first.value));
    }
    ruleBits.push(bits);
  }
  return controls > 2 * WORD ? null : { mitigateBits, ruleBits };
}

function bitsBySlot(bits: ReadonlyMap<number, number>): Int8Array {
  const out = new Int8Array(Math.max(-1, ...bits.keys()) + 1).fill(-1);
  for (const [slot, bit] of bits) out[slot] = bit;
  return out;
}

/**
 * The target's mitigating bits (see `PlanTable.mitigateLow`), set by `planFor`. Module state: two numbers are
 * cheaper than an array or a returned pair, and `planFor` is not reentrant.
 */
export let targetLow = 0;
export let targetHigh = 0;

/**
 * The rules to evaluate on the current target, from the properties the engine loaded (the caller makes sure
 * they could be loaded: `ctx.presentUnknown` is false); sets `targetLow` and `targetHigh` on the way. For a
 * flow, set properties of its endpoints count for mitigations.
 */
export function planFor(table: PlanTable, rules: readonly CompiledRule[], skip: readonly boolean[], ctx: EvalContext, flow: boolean): Int32Array {
  const own = ctx.selfProps;
  const requireBit = table.requireBit;
  const size = requireBit.length;
  let key = 0;
  for (let i = 0; i < own.count; i++) {
    const slot = own.filled[i];
    const bit = slot < size ? requireBit[slot] : -1;
    if (bit >= 0) key |= 1 << bit;
  }
  targetLow = targetHigh = 0;
  mitigating(own, table);
  if (flow) {
    mitigating(ctx.sourceProps, table);
    mitigating(ctx.targetProps, table);
  }
  let plan = table.plans.get(key);
  if (plan === undefined) table.plans.set(key, (plan = makePlan(table, rules, skip, key)));
  return plan;
}

function mitigating(loaded: LoadedProps, table: PlanTable): void {
  const controlSlot = table.controlSlot;
  const size = controlSlot.length;
  const values = loaded.values;
  for (let i = 0; i < loaded.count; i++) {
    const slot = loaded.filled[i];
    if (slot >= size || controlSlot[slot] === 0) continue;
    const list = table.mitigateBits[slot]!;
    const value = values[slot];
    for (let k = 0; k < list.length; k++) {
      const c = list[k];
      // Control values are mostly booleans and strings: equal or not without a call.
      if (value !== c.value && c.value !== ANY_VALUE && (typeof value !== 'object' || !sameValue(value, c.value as PropValue))) continue;
      if (c.bit < WORD) targetLow |= 1 << c.bit;
      else targetHigh |= 1 << (c.bit - WORD);
    }
  }
}

/** The plan for one key, as `hasRequired` (mitigation.ts) decides rule by rule. */
function makePlan(table: PlanTable, rules: readonly CompiledRule[], skip: readonly boolean[], key: number): Int32Array {
  const isSet = (slot: number) => slot < table.requireBit.length && table.requireBit[slot] >= 0 && (key & (1 << table.requireBit[slot])) !== 0;
  const plan: number[] = [];
  for (let i = 0; i < rules.length; i++) if (!skip[i] && rules[i].requires.every((group) => group.some(isSet))) plan.push(i);
  return Int32Array.from(plan);
}
