import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, expectOneLineError, repoRoot, type Workspace } from './helpers';
import { customPack } from './fixtures';

let ws: Workspace;
beforeAll(() => {
  ws = createWorkspace();
});
afterAll(() => ws.dispose());

const brokenPack = {
  ...customPack,
  rules: [
    customPack.rules[0],
    { ...customPack.rules[0], id: 'CLI-02', when: 'self.secretStorag == 1' },
    { ...customPack.rules[0], id: 'CLI-03', severity: 'severe' },
  ],
};

describe('rampart pack', () => {
  it('prints { id, name, rules, errors } for a clean pack and exits 0', () => {
    const file = ws.write('clean.json', JSON.stringify(customPack));
    const run = ws.run(['pack', file, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ id: 'cli-test', name: 'CLI test pack', rules: 1, errors: [] });
  });

  it('counts valid rules, lists each error with its rule and position, and exits 1', () => {
    const file = ws.write('broken.json', JSON.stringify(brokenPack));
    const run = ws.run(['pack', file, '--format', 'json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { rules: number; errors: { ruleId: string; position?: number; message: string }[] };
    expect(out.rules).toBe(1);
    const expression = out.errors.find((e) => e.ruleId === 'CLI-02');
    expect(expression?.position).toBe(5);
    expect(expression?.message).toContain('secretStorag');
    expect(out.errors.some((e) => e.ruleId === 'CLI-03' && e.message.includes('severity'))).toBe(true);
  });

  it('prints a readable summary by default', () => {
    const file = ws.write('broken-text.json', JSON.stringify(brokenPack));
    const run = ws.run(['pack', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^cli-test \(CLI test pack\): 1 valid rule, \d+ errors\n/);
    expect(run.stdout).toContain('CLI-02: at 5:');
  });

  it('exits 2 when the file is not a pack at all, saying why', () => {
    expect(expectOneLineError(ws.run(['pack', ws.write('list.json', '[1,2]')]))).toContain('not a rule pack: a rule pack is a JSON object');
    expect(expectOneLineError(ws.run(['pack', ws.write('norules.json', '{"id":"x","name":"y"}')]))).toContain('needs a "rules" list');
    expect(expectOneLineError(ws.run(['pack', ws.write('text.json', 'hello')]))).toContain('not valid JSON');
    expect(expectOneLineError(ws.run(['pack', path.resolve(repoRoot, '../shared/fixtures/tb7/sdl-default.tb7')]))).toContain('.tb7');
  });

  it('refuses analyze options', () => {
    const file = ws.write('clean2.json', JSON.stringify(customPack));
    expect(expectOneLineError(ws.run(['pack', file, '--fail-on', 'high']))).toContain('pack takes only --format');
  });
});
