import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../src/rules/ast';
import { parseExpression } from '../../../src/rules/parser';

/** A compact rendering of the tree, to test structure and precedence. */
function show(e: Expr): string {
  switch (e.type) {
    case 'literal':
      return JSON.stringify(e.value);
    case 'list':
      return `[${e.items.map(show).join(',')}]`;
    case 'ident':
      return e.name;
    case 'member':
      return `${show(e.object)}.${e.property}`;
    case 'call':
      return `${e.callee}(${e.args.map(show).join(',')})`;
    case 'lambda':
      return `${e.param}=>${show(e.body)}`;
    case 'not':
      return `(not ${show(e.operand)})`;
    case 'logical':
    case 'compare':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'in':
      return `(${show(e.left)} in ${show(e.right)})`;
  }
}

function parse(text: string): string {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${r.error.position}: ${r.error.reason}`);
  return show(r.expr);
}

function error(text: string) {
  const r = parseExpression(text);
  if (r.ok) throw new Error(`expected a parse error for ${text}`);
  return r.error;
}

describe('parser', () => {
  it('binds or looser than and, and looser than not', () => {
    expect(parse('on(a) or on(b) and on(c)')).toBe('(on(a) or (on(b) and on(c)))');
    expect(parse('not on(a) and on(b)')).toBe('((not on(a)) and on(b))');
    expect(parse('not not on(a)')).toBe('(not (not on(a)))');
    expect(parse('(on(a) or on(b)) and on(c)')).toBe('((on(a) or on(b)) and on(c))');
  });

  it('binds comparisons and in tighter than not', () => {
    expect(parse('not self.x == 5')).toBe('(not (self.x == 5))');
    expect(parse("self.p in ['a', 'b'] or self.t >= 5000")).toBe('((self.p in ["a","b"]) or (self.t >= 5000))');
    expect(parse("self.p not in ['a']")).toBe('(not (self.p in ["a"]))');
  });

  it('parses literals: strings in both quotes with escapes, decimals, negatives, booleans', () => {
    expect(parse(`self.a == "it's" and self.b == 'say \\'hi\\''`)).toBe(`((self.a == "it's") and (self.b == "say 'hi'"))`);
    expect(parse('self.x > 1.5 and self.y < -3')).toBe('((self.x > 1.5) and (self.y < -3))');
    expect(parse('self.x == true')).toBe('(self.x == true)');
    expect(parse('[]')).toBe('[]');
  });

  it('parses member access on calls and lambda quantifiers', () => {
    expect(parse('source(f).logging')).toBe('source(f).logging');
    expect(parse('any(inbound(self), f => crosses(f) and on(f.x))')).toBe('any(inbound(self),f=>(crosses(f) and on(f.x)))');
    expect(parse('count(outbound(self), (g) => on(g.x)) == 1')).toBe('(count(outbound(self),g=>on(g.x)) == 1)');
    expect(parse('all(inbound(self), f => any(outbound(source(f)), g => on(g.x)))')).toBe(
      'all(inbound(self),f=>any(outbound(source(f)),g=>on(g.x)))',
    );
  });

  it('records positions of properties and operators', () => {
    const r = parseExpression('self.timestampToleranceMs > 5000');
    expect(r.ok).toBe(true);
    if (!r.ok || r.expr.type !== 'compare') throw new Error('shape');
    expect(r.expr.pos).toBe(26);
    expect(r.expr.left.pos).toBe(5);
    expect(r.expr.right.pos).toBe(28);
  });

  it('reports errors with positions and what was expected', () => {
    expect(error('on(self.x')).toMatchObject({ position: 9, expected: "')'" });
    expect(error('on(self.x) and')).toMatchObject({ position: 14 });
    expect(error('self.x == 1 == 2').reason).toMatch(/do not chain/);
    expect(error('').reason).toMatch(/empty/);
    expect(error("self.x == 'open").reason).toMatch(/unterminated string/);
    expect(error('self.')).toMatchObject({ position: 5, expected: 'a property name' });
    expect(error('on(self.x) on(self.y)')).toMatchObject({ position: 11 });
    expect(error('self.x # 2')).toMatchObject({ position: 7 });
    expect(error('12abc')).toMatchObject({ position: 2 });
  });

  it('refuses JavaScript spellings with a hint', () => {
    expect(error('on(a) && on(b)')).toMatchObject({ position: 6, reason: "use 'and' instead of '&&'" });
    expect(error('on(a) || on(b)').reason).toMatch(/'or'/);
    expect(error('!on(a)').reason).toMatch(/'not'/);
    expect(error("self.x === 'a'").reason).toMatch(/'=='/);
    expect(error("self.x !== 'a'").reason).toMatch(/'!='/);
    expect(error("self.x = 'a'").reason).toMatch(/'=='/);
  });

  it('allows lambdas only as the second argument of any, all and count', () => {
    expect(error('on(f => f)').reason).toMatch(/only allowed/);
    expect(error('any(inbound(self), crosses(self))').reason).toMatch(/must be a lambda/);
    expect(error('any(f => on(f.x), inbound(self))').reason).toMatch(/only allowed/);
    expect(error('any(inbound(self), not => on(x))').reason).toMatch(/must be a lambda/);
  });

  it('does not use keywords as names', () => {
    expect(error('and').position).toBe(0);
    expect(error('on(in)').position).toBe(3);
  });

  it('survives hostile nesting without exhausting the stack', () => {
    expect(error('('.repeat(5000) + 'x' + ')'.repeat(5000)).reason).toMatch(/nested too deeply/);
    expect(error('not '.repeat(5000) + 'on(x)').reason).toMatch(/nested too deeply/);
    expect(error('['.repeat(5000)).reason).toMatch(/nested too deeply/);
  });
});
