import { describe, expect, it } from 'vitest';
import { createRulesApi } from '../../src/app/rulesApi';
import { TEMPLATES } from '../../src/app/templates/index';
import type { RuleData } from '../../src/panels/rules/ruleDraft';
import { BUILTIN_PACKS } from '../../src/rules/packs/index';

const api = createRulesApi();
const bot = () => TEMPLATES.find((t) => t.id === 'trading-bot')!.build();

const rule = (overrides: Partial<RuleData> = {}): RuleData => ({
  id: 'CUSTOM-01',
  title: 'Bot key can withdraw',
  description: '',
  stride: 'E',
  appliesTo: ['process'],
  when: "has(self.keyPermissions, 'withdraw')",
  severity: 'high',
  mitigations: [],
  references: [],
  ...overrides,
});

describe('rules API', () => {
  it('offers the built-in packs in engine order', () => {
    expect(api.builtinPacks.map((p) => p.id)).toEqual(BUILTIN_PACKS.map((p) => p.id));
  });

  it('accepts a valid rule', () => {
    expect(api.validateRule(rule())).toEqual([]);
  });

  it('reports a broken condition with its position in `when`', () => {
    const problems = api.validateRule(rule({ when: 'self.noSuchProperty == true' }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ field: 'when' });
    expect(problems[0].position).toBeTypeOf('number');
    expect(problems[0].message).toMatch(/noSuchProperty/);
  });

  it('names the field of a problem outside the condition', () => {
    const problems = api.validateRule(rule({ stride: 'XYZ' }));
    expect(problems.map((p) => p.field)).toContain('stride');
  });

  it('previews what one rule finds in the open model', () => {
    const model = bot();
    const findings = api.preview(rule(), model);
    const botId = model.elements.find((e) => e.type === 'tradingBot')!.id;
    expect(findings.map((f) => f.targetId)).toEqual([botId]);
    expect(api.preview(rule({ when: "has(self.keyPermissions, 'transfer')" }), model)).toEqual([]);
  });

  it('previews a rule the model switched off', () => {
    const model = bot();
    model.rulePacks.disabledRules = ['CUSTOM-01'];
    expect(api.preview(rule(), model)).toHaveLength(1);
  });

  it('parses a pack file and reports its broken rules', () => {
    const text = JSON.stringify({ id: 'team', name: 'Team rules', version: '1.0.0', rules: [rule(), rule({ id: 'CUSTOM-02', when: 'self.' })] });
    const parsed = api.parsePack(text);
    expect('pack' in parsed).toBe(true);
    if (!('pack' in parsed)) return;
    expect(parsed.pack.rules).toHaveLength(2);
    expect(parsed.problems.map((p) => p.ruleId)).toEqual(['CUSTOM-02']);
  });

  it('refuses a file that is no pack', () => {
    expect(api.parsePack('not json')).toHaveProperty('error');
    expect(api.parsePack('[1, 2]')).toHaveProperty('error');
    expect(api.parsePack('{"id": "x"}')).toHaveProperty('error');
  });
});
