/**
 * What the rule packs screen needs from the rule engine. Panels may not import rules/ (DESIGN.md §1), so the
 * screen declares this interface and app/ implements it over rules/ (compileRule, analyze, BUILTIN_PACKS).
 */
import type { Finding } from '../../model/findings';
import type { ThreatModel } from '../../model/types';
import type { PackData, RuleData } from './ruleDraft';

export interface RuleValidationProblem {
  message: string;
  /** 0-based character offset in `field` (in `when` when `field` is absent). */
  position?: number;
  /** The rule field the problem is in; absent means the `when` expression when `position` is set. */
  field?: string;
  /** What the parser expected there, if it says. */
  expected?: string;
}

export type ParsePackResult =
  | {
      pack: PackData;
      /** Problems of single rules; the pack still imports and those rules are reported and skipped. */
      problems: readonly (RuleValidationProblem & { ruleId?: string })[];
    }
  | { error: string };

export interface RulesApi {
  /** The built-in packs, in display order. Their ids are what `model.rulePacks.enabled` lists. */
  readonly builtinPacks: readonly PackData[];
  /** Checks one rule (fields, and `when` parsed and type-checked against the property declarations). [] = valid. */
  validateRule(rule: RuleData): readonly RuleValidationProblem[];
  /** What this rule alone would find in `model` now (run as if its pack were enabled). */
  preview(rule: RuleData, model: ThreatModel): readonly Finding[];
  /** Parses a pack file's text (native JSON pack; a TMT .tb7 where the app supports it). */
  parsePack(text: string): ParsePackResult;
}
