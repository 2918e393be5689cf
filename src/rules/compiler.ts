/**
 * Compiles a checked expression to closures. No code is generated from text: every construct maps to a
 * pre-written function that closes over its compiled operands.
 *
 * Semantics (docs/RULES.md): `undefined` is *unknown*; comparisons and `in` with an unknown operand are false;
 * `and`, `or`, `not` treat anything but `true` as false. Evidence is trimmed to the reads that decided the
 * verdict: a true `or` keeps only its true operand's reads, a false `and` only its false operand's, a true
 * `any` only the witness's, a false `all` only the counterexample's.
 */
import type { ModelElement } from '../model/types';
import { flatten, type Expr } from './ast';
import type { Type } from './checker';
import { dropEvidence, propSlot, readPropAt, touchEntity, type EvalContext, type Entity, type Value } from './context';
import { fusedTest, nameCode, pick, propValue } from './fused';
import { HELPER_IMPLS } from './helpers';

export type Compiled = (ctx: EvalContext) => Value;

const BUILT_INS: ReadonlySet<string> = new Set(['name', 'kind', 'type']);

/**
 * Compiles an expression that `checkExpression` accepted. The checker's types are not needed at run time:
 * the closures are total over any value, so a model holding a mistyped property cannot break them.
 */
export function compileExpression(expr: Expr, _types?: ReadonlyMap<Expr, Type>): Compiled {
  return new ExprCompiler(true).compile(expr, new Map());
}

/**
 * Compiles an expression for its verdict alone: the same values and the same `ctx.reads` as
 * `compileExpression`, but no evidence bookkeeping (run it with `ctx.recording` off). Most rules do not fire
 * on most targets, so the engine decides verdicts with this and re-runs only the firing rules for evidence.
 */
export function compileVerdict(expr: Expr): Compiled {
  return new ExprCompiler(false).compile(expr, new Map());
}

class ExprCompiler {
  constructor(private readonly evidence: boolean) {}

  compile(expr: Expr, scope: ReadonlyMap<string, number>): Compiled {
    if (expr.type === 'call' || expr.type === 'compare' || expr.type === 'in' || expr.type === 'not') {
      const fused = fusedTest(expr, scope);
      if (fused) return fused;
    }
    switch (expr.type) {
      case 'literal': {
        const v = expr.value;
        return () => v;
      }
      case 'list': {
        const items = expr.items.map((i) => (i.type === 'literal' ? i.value : undefined)).filter((v) => v !== undefined) as (string | number)[];
        Object.freeze(items);
        return () => items;
      }
      case 'ident':
        return this.ident(expr.name, scope);
      case 'member': {
        const property = expr.property;
        if (BUILT_INS.has(property)) return this.builtIn(this.compile(expr.object, scope), property);
        const slot = propSlot(property);
        const code = nameCode(expr.object, scope);
        if (code !== undefined) return (ctx) => propValue(ctx, code, property, slot);
        const object = this.compile(expr.object, scope);
        return (ctx) => {
          const o = object(ctx) as Entity | undefined;
          return o ? readPropAt(ctx, o, property, slot) : undefined;
        };
      }
      case 'call':
        return this.call(expr, scope);
      case 'lambda':
        throw new Error('a lambda outside any/all/count reached the compiler');
      case 'not': {
        const operand = this.compile(expr.operand, scope);
        return (ctx) => operand(ctx) !== true;
      }
      case 'logical': {
        // `a and b and c` is one n-ary closure rather than a chain of binary ones (same verdict, same evidence).
        const parts = flatten(expr, expr.op).map((e) => this.compile(e, scope));
        if (!this.evidence) return expr.op === 'and' ? plainAnd(parts) : plainOr(parts);
        return expr.op === 'and' ? and(parts) : or(parts);
      }
      case 'compare': {
        const left = this.compile(expr.left, scope);
        if (expr.right.type === 'literal') return compareLiteral(expr.op, left, expr.right.value);
        return compare(expr.op, left, this.compile(expr.right, scope));
      }
      case 'in':
        return inList(this.compile(expr.left, scope), this.compile(expr.right, scope), expr.right.type === 'list');
    }
  }

  private ident(name: string, scope: ReadonlyMap<string, number>): Compiled {
    const slot = scope.get(name);
    if (slot !== undefined) return (ctx) => ctx.locals[slot];
    if (name === 'self') return (ctx) => ctx.self;
    if (name === 'source') return (ctx) => ctx.source;
    if (name === 'target') return (ctx) => ctx.target;
    throw new Error(`unresolved name '${name}' reached the compiler`);
  }

  /** `x.name`, `x.kind`, `x.type`: fields of the entity, which are not evidence. */
  private builtIn(object: Compiled, property: string): Compiled {
    return (ctx) => {
      const o = object(ctx) as Entity | undefined;
      if (!o) return undefined;
      touchEntity(ctx, o);
      return (o as unknown as Record<string, Value>)[property];
    };
  }

  private call(expr: Extract<Expr, { type: 'call' }>, scope: ReadonlyMap<string, number>): Compiled {
    const { callee } = expr;
    if (callee === 'any' || callee === 'all' || callee === 'count') {
      const list = this.compile(expr.args[0], scope);
      const lambda = expr.args[1] as Extract<Expr, { type: 'lambda' }>;
      const slot = scope.size;
      const inner = new Map(scope);
      inner.set(lambda.param, slot);
      return (this.evidence ? quantifier : plainQuantifier)(callee, list, this.compile(lambda.body, inner), slot);
    }
    if (callee === 'is') {
      const names = new Set(expr.args.slice(1).map((a) => (a.type === 'literal' ? String(a.value) : '')));
      const code = nameCode(expr.args[0], scope);
      if (code !== undefined) return (ctx) => isA(ctx, pick(ctx, code) as Entity | undefined, names);
      const x = this.compile(expr.args[0], scope);
      return (ctx) => isA(ctx, x(ctx) as Entity | undefined, names);
    }
    const impl = HELPER_IMPLS[callee];
    if (!impl) throw new Error(`helper '${callee}' has no implementation`);
    const a = expr.args[0] ? this.compile(expr.args[0], scope) : undefined;
    // The common shapes get a closure of their own: fewer calls per evaluation, same results.
    if (a && expr.args.length === 1) {
      switch (callee) {
        case 'on':
          return (ctx) => a(ctx) === true;
        case 'off':
          return (ctx) => a(ctx) !== true;
        case 'isSet':
          return (ctx) => a(ctx) !== undefined;
      }
      const code = nameCode(expr.args[0], scope);
      if (code !== undefined) return (ctx) => impl(ctx, pick(ctx, code), undefined);
      return (ctx) => impl(ctx, a(ctx), undefined);
    }
    const second = expr.args[1];
    const code = expr.args[0] ? nameCode(expr.args[0], scope) : undefined;
    if (a && second?.type === 'literal') {
      const constant = second.value;
      if (code !== undefined) return (ctx) => impl(ctx, pick(ctx, code), constant);
      return (ctx) => impl(ctx, a(ctx), constant);
    }
    if (a && second?.type === 'list' && second.items.every((i) => i.type === 'literal')) {
      const constant = Object.freeze(second.items.map((i) => (i as { value: string | number }).value));
      return (ctx) => impl(ctx, a(ctx), constant);
    }
    const b = second ? this.compile(second, scope) : undefined;
    if (!a) return (ctx) => impl(ctx, undefined, undefined);
    if (!b) return (ctx) => impl(ctx, a(ctx), undefined);
    return (ctx) => impl(ctx, a(ctx), b(ctx));
  }
}

/** Kind or stencil type for elements; 'flow' for flows; 'boundary' or the boundary type for boundaries. */
function isA(ctx: EvalContext, x: Entity | undefined, names: ReadonlySet<string>): boolean {
  if (!x) return false;
  touchEntity(ctx, x);
  if ('kind' in x) return names.has(x.kind) || names.has(x.type);
  if ('source' in x) return names.has('flow');
  return names.has('boundary') || names.has(x.type);
}

/** False at the first operand that is not true, keeping only that operand's evidence. */
function and(parts: readonly Compiled[]): Compiled {
  return (ctx) => {
    const start = ctx.evLen;
    for (let i = 0; i < parts.length; i++) {
      const before = ctx.evLen;
      if (parts[i](ctx) !== true) {
        dropEvidence(ctx, start, before);
        return false;
      }
    }
    return true;
  };
}

/** True at the first true operand, keeping only that operand's evidence. */
function or(parts: readonly Compiled[]): Compiled {
  return (ctx) => {
    const start = ctx.evLen;
    for (let i = 0; i < parts.length; i++) {
      const before = ctx.evLen;
      if (parts[i](ctx) === true) {
        dropEvidence(ctx, start, before);
        return true;
      }
    }
    return false;
  };
}

/** `and` for verdicts only: no evidence to trim. */
function plainAnd(parts: readonly Compiled[]): Compiled {
  if (parts.length === 2) {
    const [a, b] = parts;
    return (ctx) => a(ctx) === true && b(ctx) === true;
  }
  if (parts.length === 3) {
    const [a, b, c] = parts;
    return (ctx) => a(ctx) === true && b(ctx) === true && c(ctx) === true;
  }
  return (ctx) => {
    for (let i = 0; i < parts.length; i++) if (parts[i](ctx) !== true) return false;
    return true;
  };
}

/** `or` for verdicts only. */
function plainOr(parts: readonly Compiled[]): Compiled {
  if (parts.length === 2) {
    const [a, b] = parts;
    return (ctx) => a(ctx) === true || b(ctx) === true;
  }
  return (ctx) => {
    for (let i = 0; i < parts.length; i++) if (parts[i](ctx) === true) return true;
    return false;
  };
}

/** A comparison with a literal on the right (the usual shape: `self.x == 'y'`). */
function compareLiteral(op: string, left: Compiled, lit: string | number | boolean): Compiled {
  switch (op) {
    case '==':
      return (ctx) => left(ctx) === lit;
    case '!=':
      return (ctx) => {
        const a = left(ctx);
        return a !== undefined && a !== lit;
      };
  }
  if (typeof lit !== 'number') return () => false;
  switch (op) {
    case '<':
      return (ctx) => {
        const a = left(ctx);
        return typeof a === 'number' && a < lit;
      };
    case '<=':
      return (ctx) => {
        const a = left(ctx);
        return typeof a === 'number' && a <= lit;
      };
    case '>':
      return (ctx) => {
        const a = left(ctx);
        return typeof a === 'number' && a > lit;
      };
    default:
      return (ctx) => {
        const a = left(ctx);
        return typeof a === 'number' && a >= lit;
      };
  }
}

function compare(op: string, left: Compiled, right: Compiled): Compiled {
  switch (op) {
    case '==':
      return (ctx) => {
        const a = left(ctx);
        const b = right(ctx);
        return a !== undefined && b !== undefined && same(a, b);
      };
    case '!=':
      return (ctx) => {
        const a = left(ctx);
        const b = right(ctx);
        return a !== undefined && b !== undefined && !same(a, b);
      };
    case '<':
      return numeric(left, right, (a, b) => a < b);
    case '<=':
      return numeric(left, right, (a, b) => a <= b);
    case '>':
      return numeric(left, right, (a, b) => a > b);
    default:
      return numeric(left, right, (a, b) => a >= b);
  }
}

/** Equality by value; elements, flows and boundaries compare by id. */
function same(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && 'id' in a && 'id' in b) {
    return (a as ModelElement).id === (b as ModelElement).id;
  }
  return false;
}

function numeric(left: Compiled, right: Compiled, test: (a: number, b: number) => boolean): Compiled {
  return (ctx) => {
    const a = left(ctx);
    const b = right(ctx);
    return typeof a === 'number' && typeof b === 'number' && test(a, b);
  };
}

function inList(left: Compiled, right: Compiled, literal: boolean): Compiled {
  if (literal) {
    const set = new Set(right({} as EvalContext) as readonly unknown[]);
    return (ctx) => {
      const v = left(ctx);
      return v !== undefined && set.has(v);
    };
  }
  return (ctx) => {
    const v = left(ctx);
    const list = right(ctx);
    return v !== undefined && Array.isArray(list) && (list as readonly unknown[]).includes(v);
  };
}

function quantifier(kind: 'any' | 'all' | 'count', list: Compiled, body: Compiled, slot: number): Compiled {
  return (ctx) => {
    const flows = list(ctx);
    const items = Array.isArray(flows) ? (flows as readonly Entity[]) : [];
    const saved = ctx.locals[slot];
    const start = ctx.evLen;
    let n = 0;
    try {
      for (let i = 0; i < items.length; i++) {
        ctx.locals[slot] = items[i] as never;
        const before = ctx.evLen;
        const hit = body(ctx) === true;
        if (kind === 'any' && hit) {
          dropEvidence(ctx, start, before);
          return true;
        }
        if (kind === 'all' && !hit) {
          dropEvidence(ctx, start, before);
          return false;
        }
        if (hit) n++;
      }
    } finally {
      ctx.locals[slot] = saved;
    }
    return kind === 'any' ? false : kind === 'all' ? true : n;
  };
}

/** `any`/`all`/`count` for verdicts only. */
function plainQuantifier(kind: 'any' | 'all' | 'count', list: Compiled, body: Compiled, slot: number): Compiled {
  return (ctx) => {
    const flows = list(ctx);
    if (!Array.isArray(flows)) return kind === 'any' ? false : kind === 'all' ? true : 0;
    const items = flows as readonly Entity[];
    const saved = ctx.locals[slot];
    let n = 0;
    try {
      for (let i = 0; i < items.length; i++) {
        ctx.locals[slot] = items[i] as never;
        const hit = body(ctx) === true;
        if (kind === 'any' && hit) return true;
        if (kind === 'all' && !hit) return false;
        if (hit) n++;
      }
    } finally {
      ctx.locals[slot] = saved;
    }
    return kind === 'any' ? false : kind === 'all' ? true : n;
  };
}
