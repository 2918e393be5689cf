/**
 * A single-pass JSON checker that reports *where* a text stops being JSON (line and column) and refuses nesting
 * deeper than a limit, without recursion. `JSON.parse` in current engines says neither: its messages carry no
 * position, and deep nesting can exhaust the stack of whatever walks the result afterwards.
 */

export interface JsonScanError {
  message: string;
  /** Offset into the text, in UTF-16 code units. */
  offset: number;
  line: number;
  column: number;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'end of input';
  return `'${ch}'`;
}

/** Line and column (both 1-based) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Checks that `text` is exactly one JSON value with at most `maxDepth` nested arrays/objects.
 * Returns null when it is, or the first problem with its position.
 */
export function scanJson(text: string, maxDepth: number): JsonScanError | null {
  let i = 0;
  const n = text.length;
  // Container stack: '{' or '['. `expect` says what may come next.
  const stack: string[] = [];
  type Expect = 'value' | 'afterValue' | 'key' | 'keyOrEnd' | 'valueOrEnd' | 'colon';
  let expect: Expect = 'value';

  const fail = (message: string, at: number): JsonScanError => ({ message, offset: at, ...lineColumn(text, at) });
  const skipWs = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const scanString = (): JsonScanError | null => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('invalid \\u escape in string', i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return fail(`invalid escape ${describe(e === undefined ? undefined : `\\${e}`)} in string`, i);
        }
        continue;
      }
      if (c < 0x20) return fail('control character in string (escape it)', i);
      i++;
    }
    return fail('unterminated string', start);
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const scanScalar = (): JsonScanError | null => {
    const ch = text[i];
    if (ch === '"') return scanString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || m[0] === '-') return fail('invalid number', i);
      i += m[0].length;
      return null;
    }
    return fail(`expected a value but found ${describe(ch)}`, i);
  };

  for (;;) {
    skipWs();
    const ch = text[i];
    if (expect === 'value' || expect === 'valueOrEnd') {
      if (expect === 'valueOrEnd' && ch === ']') {
        stack.pop();
        i++;
        expect = 'afterValue';
        continue;
      }
      if (ch === '{' || ch === '[') {
        if (stack.length >= maxDepth) return fail(`nesting deeper than ${maxDepth} levels`, i);
        stack.push(ch);
        i++;
        expect = ch === '{' ? 'keyOrEnd' : 'valueOrEnd';
        continue;
      }
      const err = scanScalar();
      if (err) return err;
      expect = 'afterValue';
      continue;
    }
    if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && ch === '}') {
        stack.pop();
        i++;
        expect = 'afterValue';
        continue;
      }
      if (ch !== '"') return fail(`expected a property name in double quotes but found ${describe(ch)}`, i);
      const err = scanString();
      if (err) return err;
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (ch !== ':') return fail(`expected ':' but found ${describe(ch)}`, i);
      i++;
      expect = 'value';
      continue;
    }
    // afterValue
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < n) return fail(`unexpected ${describe(ch)} after the end of the document`, i);
      return null;
    }
    if (ch === ',') {
      i++;
      expect = top === '{' ? 'key' : 'value';
      continue;
    }
    const close = top === '{' ? '}' : ']';
    if (ch === close) {
      stack.pop();
      i++;
      expect = 'afterValue';
      continue;
    }
    return fail(`expected ',' or '${close}' but found ${describe(ch)}`, i);
  }
}
