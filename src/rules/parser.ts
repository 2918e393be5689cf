/**
 * Recursive-descent parser of `when` expressions. Precedence, loosest first: `or`, `and`, `not`, then one
 * comparison or `in` (comparisons do not chain), then member access `.prop`. An arrow lambda `f => expr` is
 * only allowed as the second argument of `any`, `all` and `count`.
 */
import type { CompareOp, Expr, LanguageError } from './ast';
import { LexError, tokenize, type Token } from './lexer';

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: LanguageError };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false']);
const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
export const QUANTIFIERS = new Set(['any', 'all', 'count']);
/** Guards against stack exhaustion on hostile input such as ten thousand opening brackets. */
const MAX_DEPTH = 200;

class ParseFailure extends Error {
  constructor(readonly error: LanguageError) {
    super(error.reason);
  }
}

/** Parses an expression. Never throws. */
export function parseExpression(text: string): ParseResult {
  if (typeof text !== 'string') {
    return { ok: false, error: { reason: 'the expression must be text', position: 0, expected: 'an expression' } };
  }
  try {
    const parser = new Parser(tokenize(text));
    const expr = parser.parseRoot();
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof ParseFailure || e instanceof LexError) return { ok: false, error: e.error };
    throw e;
  }
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseRoot(): Expr {
    if (this.peek().type === 'eof') this.fail('empty expression', 'an expression');
    const expr = this.parseOr();
    const t = this.peek();
    if (t.type !== 'eof') this.fail(`unexpected ${describe(t)}`, "'and', 'or' or the end of the expression");
    return expr;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  private isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'ident' && t.text === word;
  }

  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.text === p;
  }

  private expectPunct(p: string, what: string): Token {
    if (!this.isPunct(p)) this.fail(`expected '${p}' ${what}, found ${describe(this.peek())}`, `'${p}'`);
    return this.next();
  }

  private fail(reason: string, expected?: string, position = this.peek().pos): never {
    throw new ParseFailure({ reason, position, expected });
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('expression nested too deeply');
  }

  private parseOr(): Expr {
    this.enter();
    let left = this.parseAnd();
    while (this.isWord('or')) {
      const op = this.next();
      left = { type: 'logical', op: 'or', left, right: this.parseAnd(), pos: op.pos };
    }
    this.depth--;
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isWord('and')) {
      const op = this.next();
      left = { type: 'logical', op: 'and', left, right: this.parseNot(), pos: op.pos };
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isWord('not')) {
      const op = this.next();
      this.enter();
      const operand = this.parseNot();
      this.depth--;
      return { type: 'not', operand, pos: op.pos };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const left = this.parsePostfix();
    const t = this.peek();
    let result: Expr = left;
    if (t.type === 'op' && COMPARE_OPS.has(t.text)) {
      this.next();
      result = { type: 'compare', op: t.text as CompareOp, left, right: this.parsePostfix(), pos: t.pos };
    } else if (this.isWord('in')) {
      this.next();
      result = { type: 'in', left, right: this.parsePostfix(), pos: t.pos };
    } else if (this.isWord('not') && this.isWord('in', 1)) {
      this.next();
      this.next();
      result = { type: 'not', operand: { type: 'in', left, right: this.parsePostfix(), pos: t.pos }, pos: t.pos };
    } else if (t.type === 'op' && t.text === '=>') {
      this.fail("a lambda 'f => ...' is only allowed as the second argument of any, all or count");
    }
    const after = this.peek();
    if (result !== left && ((after.type === 'op' && COMPARE_OPS.has(after.text)) || this.isWord('in'))) {
      this.fail('comparisons do not chain: combine them with and/or', "'and', 'or' or ')'");
    }
    return result;
  }

  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    while (this.isPunct('.')) {
      this.next();
      const name = this.peek();
      if (name.type !== 'ident') this.fail(`expected a property name after '.', found ${describe(name)}`, 'a property name');
      this.next();
      expr = { type: 'member', object: expr, property: name.text, pos: name.pos };
    }
    return expr;
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case 'number':
        this.next();
        return { type: 'literal', value: t.value!, pos: t.pos };
      case 'string':
        this.next();
        return { type: 'literal', value: t.text, pos: t.pos };
      case 'punct':
        if (t.text === '(') {
          this.next();
          this.enter();
          const inner = this.parseOr();
          this.depth--;
          this.expectPunct(')', 'to close the bracket');
          return inner;
        }
        if (t.text === '[') return this.parseList();
        if (t.text === '-' && this.peek(1).type === 'number') {
          this.next();
          const n = this.next();
          return { type: 'literal', value: -n.value!, pos: t.pos };
        }
        break;
      case 'ident':
        if (t.text === 'true' || t.text === 'false') {
          this.next();
          return { type: 'literal', value: t.text === 'true', pos: t.pos };
        }
        if (KEYWORDS.has(t.text)) break;
        this.next();
        if (this.isPunct('(')) return this.parseCall(t);
        return { type: 'ident', name: t.text, pos: t.pos };
      default:
        break;
    }
    return this.fail(`expected a value, found ${describe(t)}`, 'a value, a property or a helper call');
  }

  private parseList(): Expr {
    const open = this.next();
    const items: Expr[] = [];
    this.enter();
    if (!this.isPunct(']')) {
      for (;;) {
        items.push(this.parsePrimary());
        if (this.isPunct(',')) {
          this.next();
          continue;
        }
        break;
      }
    }
    this.depth--;
    this.expectPunct(']', 'to close the list');
    return { type: 'list', items, pos: open.pos };
  }

  private parseCall(name: Token): Expr {
    this.next(); // (
    const args: Expr[] = [];
    this.enter();
    if (!this.isPunct(')')) {
      for (;;) {
        const lambdaSlot = QUANTIFIERS.has(name.text) && args.length === 1;
        args.push(lambdaSlot ? this.parseLambda(name.text) : this.parseOr());
        if (this.isPunct(',')) {
          this.next();
          continue;
        }
        break;
      }
    }
    this.depth--;
    this.expectPunct(')', `to close ${name.text}(`);
    return { type: 'call', callee: name.text, args, pos: name.pos };
  }

  private parseLambda(callee: string): Expr {
    const start = this.peek();
    let param: Token | undefined;
    if (start.type === 'ident' && this.peek(1).type === 'op' && this.peek(1).text === '=>') {
      param = this.next();
    } else if (this.isPunct('(') && this.peek(1).type === 'ident' && this.peek(2).type === 'punct' && this.peek(2).text === ')') {
      this.next();
      param = this.next();
      this.next();
    }
    if (!param || KEYWORDS.has(param.text) || !(this.peek().type === 'op' && this.peek().text === '=>')) {
      this.fail(`the second argument of ${callee} must be a lambda such as 'f => on(f.rateLimiting)'`, 'a lambda f => ...', start.pos);
    }
    this.next(); // =>
    return { type: 'lambda', param: param.text, body: this.parseOr(), pos: param.pos };
  }
}

function describe(t: Token): string {
  switch (t.type) {
    case 'eof':
      return 'the end of the expression';
    case 'string':
      return `'${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}
