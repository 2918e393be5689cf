/**
 * Tokens of the rule language. JavaScript spellings that people type out of habit (`&&`, `||`, `!`, `===`)
 * are refused with a message that names the language's own spelling.
 */
import type { LanguageError } from './ast';

export type TokenType = 'ident' | 'string' | 'number' | 'op' | 'punct' | 'eof';

export interface Token {
  type: TokenType;
  /** Identifier name, string contents, operator or punctuation text. */
  text: string;
  /** Numeric value for number tokens. */
  value?: number;
  pos: number;
}

export class LexError extends Error {
  constructor(readonly error: LanguageError) {
    super(error.reason);
  }
}

const HABITS: Record<string, string> = {
  '&&': "use 'and' instead of '&&'",
  '||': "use 'or' instead of '||'",
  '===': "use '==' instead of '==='",
  '!==': "use '!=' instead of '!=='",
};

/** Splits an expression into tokens, ending with an `eof` token. Throws `LexError`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isIdentStart(c)) {
      while (i < text.length && isIdentPart(text[i])) i++;
      tokens.push({ type: 'ident', text: text.slice(start, i), pos: start });
      continue;
    }
    if (isDigit(c)) {
      while (i < text.length && isDigit(text[i])) i++;
      if (text[i] === '.' && isDigit(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && isDigit(text[i])) i++;
      }
      if (i < text.length && isIdentStart(text[i])) {
        throw new LexError({ reason: `unexpected '${text[i]}' after a number`, position: i });
      }
      const raw = text.slice(start, i);
      tokens.push({ type: 'number', text: raw, value: Number(raw), pos: start });
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      let out = '';
      for (;;) {
        if (i >= text.length) {
          throw new LexError({ reason: 'unterminated string', position: start, expected: `closing ${c}` });
        }
        const d = text[i];
        if (d === c) break;
        if (d === '\\' && i + 1 < text.length) {
          out += text[i + 1];
          i += 2;
          continue;
        }
        out += d;
        i++;
      }
      i++;
      tokens.push({ type: 'string', text: out, pos: start });
      continue;
    }
    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    if (HABITS[three]) throw new LexError({ reason: HABITS[three], position: i });
    if (HABITS[two]) throw new LexError({ reason: HABITS[two], position: i });
    if (two === '==' || two === '!=' || two === '<=' || two === '>=' || two === '=>') {
      tokens.push({ type: 'op', text: two, pos: i });
      i += 2;
      continue;
    }
    if (c === '<' || c === '>') {
      tokens.push({ type: 'op', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',' || c === '.' || c === '-') {
      tokens.push({ type: 'punct', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '!') throw new LexError({ reason: "use 'not' instead of '!'", position: i });
    if (c === '=') throw new LexError({ reason: "use '==' to compare", position: i, expected: '==' });
    throw new LexError({ reason: `unexpected character '${c}'`, position: i });
  }
  tokens.push({ type: 'eof', text: '', pos: text.length });
  return tokens;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}
