/**
 * Fused closures for the shapes that make up most of every rule: a test of one property of a named entity
 * (`on(self.rateLimiting)`, `self.protocol == 'onchain'`, `hasAny(f.data, [...])`, `not (...)` of these), and
 * helpers applied to a name. An analysis of a large model runs such leaves millions of times; one closure per
 * leaf instead of three or four saves most of the calls, with the same values, evidence and reads (the one
 * property read goes through `readPropAt` whenever evidence is recorded or the entity is not the target).
 */
import { flatten, type Expr } from './ast';
import { readPropAt, type EvalContext, type Entity, type Value } from './context';
import { propSlot } from './slots';
import { has, hasAny, none, sensitiveData } from './helpers';

/** `pick` codes for the names that are not lambda parameters (those are their slot, 0 and up). */
export const SELF = -1;
export const SOURCE = -2;
export const TARGET = -3;

const BUILT_INS: ReadonlySet<string> = new Set(['name', 'kind', 'type']);

/** The `pick` code of a name expression, or undefined for any other expression. */
export function nameCode(expr: Expr, scope: ReadonlyMap<string, number>): number | undefined {
  if (expr.type !== 'ident') return undefined;
  const slot = scope.get(expr.name);
  if (slot !== undefined) return slot;
  return expr.name === 'self' ? SELF : expr.name === 'source' ? SOURCE : expr.name === 'target' ? TARGET : undefined;
}

/** The value of a name (see `nameCode`). Small and called with constants, so the optimiser inlines it. */
export function pick(ctx: EvalContext, code: number): Value {
  return code >= 0 ? ctx.locals[code] : code === SELF ? ctx.self : code === SOURCE ? ctx.source : ctx.target;
}

/** A property of a named entity, as the member access `name.property` reads it. */
export function propValue(ctx: EvalContext, code: number, property: string, slot: number): Value {
  if (code === SELF && slot >= 0 && !ctx.recording) {
    // The target is always a dependency (the engine records it): without evidence this is an array load.
    const own = ctx.selfProps;
    return own.entity === ctx.self ? own.values[slot] : ctx.self.props[property];
  }
  const o = pick(ctx, code) as Entity | undefined;
  return o ? readPropAt(ctx, o, property, slot) : undefined;
}

// Test operations (plain numbers rather than an enum: the project compiles file by file).
const ON = 0;
const OFF = 1;
const IS_SET = 2;
const NONE = 3;
const EQ = 4;
const NE = 5;
const LT = 6;
const LE = 7;
const GT = 8;
const GE = 9;
const IN = 10;
const HAS = 11;
const HAS_ANY = 12;
const SENSITIVE = 13;
type Op = number;

const CALL_OPS: Record<string, Op> = { on: ON, off: OFF, isSet: IS_SET, none: NONE, sensitiveData: SENSITIVE };
const COMPARE_OPS: Record<string, Op> = { '==': EQ, '!=': NE, '<': LT, '<=': LE, '>': GT, '>=': GE };

type Literal = string | number | boolean;

/** A literal list's values, as the compiler evaluates a list literal. */
function listValues(expr: Expr): (string | number)[] | undefined {
  if (expr.type !== 'list' || !expr.items.every((i) => i.type === 'literal')) return undefined;
  return expr.items.map((i) => (i as { value: string | number }).value).filter((v) => v !== undefined);
}

/** A test of one property of a named entity, as `fusedTest` recognises it. */
interface TestShape {
  negate: boolean;
  op: Op;
  /** The entity's `pick` code (see `nameCode`) and the property. */
  code: number;
  property: string;
  lit: Literal | undefined;
  set: ReadonlySet<unknown> | undefined;
  list: readonly (string | number)[] | undefined;
}

/** The shape of `expr` when it is a test of one property of a named entity (or `not` of one). */
function testShape(expr: Expr, scope: ReadonlyMap<string, number>): TestShape | 'false' | undefined {
  let negate = false;
  let e = expr;
  if (e.type === 'not') {
    negate = true;
    e = e.operand;
  }
  let member: Expr | undefined;
  let op: Op | undefined;
  let lit: Literal | undefined;
  let set: ReadonlySet<unknown> | undefined;
  let list: readonly (string | number)[] | undefined;
  if (e.type === 'call' && e.args.length === 1 && CALL_OPS[e.callee] !== undefined) {
    member = e.args[0];
    op = CALL_OPS[e.callee];
  } else if (e.type === 'call' && e.args.length === 2 && e.callee === 'has' && e.args[1].type === 'literal') {
    member = e.args[0];
    op = HAS;
    lit = e.args[1].value;
  } else if (e.type === 'call' && e.args.length === 2 && e.callee === 'hasAny' && listValues(e.args[1])) {
    member = e.args[0];
    op = HAS_ANY;
    list = Object.freeze(listValues(e.args[1])!);
  } else if (e.type === 'compare' && e.right.type === 'literal') {
    member = e.left;
    op = COMPARE_OPS[e.op];
    lit = e.right.value;
    // An ordering against a non-number is false without reading anything (as compareLiteral has it).
    if (op >= LT && op <= GE && typeof lit !== 'number') return negate ? undefined : 'false';
  } else if (e.type === 'in' && listValues(e.right)) {
    member = e.left;
    op = IN;
    set = new Set(listValues(e.right));
  }
  if (op === undefined || member?.type !== 'member' || BUILT_INS.has(member.property)) return undefined;
  const code = nameCode(member.object, scope);
  if (code === undefined) return undefined;
  return { negate, op, code, property: member.property, lit, set, list };
}

/** The tests that are false whenever their property is unset (as opposed to `off`, `none`, `not ...`). */
const NEEDS_VALUE: ReadonlySet<Op> = new Set([ON, IS_SET, EQ, NE, LT, LE, GT, GE, IN, HAS, HAS_ANY, SENSITIVE]);

/**
 * The properties of `self` that a rule's expression needs set to be true: groups of slots, one of each group
 * set, read off the top-level `and` (a conjunct `on(self.x)`, `self.y == 'z'`, `hasAny(self.data, [...])`, or
 * an `or` of such). A target without them cannot make the rule fire, so the engine skips its evaluation; this
 * depends only on the target, which the incremental analyzer always counts as a dependency.
 */
export function requiredSelfProps(expr: Expr): number[][] {
  const groups: number[][] = [];
  for (const c of flatten(expr, 'and')) {
    const group = needs(c);
    if (group) groups.push(group);
  }
  return groups;
}

/** The slots one of which must be set on `self` for `e` to be true, if `e` tells. */
function needs(e: Expr): number[] | undefined {
  if (e.type === 'logical' && e.op === 'or') {
    const a = needs(e.left);
    const b = a && needs(e.right);
    return a && b ? [...new Set([...a, ...b])] : undefined;
  }
  const shape = testShape(e, new Map());
  if (typeof shape !== 'object' || shape.negate || shape.code !== SELF || !NEEDS_VALUE.has(shape.op)) return undefined;
  const slot = propSlot(shape.property);
  return slot >= 0 ? [slot] : undefined;
}

/**
 * A fused closure for a test of one property of a named entity, or `not` of one; undefined when `expr` has
 * another shape (the compiler then builds it from parts).
 */
export function fusedTest(expr: Expr, scope: ReadonlyMap<string, number>): ((ctx: EvalContext) => Value) | undefined {
  const shape = testShape(expr, scope);
  if (shape === 'false') return () => false;
  if (!shape) {
    // `not` of an ordering against a non-number: true without reading anything.
    if (expr.type === 'not' && testShape(expr.operand, scope) === 'false') return () => true;
    return undefined;
  }
  const { negate, code, property } = shape;
  const slot = propSlot(property);
  const o = shape.op;
  const l = shape.lit;
  const s = shape.set;
  const xs = shape.list;
  return (ctx) => {
    const v = propValue(ctx, code, property, slot);
    let r: boolean;
    switch (o) {
      case ON:
        r = v === true;
        break;
      case OFF:
        r = v !== true;
        break;
      case IS_SET:
        r = v !== undefined;
        break;
      case NONE:
        r = none(v);
        break;
      case EQ:
        r = v === l;
        break;
      case NE:
        r = v !== undefined && v !== l;
        break;
      case LT:
        r = typeof v === 'number' && v < (l as number);
        break;
      case LE:
        r = typeof v === 'number' && v <= (l as number);
        break;
      case GT:
        r = typeof v === 'number' && v > (l as number);
        break;
      case GE:
        r = typeof v === 'number' && v >= (l as number);
        break;
      case IN:
        r = v !== undefined && s!.has(v);
        break;
      case HAS:
        r = has(v, l);
        break;
      case HAS_ANY:
        r = hasAny(v, xs);
        break;
      default:
        r = sensitiveData(v);
    }
    return r !== negate;
  };
}
