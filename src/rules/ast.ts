/**
 * The syntax tree of a `when` expression. Every node carries `pos`, the 0-based offset in the source text of
 * the token that best names it (the property name of a member access, the operator of a comparison), so
 * checker errors can point at it.
 */

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { type: 'literal'; value: string | number | boolean; pos: number }
  | { type: 'list'; items: Expr[]; pos: number }
  | { type: 'ident'; name: string; pos: number }
  | { type: 'member'; object: Expr; property: string; pos: number }
  | { type: 'call'; callee: string; args: Expr[]; pos: number }
  | { type: 'lambda'; param: string; body: Expr; pos: number }
  | { type: 'not'; operand: Expr; pos: number }
  | { type: 'logical'; op: 'and' | 'or'; left: Expr; right: Expr; pos: number }
  | { type: 'compare'; op: CompareOp; left: Expr; right: Expr; pos: number }
  | { type: 'in'; left: Expr; right: Expr; pos: number };

/** A parse, check or compile error at a position of the expression. */
export interface LanguageError {
  /** What went wrong, without rule id or position (see `formatError`). */
  reason: string;
  /** 0-based character offset in the expression. */
  position: number;
  /** What the parser expected there, when it knows. */
  expected?: string;
}

/** "AUTH-02: at 5: unknown property ..." */
export function formatError(ruleId: string, error: LanguageError): string {
  return `${ruleId}: at ${error.position}: ${error.reason}`;
}

/** The operands of a chain of one logical operator, left to right (`a and b and c` → a, b, c). */
export function flatten(expr: Expr, op: 'and' | 'or'): Expr[] {
  return expr.type === 'logical' && expr.op === op ? [...flatten(expr.left, op), ...flatten(expr.right, op)] : [expr];
}
