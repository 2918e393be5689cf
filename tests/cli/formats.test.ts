import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeEnvelope } from '../../src/model/serialize';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { csvCell } from '../../src/cli/formats/csv';
import { escapeMarkdown } from '../../src/cli/formats/markdown';
import { createWorkspace, type Workspace } from './helpers';
import { ids, platformModel } from './fixtures';

let ws: Workspace;
let modelFile: string;
const model = platformModel();
const expected = analyze(model, getEnabledPacks(model));

beforeAll(() => {
  ws = createWorkspace();
  modelFile = ws.write('platform.json', serializeEnvelope(model));
});
afterAll(() => ws.dispose());

/** A small RFC 4180 reader, to check the writer from the reader's side. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('rampart analyze --format csv', () => {
  it('writes a header and one RFC 4180 row per finding', () => {
    const run = ws.run(['analyze', modelFile, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header.slice(0, 10)).toEqual(['id', 'ruleId', 'title', 'severity', 'stride', 'status', 'confidence', 'targetId', 'targetName', 'targetKind']);
    expect(rows).toHaveLength(expected.findings.length);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(rows.map((r) => r[0]).sort()).toEqual(expected.findings.map((f) => f.id).sort());
  });

  it('keeps commas, quotes and line breaks inside their cell and defuses formulas', () => {
    const rows = parseCsv(ws.run(['analyze', modelFile, '--format', 'csv']).stdout).slice(1);
    const name = (targetId: string) => rows.find((r) => r[7] === targetId)?.[8];
    expect(name(ids.bot)).toBe('Bot, "market maker"');
    expect(name(ids.client)).toBe(`'=HYPERLINK("http://evil")`);
    expect(name(ids.db)).toBe("'+Orders\nDB");
    expect(rows.some((r) => r.some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
  });

  it('escapes single cells by the rules', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+31 20')).toBe("'+31 20");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=a,"b"')).toBe(`"'=a,""b"""`);
  });
});

describe('rampart analyze --format markdown', () => {
  it('summarises counts by severity and lists every finding in a table', () => {
    const run = ws.run(['analyze', modelFile, '--format', 'markdown']);
    expect(run.code).toBe(0);
    const md = run.stdout;
    expect(md).toMatch(/^# Threat analysis: /);
    const high = expected.findings.filter((f) => f.severity === 'high').length;
    expect(md).toContain(`| High | ${high} | 0 | ${high} |`);
    expect(md).toContain(`| **All** | **${expected.findings.length}** | **0** | **${expected.findings.length}** |`);
    const tableRows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(tableRows).toHaveLength(expected.findings.length);
    for (const f of expected.findings) expect(md).toContain(escapeMarkdown(f.id));
  });

  it('escapes names so they cannot break the table or inject markup', () => {
    const md = ws.run(['analyze', modelFile, '--format', 'markdown']).stdout;
    expect(md).toContain('# Threat analysis: Exchange \\| API \\*test\\*');
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('[x](y)');
    // Every table row has exactly the table's nine unescaped pipes.
    const tableRows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    for (const row of tableRows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(10);
  });

  it('escapes Markdown specials and folds line breaks', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('*x* _y_ `z`')).toBe('\\*x\\* \\_y\\_ \\`z\\`');
    expect(escapeMarkdown('[t](javascript:x)')).toBe('\\[t\\](javascript:x)');
    expect(escapeMarkdown('![i](x)')).toBe('!\\[i\\](x)');
    expect(escapeMarkdown('<img src=x>')).toBe('\\<img src=x\\>');
    expect(escapeMarkdown('one\ntwo')).toBe('one two');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('# title')).toBe('\\# title');
  });
});
