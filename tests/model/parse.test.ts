import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../../src/lib/jsonScan';
import { parseAndRestore } from '../../src/model/restore';
import { serializeEnvelope } from '../../src/model/serialize';
import { makeSampleModel } from '../factories/model';

describe('parseAndRestore', () => {
  it('restores serialized text, with or without a byte-order mark', () => {
    const text = serializeEnvelope(makeSampleModel());
    for (const t of [text, `\uFEFF${text}`]) {
      const result = parseAndRestore(t);
      expect(result.ok && result.model).toEqual(JSON.parse(text).model);
    }
  });

  it('reports a syntax error with its line and column', () => {
    const text = '{\n  "format": "rampart",\n  "version": 1,\n  "model": {,}\n}';
    expect(parseAndRestore(text)).toEqual({
      ok: false,
      path: '$',
      reason: "not valid JSON: expected a property name in double quotes but found ',' at line 4, column 13",
    });
  });

  it('reports truncated text', () => {
    const result = parseAndRestore('{"format": "rampart", "model": {"name": "x');
    expect(result).toMatchObject({ ok: false, reason: 'not valid JSON: unterminated string at line 1, column 41' });
  });

  it('refuses text beyond the size limit, saying how large it is', () => {
    expect(parseAndRestore('x'.repeat(26 * 1024 * 1024))).toEqual({ ok: false, path: '$', reason: 'file is 26 MB; the limit is 25 MB' });
    // Multi-byte characters count in bytes, not characters.
    expect(parseAndRestore(`"${'é'.repeat(600)}"`, { maxBytes: 1000 })).toMatchObject({ ok: false, reason: 'file is 0.0 MB; the limit is 0.0 MB' });
  });

  it('refuses nesting deeper than 64 levels', () => {
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    expect(parseAndRestore(deep)).toMatchObject({ ok: false, reason: 'not valid JSON: nesting deeper than 64 levels at line 1, column 65' });
    const ok = `${'['.repeat(64)}${']'.repeat(64)}`;
    expect(parseAndRestore(ok)).toMatchObject({ ok: false, reason: expect.stringMatching(/expected a JSON object/) });
  });

  it('does not overflow on pathological nesting', () => {
    expect(parseAndRestore('['.repeat(1_000_000)).ok).toBe(false);
  });
});

describe('scanJson', () => {
  it('accepts exactly what JSON.parse accepts (for shallow text)', () => {
    const jsonish = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.tuple(fc.jsonValue().map((v) => JSON.stringify(v, null, 1)), fc.nat(), fc.string({ maxLength: 2 })).map(([t, at, ins]) => t.slice(0, at % (t.length + 1)) + ins + t.slice(at % (t.length + 1))),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(scanJson(text, 1000) === null).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles escapes, numbers and literals', () => {
    for (const good of ['"\\u00e9\\n\\""', '-0.5e+10', '[true,false,null]', ' {"a" : [ 1 , 2 ] } ', '0']) expect(scanJson(good, 10)).toBeNull();
    for (const bad of ['"\\x"', '01', '1.', '[1,]', '{"a":1,}', 'tru', '"a\nb"', '', '{} {}', '-']) expect(scanJson(bad, 10)).not.toBeNull();
  });
});
