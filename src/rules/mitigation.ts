/**
 * "Mitigated by design" (DESIGN.md §5, docs/RULES.md): a rule that does not fire on a target it applies to,
 * where every control of at least one of its mitigations is asserted, yields an entry naming those controls.
 * The check runs for every rule that does not fire, so it reads the target's properties from the slots the
 * engine loaded (see `loadProps` in context.ts) and shares the entries' control lists where it can.
 */
import type { MitigatedByDesign, Mitigation, MitigationControl } from '../model/findings';
import { getPropertyDecl } from '../model/properties';
import type { Flow, PropValue } from '../model/types';
import type { Entity, EvalContext, ReadSink } from './context';
import { propSlot, slotCount, valueIn, type LoadedProps } from './slots';
import type { CompiledRule, MitigationCheck } from './types';

/** Equal values; lists compare as sets. */
export function sameValue(a: PropValue | undefined, b: PropValue | undefined): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  // Plain loops: this runs for every list-valued control of every candidate target.
  for (let i = 0; i < a.length; i++) if (!b.includes(a[i])) return false;
  for (let i = 0; i < b.length; i++) if (!a.includes(b[i])) return false;
  return true;
}

/** The checkable mitigations of a rule (those with controls), resolved against the property declarations. */
export function mitigationChecks(mitigations: readonly Mitigation[] | undefined): MitigationCheck[] {
  return (mitigations ?? [])
    .filter((m) => m.controls?.length)
    .map((m) => ({
      named: namedControls(m.controls),
      controls: m.controls.map((c) => {
        const appliesTo = getPropertyDecl(c.property)?.appliesTo ?? [];
        return {
          property: c.property,
          value: c.value,
          slot: propSlot(c.property),
          onFlow: appliesTo.includes('flow'),
          kinds: appliesTo.filter((a) => a !== 'flow' && a !== 'boundary'),
        };
      }),
    }));
}

/** A mitigation's controls without repeats (equal property and value, lists as sets), frozen for sharing. */
function namedControls(controls: readonly MitigationControl[]): readonly MitigationControl[] {
  const out: MitigationControl[] = [];
  for (const c of controls) {
    if (!out.some((x) => x.property === c.property && sameValue(x.value, c.value))) out.push(Object.freeze({ property: c.property, value: c.value }));
  }
  return Object.freeze(out.slice());
}

/**
 * Adds the rule's "mitigated by design" entry for the current target (`ctx.self`, with its properties and a
 * flow's endpoints loaded) when one of its mitigations is fully asserted, and says whether it did. For a flow rule a control counts when
 * the flow has it (if the property applies to flows) or an endpoint has it (if the property applies to that
 * endpoint's kind).
 */
export function checkMitigatedByDesign(
  r: CompiledRule,
  kind: 'node' | 'flow' | 'boundary',
  ctx: EvalContext,
  reads: ReadSink | undefined,
  out: MitigatedByDesign[],
): boolean {
  const target = ctx.self;
  // A flow's endpoints are in the reads already when the engine recorded them with the target.
  if (kind === 'flow' && reads && !ctx.endsRecorded) reads.add((target as Flow).source).add((target as Flow).target);
  let first: readonly MitigationControl[] | undefined;
  let merged = 0;
  const checks = r.mitigationChecks;
  for (let m = 0; m < checks.length; m++) {
    const controls = checks[m].controls;
    // Hot path (every rule that does not fire): most controls are unset, so the first test usually fails.
    let all = true;
    for (let i = 0; i < controls.length; i++) {
      if (!asserted(controls[i], kind, ctx)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    const named = checks[m].named;
    if (!first) {
      first = named;
      continue;
    }
    // A second asserted mitigation: its controls join the first's, without repeats.
    if (!merged) for (let i = 0; i < first.length; i++) scratch[merged++] = first[i];
    for (let i = 0; i < named.length; i++) if (!includesControl(scratch, merged, named[i])) scratch[merged++] = named[i];
  }
  if (!first) return false;
  const controls = merged ? scratch.slice(0, merged) : first;
  const id = r.rule.id;
  out.push({ id: r.idPrefix + target.id, ruleId: id, packId: r.packId, targetId: target.id, title: r.rule.title, controls: controls as MitigationControl[] });
  return true;
}

/**
 * Notes which properties are set on the current target (and, for a flow, on its endpoints), once per target,
 * from the values the engine loaded: `mayBeMitigated` then answers with an array load or three.
 */
export function markPresent(ctx: EvalContext, flow: boolean): void {
  if (ctx.present.length < slotCount()) ctx.present = new Int32Array(slotCount() + 32);
  // A slot set on the target holds 2 * serial + 1, one set only on an endpoint 2 * serial. Serial 0 is never
  // used, so a fresh (zeroed) array marks nothing.
  const serial = (ctx.presentSerial = (ctx.presentSerial + 1) & 0x3fffffff || 1);
  let known = true;
  if (flow) known = mark(ctx, ctx.sourceProps, ctx.source, 2 * serial) && mark(ctx, ctx.targetProps, ctx.target, 2 * serial);
  ctx.selfUnknown = !mark(ctx, ctx.selfProps, ctx.self, 2 * serial + 1);
  ctx.presentUnknown = !known || ctx.selfUnknown;
}

function mark(ctx: EvalContext, loaded: LoadedProps, entity: Entity | undefined, stamp: number): boolean {
  if (!entity) return true;
  if (loaded.entity !== entity) return false;
  for (let i = 0; i < loaded.count; i++) ctx.present[loaded.filled[i]] = stamp;
  return true;
}

/**
 * Whether the target has a property of each group the rule requires (`CompiledRule.requires`): when not, the
 * rule cannot fire there and need not be evaluated. True whenever the loaded values cannot tell.
 */
export function hasRequired(r: CompiledRule, ctx: EvalContext): boolean {
  const groups = r.requires;
  if (!groups.length || ctx.selfUnknown) return true;
  const present = ctx.present;
  const own = 2 * ctx.presentSerial + 1;
  outer: for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    for (let i = 0; i < group.length; i++) if (present[group[i]] === own) continue outer;
    return false;
  }
  return true;
}

/**
 * Whether the current target can be mitigated by design for this rule at all: the first control of one of its
 * mitigations is set on the target (or, for a flow, on an endpoint). Much cheaper than the check itself, and
 * false for most targets; true whenever the loaded values cannot tell.
 */
export function mayBeMitigated(r: CompiledRule, ctx: EvalContext): boolean {
  const slots = r.mitigationSlots;
  if (!slots.length) return false;
  if (ctx.presentUnknown) return true;
  const present = ctx.present;
  const serial = ctx.presentSerial;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (slot < 0 || present[slot] >> 1 === serial) return true;
  }
  return false;
}

/** Scratch list for merged controls, copied out at its exact length. */
const scratch: MitigationControl[] = [];

function includesControl(list: readonly MitigationControl[], length: number, c: MitigationControl): boolean {
  for (let i = 0; i < length; i++) if (list[i].property === c.property && sameValue(list[i].value, c.value)) return true;
  return false;
}

function asserted(c: MitigationCheck['controls'][number], kind: 'node' | 'flow' | 'boundary', ctx: EvalContext): boolean {
  const own = valueIn(ctx.selfProps, ctx.self, c.property, c.slot);
  if (kind !== 'flow') return own !== undefined && sameValue(own, c.value);
  if (c.onFlow && own !== undefined && sameValue(own, c.value)) return true;
  if (!c.kinds.length) return false;
  const { source, target: end } = ctx;
  const a = source ? valueIn(ctx.sourceProps, source, c.property, c.slot) : undefined;
  if (a !== undefined && c.kinds.includes(source!.kind) && sameValue(a, c.value)) return true;
  const b = end ? valueIn(ctx.targetProps, end, c.property, c.slot) : undefined;
  return b !== undefined && c.kinds.includes(end!.kind) && sameValue(b, c.value);
}
