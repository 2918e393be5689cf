/**
 * Turns rule data into runnable rules. Everything about a rule is validated here (shape, STRIDE letters,
 * severity, appliesTo, mitigation controls, references, and the `when` expression); a broken rule becomes a
 * `RuleProblem` and the rest of its pack still runs.
 */
import type { RuleProblem } from '../model/findings';
import { checkPropertyValue, getPropertyDecl } from '../model/properties';
import { requiredSelfProps } from './fused';
import { mitigationChecks } from './mitigation';
import { exposable, stakeable } from './severity';
import { ELEMENT_KINDS, SEVERITIES, type PropValue } from '../model/types';
import { flatten, formatError, type Expr } from './ast';
import { checkExpression, likelySlip } from './checker';
import { compileExpression, compileVerdict } from './compiler';
import { parseExpression } from './parser';
import type { CompiledRule, Rule, RuleCategory, RuleGuard, RulePack } from './types';

const STRIDE = /^[STRIDE]+$/;
export const REFERENCE_TYPES: readonly string[] = ['CWE', 'CAPEC', 'OWASP-API-2023', 'OWASP-2021', 'DOC', 'SWC', 'OWASP-SC-2025'];
const KINDS: readonly string[] = ELEMENT_KINDS;

/** A problem with a rule's `when` expression, with its position. */
export interface RuleError {
  ruleId: string;
  /** "AUTH-02: at 5: unknown property ..." */
  message: string;
  position: number;
  expected?: string;
}

/** Which kind of target a rule's `appliesTo` describes, or a reason it describes none. */
export function ruleCategory(appliesTo: readonly string[]): RuleCategory | string {
  const flow = appliesTo.includes('flow');
  const boundary = appliesTo.includes('boundary');
  const others = appliesTo.filter((a) => a !== 'flow' && a !== 'boundary');
  if (flow && boundary) return "appliesTo mixes 'flow' and 'boundary'";
  if (flow && others.length) return `appliesTo mixes 'flow' with element kinds or types (${others.join(', ')})`;
  if (boundary && others.some((o) => KINDS.includes(o))) return "appliesTo mixes 'boundary' with element kinds";
  return flow ? 'flow' : boundary ? 'boundary' : 'node';
}

/** Parses and checks a `when` expression; the errors carry the rule id and positions. */
export function checkRuleExpression(ruleId: string, when: string, category: RuleCategory): RuleError[] {
  const parsed = parseExpression(when);
  const errors = parsed.ok ? checkExpression(parsed.expr, category).errors : [parsed.error];
  return errors.map((e) => ({ ruleId, message: formatError(ruleId, e), position: e.position, ...(e.expected ? { expected: e.expected } : {}) }));
}

/** Compiles one rule, or explains everything that is wrong with it. */
export function compileRule(rule: Rule, packId: string): CompiledRule | RuleProblem[] {
  const raw = rule as unknown as Record<string, unknown>;
  const ruleId = typeof raw?.id === 'string' && raw.id ? raw.id : '(no id)';
  const problems: RuleProblem[] = [];
  const problem = (message: string, position?: number) =>
    problems.push({ packId, ruleId, message: message.startsWith(`${ruleId}: `) ? message : `${ruleId}: ${message}`, ...(position !== undefined ? { position } : {}) });

  if (typeof raw !== 'object' || raw === null) return [{ packId, ruleId, message: 'a rule must be an object' }];
  if (ruleId === '(no id)') problem('a rule needs a non-empty text id');
  // Finding ids are `ruleId@targetId`: an '@' in a rule id would make them ambiguous.
  else if (ruleId.includes('@') || /\s/.test(ruleId)) problem("a rule id may not contain '@' or spaces");
  if (typeof raw.title !== 'string' || !raw.title.trim()) problem('a rule needs a title');
  if (raw.description !== undefined && typeof raw.description !== 'string') problem('description must be text');
  if (typeof raw.stride !== 'string' || !STRIDE.test(raw.stride)) problem(`stride must be one or more of the letters S T R I D E, not ${JSON.stringify(raw.stride)}`);
  if (!(SEVERITIES as readonly unknown[]).includes(raw.severity)) problem(`severity must be one of ${SEVERITIES.join(', ')}, not ${JSON.stringify(raw.severity)}`);
  let category: RuleCategory | undefined;
  if (!Array.isArray(raw.appliesTo) || raw.appliesTo.length === 0 || !raw.appliesTo.every((a) => typeof a === 'string' && a)) {
    problem('appliesTo must be a non-empty list of kinds, flow, boundary or stencil types');
  } else {
    const c = ruleCategory(raw.appliesTo as string[]);
    if (c === 'node' || c === 'flow' || c === 'boundary') category = c;
    else problem(c);
    for (const name of raw.appliesTo as string[]) {
      const slip = likelySlip(name);
      if (slip) problem(`appliesTo names '${name}', which is no kind or type (did you mean ${slip}?)`);
    }
  }
  checkMitigations(raw.mitigations, problem);
  checkReferences(raw.references, problem);

  let evaluate: CompiledRule['evaluate'] | undefined;
  let verdict: CompiledRule['verdict'] | undefined;
  let requires: CompiledRule['requires'] = [];
  let guard: RuleGuard = NO_GUARD;
  if (typeof raw.when !== 'string' || !raw.when.trim()) {
    problem('a rule needs a when expression');
  } else if (category) {
    const parsed = parseExpression(raw.when);
    if (!parsed.ok) {
      problem(formatError(ruleId, parsed.error), parsed.error.position);
    } else {
      const checked = checkExpression(parsed.expr, category);
      for (const e of checked.errors) problem(formatError(ruleId, e), e.position);
      if (checked.errors.length === 0) {
        evaluate = compileExpression(parsed.expr, checked.types);
        verdict = compileVerdict(parsed.expr);
        requires = requiredSelfProps(parsed.expr);
        guard = ruleGuard(parsed.expr);
      }
    }
  }
  if (problems.length || !evaluate || !verdict || !category) return problems;
  const checks = mitigationChecks(rule.mitigations);
  return {
    rule: { ...rule, description: rule.description ?? '', mitigations: rule.mitigations ?? [], references: rule.references ?? [] },
    packId,
    category,
    appliesTo: new Set(rule.appliesTo),
    idPrefix: `${ruleId}@`,
    stride: rule.stride,
    exposable: exposable(rule.stride),
    stakeable: stakeable(rule.stride),
    evaluate,
    verdict,
    guard,
    mitigationChecks: checks,
    mitigationSlots: [...new Set(checks.map((m) => m.controls[0].slot))],
    requires,
  };
}

const NO_GUARD: RuleGuard = { is: [], protocols: [] };
const GUARD_PROTOCOLS: Record<string, ReadonlySet<string>> = { isWs: new Set(['ws', 'wss']), isFix: new Set(['fix', 'fix+tls']) };

/** The structural facts a rule's top-level conjunction requires of `self` (see `RuleGuard`). */
export function ruleGuard(expr: Expr): RuleGuard {
  const conjuncts = flatten(expr, 'and');
  const is: ReadonlySet<string>[] = [];
  const protocols: ReadonlySet<string>[] = [];
  for (const c of conjuncts) {
    if (c.type !== 'call' || c.args[0]?.type !== 'ident' || c.args[0].name !== 'self') continue;
    if (c.callee === 'is' && c.args.slice(1).every((a) => a.type === 'literal')) {
      is.push(new Set(c.args.slice(1).map((a) => String((a as { value: unknown }).value))));
    } else if (GUARD_PROTOCOLS[c.callee] && c.args.length === 1) {
      protocols.push(GUARD_PROTOCOLS[c.callee]);
    }
  }
  return is.length || protocols.length ? { is, protocols } : NO_GUARD;
}

function checkMitigations(value: unknown, problem: (m: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problem('mitigations must be a list');
    return;
  }
  const keys = new Set<string>();
  value.forEach((m: unknown, i) => {
    const mit = m as Record<string, unknown> | null;
    if (typeof mit !== 'object' || mit === null) return problem(`mitigation ${i + 1} must be an object`);
    if (typeof mit.key !== 'string' || !mit.key) problem(`mitigation ${i + 1} needs a key`);
    else if (keys.has(mit.key)) problem(`mitigation key '${mit.key}' is used twice`);
    else keys.add(mit.key);
    if (typeof mit.text !== 'string' || !mit.text) problem(`mitigation ${i + 1} needs a text`);
    if (mit.controls === undefined) return;
    if (!Array.isArray(mit.controls)) return problem(`mitigation ${i + 1}: controls must be a list`);
    for (const c of mit.controls as unknown[]) {
      const control = c as { property?: unknown; value?: unknown } | null;
      const name = control?.property;
      const decl = typeof name === 'string' ? getPropertyDecl(name) : undefined;
      if (!decl) {
        problem(`mitigation '${String(mit.key)}': unknown control property ${JSON.stringify(name)}`);
        continue;
      }
      const reason = checkPropertyValue(decl, control!.value as PropValue);
      if (reason) problem(`mitigation '${String(mit.key)}': ${reason}, not ${JSON.stringify(control!.value)}`);
    }
  });
}

function checkReferences(value: unknown, problem: (m: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problem('references must be a list');
    return;
  }
  value.forEach((r: unknown, i) => {
    const ref = r as Record<string, unknown> | null;
    if (typeof ref !== 'object' || ref === null) return problem(`reference ${i + 1} must be an object`);
    if (!REFERENCE_TYPES.includes(ref.type as string)) problem(`reference ${i + 1}: type must be one of ${REFERENCE_TYPES.join(', ')}, not ${JSON.stringify(ref.type)}`);
    if (typeof ref.id !== 'string' || !ref.id) problem(`reference ${i + 1} needs an id`);
  });
}

/** Compiles a pack: the rules that compile, and the problems of those that do not (including duplicate ids). */
export function compilePack(pack: RulePack): { rules: CompiledRule[]; problems: RuleProblem[] } {
  const packId = typeof pack?.id === 'string' ? pack.id : '(no id)';
  const rules: CompiledRule[] = [];
  const problems: RuleProblem[] = [];
  if (!Array.isArray(pack?.rules)) return { rules, problems: [{ packId, ruleId: '', message: `pack ${packId}: rules must be a list` }] };
  const seen = new Set<string>();
  for (const rule of pack.rules) {
    const result = compileRule(rule, packId);
    if (Array.isArray(result)) {
      problems.push(...result);
      continue;
    }
    if (seen.has(result.rule.id)) {
      problems.push({ packId, ruleId: result.rule.id, message: `${result.rule.id}: the id is used by another rule of pack ${packId}` });
      continue;
    }
    seen.add(result.rule.id);
    rules.push(result);
  }
  return { rules, problems };
}
