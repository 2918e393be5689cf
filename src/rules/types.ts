/**
 * Rule packs as data (DESIGN.md §4, docs/RULES.md) and their compiled form.
 */
import type { Mitigation, MitigationControl, Reference } from '../model/findings';
import type { PropValue, Severity } from '../model/types';
import type { Compiled } from './compiler';

/** One rule as written in a pack. */
export interface Rule {
  id: string;
  title: string;
  description: string;
  /** One or more of the letters S T R I D E, e.g. "ST". */
  stride: string;
  /** Element kinds, 'flow', 'boundary' or stencil types. */
  appliesTo: string[];
  /** An expression in the rule language (docs/RULES.md). */
  when: string;
  severity: Severity;
  mitigations: Mitigation[];
  references: Reference[];
}

/** A rule pack as data. */
export interface RulePack {
  id: string;
  name: string;
  version: string;
  description?: string;
  rules: Rule[];
}

/** What `self` is in a rule: decided by its `appliesTo`. */
export type RuleCategory = 'node' | 'flow' | 'boundary';

/** A rule ready to run: its expression compiled to a closure. */
export interface CompiledRule {
  rule: Rule;
  packId: string;
  category: RuleCategory;
  /** Kinds and types the rule applies to (for node rules); boundary types or 'boundary' for boundary rules. */
  appliesTo: ReadonlySet<string>;
  /** `ruleId@`: a finding id is this and the target id, one concatenation. */
  idPrefix: string;
  /** STRIDE letters the rule names, upper case. */
  stride: string;
  /** Whether exposure, and high stakes, raise its findings (see severity.ts). */
  exposable: boolean;
  stakeable: boolean;
  /** The expression with evidence recording (run with `ctx.recording` on). */
  evaluate: Compiled;
  /** The same expression for its verdict alone (see `compileVerdict`): how the engine decides whether it fires. */
  verdict: Compiled;
  /** The rule's mitigations whose controls can be checked ("mitigated by design"), with declarations resolved. */
  mitigationChecks: readonly MitigationCheck[];
  /**
   * The slots of the first controls of `mitigationChecks` (see `propSlot`): a target where none of them is set
   * (on the flow or an endpoint, for a flow rule) cannot be mitigated by design, which is most targets.
   */
  mitigationSlots: readonly number[];
  /**
   * Properties of `self` the rule needs set to fire: groups of slots, one of each set (see `requiredSelfProps`
   * in fused.ts). The engine skips the evaluation on a target without them, as it does for `guard`.
   */
  requires: readonly (readonly number[])[];
  /**
   * Facts the rule needs, read off its top-level `and` (`is(self, ...)`, `isWs(self)`, `isFix(self)`): a target
   * without them cannot fire, so the engine skips the evaluation (it still checks "mitigated by design").
   */
  guard: RuleGuard;
}

export interface RuleGuard {
  /** Every `is(self, ...)` conjunct: the target's kind or type must be in each list. */
  is: readonly ReadonlySet<string>[];
  /** Every `isWs(self)`/`isFix(self)` conjunct: the flow's protocol must be in each list. */
  protocols: readonly ReadonlySet<string>[];
}

/** One mitigation's controls, resolved against the property declarations. */
export interface MitigationCheck {
  /**
   * The controls as a "mitigated by design" entry names them, duplicates dropped: one frozen list per
   * mitigation, shared by every entry this mitigation alone produces (tens of thousands on a large model).
   */
  named: readonly MitigationControl[];
  controls: readonly {
    property: string;
    value: PropValue;
    /** The property's slot (see `propSlot` in context.ts). */
    slot: number;
    /** The property applies to flows. */
    onFlow: boolean;
    /** Element kinds the property applies to. */
    kinds: readonly string[];
  }[];
}
