/**
 * Type checker of `when` expressions against the property declarations (src/model/properties.ts) and the
 * helper table (helpers.ts). It reports every error it finds (not only the first), and annotates each
 * expression with its type for the compiler.
 */
import { PROPERTY_DECLS, getPropertyDecl, type PropertyDecl, type PropTarget } from '../model/properties';
import { STENCILS } from '../model/stencils';
import { BOUNDARY_TYPES, ELEMENT_KINDS } from '../model/types';
import type { Expr, LanguageError } from './ast';
import { HELPER_SIGNATURES, type ParamKind } from './helpers';
import { closest, editDistance } from './spelling';
import { describeDecl, describeKind, describeType } from './typeNames';
import type { RuleCategory } from './types';

export type Type =
  | { t: 'bool'; decl?: PropertyDecl }
  | { t: 'number'; decl?: PropertyDecl }
  | { t: 'string'; decl?: PropertyDecl; values?: readonly string[]; what?: string }
  | { t: 'list'; decl?: PropertyDecl; values?: readonly string[]; elem: 'string' | 'number'; what?: string }
  | { t: 'node' }
  | { t: 'flow' }
  | { t: 'boundary' }
  | { t: 'flows' }
  | { t: 'lambda' }
  /** After an error: anything goes, so one mistake is reported once. */
  | { t: 'error' };

export interface CheckResult {
  errors: LanguageError[];
  types: Map<Expr, Type>;
}

const NODE_TARGETS: readonly PropTarget[] = ['actor', 'process', 'store'];
const ERROR: Type = { t: 'error' };
const BOOL: Type = { t: 'bool' };

/** Checks an expression for a rule whose `self` is of the given category. */
export function checkExpression(expr: Expr, category: RuleCategory): CheckResult {
  const checker = new Checker(category);
  const type = checker.check(expr, new Map());
  if (type.t !== 'bool' && type.t !== 'error') {
    checker.error(expr.pos, `the expression must be true or false, but this is ${describeType(type)}`);
  }
  return { errors: checker.errors, types: checker.types };
}

class Checker {
  readonly errors: LanguageError[] = [];
  readonly types = new Map<Expr, Type>();

  constructor(private readonly category: RuleCategory) {}

  error(position: number, reason: string, expected?: string): Type {
    this.errors.push(expected ? { reason, position, expected } : { reason, position });
    return ERROR;
  }

  check(expr: Expr, scope: ReadonlyMap<string, Type>): Type {
    const type = this.infer(expr, scope);
    this.types.set(expr, type);
    return type;
  }

  private infer(expr: Expr, scope: ReadonlyMap<string, Type>): Type {
    switch (expr.type) {
      case 'literal':
        return typeof expr.value === 'boolean' ? BOOL : typeof expr.value === 'number' ? { t: 'number' } : { t: 'string' };
      case 'list':
        return this.checkList(expr);
      case 'ident':
        return this.checkIdent(expr.name, expr.pos, scope);
      case 'member':
        return this.checkMember(expr.property, expr.pos, this.check(expr.object, scope));
      case 'call':
        return this.checkCall(expr, scope);
      case 'lambda':
        return this.error(expr.pos, "a lambda 'f => ...' is only allowed as the second argument of any, all or count");
      case 'not': {
        this.expectBool(this.check(expr.operand, scope), expr.operand.pos, "'not'");
        return BOOL;
      }
      case 'logical': {
        this.expectBool(this.check(expr.left, scope), expr.left.pos, `'${expr.op}'`);
        this.expectBool(this.check(expr.right, scope), expr.right.pos, `'${expr.op}'`);
        return BOOL;
      }
      case 'compare':
        this.checkCompare(expr, scope);
        return BOOL;
      case 'in':
        this.checkIn(expr, scope);
        return BOOL;
    }
  }

  private expectBool(type: Type, pos: number, where: string): void {
    if (type.t !== 'bool' && type.t !== 'error') {
      this.error(pos, `${where} needs true or false, but this is ${describeType(type)}`, 'a condition');
    }
  }

  private checkList(expr: Extract<Expr, { type: 'list' }>): Type {
    let elem: 'string' | 'number' | undefined;
    for (const item of expr.items) {
      if (item.type !== 'literal' || typeof item.value === 'boolean') {
        this.error(item.pos, 'list items must be text or number literals', "'text' or a number");
        this.types.set(item, ERROR);
        continue;
      }
      const kind = typeof item.value === 'number' ? 'number' : 'string';
      this.types.set(item, { t: kind });
      if (elem && elem !== kind) this.error(item.pos, 'a list mixes text and numbers');
      elem ??= kind;
    }
    return { t: 'list', elem: elem ?? 'string' };
  }

  private checkIdent(name: string, pos: number, scope: ReadonlyMap<string, Type>): Type {
    const local = scope.get(name);
    if (local) return local;
    if (name === 'self') return this.selfType();
    if (name === 'source' || name === 'target') {
      if (this.category === 'flow') return { t: 'node' };
      return this.error(pos, `'${name}' is only defined in flow rules; this rule applies to ${this.categoryName()}`);
    }
    if (HELPER_SIGNATURES[name]) return this.error(pos, `'${name}' is a helper: call it as ${name}(...)`, `'${name}('`);
    const names = ['self', ...(this.category === 'flow' ? ['source', 'target'] : []), ...scope.keys()];
    const hint = closest(name, names);
    return this.error(pos, `unknown name '${name}'${hint ? ` (did you mean ${hint}?)` : ''}`, names.join(', '));
  }

  private selfType(): Type {
    return this.category === 'flow' ? { t: 'flow' } : this.category === 'boundary' ? { t: 'boundary' } : { t: 'node' };
  }

  private categoryName(): string {
    return this.category === 'node' ? 'elements' : this.category === 'flow' ? 'flows' : 'boundaries';
  }

  private checkMember(property: string, pos: number, object: Type): Type {
    if (object.t === 'error') return ERROR;
    if (object.t !== 'node' && object.t !== 'flow' && object.t !== 'boundary') {
      return this.error(pos, `${describeType(object)} has no properties`);
    }
    if (property === 'name') return { t: 'string', what: 'name' };
    if (property === 'kind') {
      if (object.t === 'node') return { t: 'string', values: ELEMENT_KINDS, what: 'kind' };
      return this.error(pos, `${object.t === 'flow' ? 'a flow' : 'a boundary'} has no kind`);
    }
    if (property === 'type') {
      if (object.t === 'node') return { t: 'string', what: 'type' };
      if (object.t === 'boundary') return { t: 'string', values: BOUNDARY_TYPES, what: 'type' };
      return this.error(pos, 'a flow has no type (its protocol is a property)');
    }
    const targets: readonly PropTarget[] = object.t === 'node' ? NODE_TARGETS : [object.t];
    const where = object.t === 'node' ? 'element' : object.t;
    const decl = getPropertyDecl(property);
    if (!decl) {
      const candidates = PROPERTY_DECLS.filter((d) => d.appliesTo.some((a) => targets.includes(a))).map((d) => d.name);
      const hint = closest(property, candidates);
      return this.error(pos, `unknown property '${property}' on ${where}${hint ? ` (did you mean ${hint}?)` : ''}`, 'a declared property');
    }
    if (!decl.appliesTo.some((a) => targets.includes(a))) {
      return this.error(pos, `property '${property}' does not apply to ${where === 'element' ? 'elements' : `${where}s`} (it applies to ${decl.appliesTo.join(', ')})`);
    }
    switch (decl.type) {
      case 'boolean':
        return { t: 'bool', decl };
      case 'number':
        return { t: 'number', decl };
      case 'string':
        return { t: 'string', decl };
      case 'enum':
        return { t: 'string', decl, values: decl.values };
      case 'list':
        return { t: 'list', decl, values: decl.values, elem: 'string' };
    }
  }

  private checkCall(expr: Extract<Expr, { type: 'call' }>, scope: ReadonlyMap<string, Type>): Type {
    const sig = HELPER_SIGNATURES[expr.callee];
    if (!sig) {
      const hint = closest(expr.callee, Object.keys(HELPER_SIGNATURES));
      for (const a of expr.args) if (a.type !== 'lambda') this.check(a, scope);
      return this.error(expr.pos, `unknown helper '${expr.callee}'${hint ? ` (did you mean ${hint}?)` : ''}`, 'a helper from docs/RULES.md');
    }
    const min = sig.params.length - (sig.optional ?? 0) + (sig.rest ? 1 : 0);
    const max = sig.rest ? Infinity : sig.params.length;
    if (expr.args.length < min || expr.args.length > max) {
      const count = sig.rest ? `at least ${min}` : min === max ? `${min}` : `${min} or ${max}`;
      this.error(expr.pos, `${expr.callee}() takes ${count} argument${min === 1 && max === 1 ? '' : 's'}, not ${expr.args.length}`);
      for (const a of expr.args) if (a.type !== 'lambda') this.check(a, scope);
      return this.resultType(expr.callee);
    }
    let flowsArg: Type | undefined;
    expr.args.forEach((arg, i) => {
      const kind: ParamKind = i < sig.params.length ? sig.params[i] : sig.rest!;
      if (kind === 'lambda') {
        this.checkLambda(arg, scope, expr.callee, flowsArg);
        return;
      }
      const type = this.check(arg, scope);
      if (kind === 'flows') flowsArg = type;
      this.checkArg(expr.callee, i, kind, arg, type);
    });
    if (expr.callee === 'has' || expr.callee === 'hasAny') this.checkListValues(expr.args[0], expr.args[1]);
    if (expr.callee === 'crosses' && expr.args[1]?.type === 'literal') {
      const v = expr.args[1].value;
      if (typeof v === 'string' && !(BOUNDARY_TYPES as readonly string[]).includes(v)) {
        const hint = closest(v, BOUNDARY_TYPES);
        this.error(expr.args[1].pos, `unknown boundary type '${v}'${hint ? ` (did you mean ${hint}?)` : ''}`, BOUNDARY_TYPES.join(', '));
      }
    }
    return this.resultType(expr.callee);
  }

  private resultType(callee: string): Type {
    const sig = HELPER_SIGNATURES[callee];
    switch (sig.returns) {
      case 'bool':
        return BOOL;
      case 'number':
        return { t: 'number' };
      case 'string':
        return { t: 'string', values: sig.values, what: `${callee}()` };
      case 'node':
        return { t: 'node' };
      case 'flows':
        return { t: 'flows' };
    }
  }

  private checkArg(callee: string, index: number, kind: ParamKind, arg: Expr, type: Type): void {
    if (type.t === 'error') return;
    const ok =
      kind === 'value'
        ? type.t === 'bool' || type.t === 'number' || type.t === 'string' || type.t === 'list'
        : kind === 'entity'
          ? type.t === 'node' || type.t === 'flow' || type.t === 'boundary'
          : type.t === kind;
    if (!ok) {
      this.error(arg.pos, `argument ${index + 1} of ${callee}() must be ${describeKind(kind)}, but this is ${describeType(type)}`, describeKind(kind));
      return;
    }
    if (callee === 'is' && index > 0) {
      if (arg.type !== 'literal') this.error(arg.pos, `is() compares against kind or type names written as text, e.g. 'process'`, "'text'");
      else {
        const slip = likelySlip(String(arg.value));
        if (slip) this.error(arg.pos, `unknown kind or type '${arg.value}' (did you mean ${slip}?)`, 'a kind, stencil type or boundary type');
      }
    }
  }

  private checkLambda(arg: Expr, scope: ReadonlyMap<string, Type>, callee: string, list: Type | undefined): void {
    if (arg.type !== 'lambda') {
      this.error(arg.pos, `the second argument of ${callee} must be a lambda such as 'f => on(f.rateLimiting)'`, 'a lambda');
      return;
    }
    this.types.set(arg, { t: 'lambda' });
    if (arg.param === 'self' || arg.param === 'source' || arg.param === 'target' || scope.has(arg.param) || HELPER_SIGNATURES[arg.param]) {
      this.error(arg.pos, `the lambda parameter '${arg.param}' hides another name; choose another, e.g. 'f'`);
    }
    const inner = new Map(scope);
    inner.set(arg.param, list?.t === 'flows' || !list ? { t: 'flow' } : ERROR);
    const body = this.check(arg.body, inner);
    this.expectBool(body, arg.body.pos, `the lambda of ${callee}`);
  }

  private checkListValues(listArg: Expr, valueArg: Expr): void {
    const listType = this.types.get(listArg);
    if (!listType || listType.t !== 'list' || !listType.values) return;
    const items = valueArg.type === 'list' ? valueArg.items : [valueArg];
    for (const item of items) this.checkAllowed(listType, item);
  }

  /** An enum or list-valued property compared against a text literal it does not allow. */
  private checkAllowed(type: Type, literal: Expr): void {
    if (literal.type !== 'literal' || type.t === 'error') return;
    if ((type.t !== 'string' && type.t !== 'list') || !type.values) return;
    const label = type.decl ? `'${type.decl.name}'` : type.what ?? 'this value';
    if (typeof literal.value !== 'string') {
      this.error(literal.pos, `${label} takes ${type.values.join(', ')}; ${JSON.stringify(literal.value)} is not text`);
      return;
    }
    if (!type.values.includes(literal.value)) {
      const hint = closest(literal.value, type.values);
      this.error(
        literal.pos,
        `${label} takes ${type.values.join(', ')}; '${literal.value}' is not one of them${hint ? ` (did you mean ${hint}?)` : ''}`,
        type.values.join(', '),
      );
    }
  }

  private checkCompare(expr: Extract<Expr, { type: 'compare' }>, scope: ReadonlyMap<string, Type>): void {
    const left = this.check(expr.left, scope);
    const right = this.check(expr.right, scope);
    if (left.t === 'error' || right.t === 'error') return;
    if (expr.op !== '==' && expr.op !== '!=') {
      if (left.t !== 'number' || right.t !== 'number') {
        const bad = left.t !== 'number' ? { e: expr.left, t: left, o: right } : { e: expr.right, t: right, o: left };
        this.mismatch(bad.e, bad.t, bad.o, `'${expr.op}' compares numbers`);
      }
      return;
    }
    if (left.t === 'list' || right.t === 'list') {
      this.error(expr.pos, "lists cannot be compared with '=='; use has(), hasAny() or 'in'");
      return;
    }
    if (left.t === 'flows' || right.t === 'flows' || left.t === 'lambda' || right.t === 'lambda') {
      this.error(expr.pos, 'flow lists cannot be compared; use any(), all() or count()');
      return;
    }
    if (left.t !== right.t) {
      if (expr.right.type === 'literal') this.mismatch(expr.right, right, left, `cannot compare ${describeType(left)} with ${describeType(right)}`);
      else this.mismatch(expr.left, left, right, `cannot compare ${describeType(left)} with ${describeType(right)}`);
      return;
    }
    this.checkAllowed(left, expr.right);
    this.checkAllowed(right, expr.left);
  }

  /** A type mismatch; when the other side is a property, say what the property takes. */
  private mismatch(at: Expr, _atType: Type, other: Type, fallback: string): void {
    const decl = 'decl' in other ? other.decl : undefined;
    if (decl && at.type === 'literal') {
      this.error(at.pos, `'${decl.name}' takes ${describeDecl(decl)}; ${JSON.stringify(at.value)} is ${describeType(this.types.get(at) ?? ERROR)}`, describeDecl(decl));
    } else {
      this.error(at.pos, fallback);
    }
  }

  private checkIn(expr: Extract<Expr, { type: 'in' }>, scope: ReadonlyMap<string, Type>): void {
    const left = this.check(expr.left, scope);
    const right = this.check(expr.right, scope);
    if (left.t === 'error' || right.t === 'error') return;
    if (right.t !== 'list') {
      this.error(expr.right.pos, `'in' needs a list on its right, but this is ${describeType(right)}`, "a list such as ['a', 'b']");
      return;
    }
    if (left.t !== 'string' && left.t !== 'number') {
      this.error(expr.left.pos, `'in' tests one text or number value, but this is ${describeType(left)}`);
      return;
    }
    if (expr.right.type === 'list') {
      for (const item of expr.right.items) {
        if (item.type === 'literal' && typeof item.value !== (left.t === 'string' ? 'string' : 'number')) {
          this.mismatch(item, this.types.get(item) ?? ERROR, left, `cannot look for ${describeType(left)} in a list of ${describeType(this.types.get(item) ?? ERROR)}`);
        } else {
          this.checkAllowed(left, item);
        }
      }
    }
  }
}

const KNOWN_NAMES: readonly string[] = [...ELEMENT_KINDS, 'flow', 'boundary', ...BOUNDARY_TYPES, ...STENCILS.map((st) => st.id)];

/**
 * The known kind or type a name is probably a typo of. Names far from every known one are accepted: an
 * imported model keeps stencil types of its own tool, and rules may name them.
 */
export function likelySlip(name: string): string | undefined {
  if (KNOWN_NAMES.includes(name)) return undefined;
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN_NAMES) {
    const d = editDistance(lower, known.toLowerCase(), 2);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}
