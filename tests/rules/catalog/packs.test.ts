/**
 * The built-in packs as data: they compile cleanly, hold the whole ported catalog with its severities, keep one
 * OWASP edition per rule, record a decision on every rule the draft marked uncertain, and are chosen per model
 * by getEnabledPacks.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACK_IDS } from '../../../src/model/document';
import { analyze } from '../../../src/rules/engine';
import { compilePack } from '../../../src/rules/compile';
import { BUILTIN_PACKS, getEnabledPacks } from '../../../src/rules/packs';
import type { RulePack } from '../../../src/rules/types';
import { doc } from './build';

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);

/** The 100 rule ids of the catalog draft (shared/catalog/rules-draft.json). */
const DRAFT_IDS = [
  ...range('STR', 6), ...range('OAPI', 12), ...range('AUTH', 12), ...range('KEY', 11), ...range('RL', 5), ...range('WS', 7),
  ...range('ORD', 8), 'LP-01', ...range('NET', 6), ...range('CUST', 11), ...range('DEFI', 10), ...range('MON', 8), ...range('FIX', 3),
];
const ADDED_IDS = ['STRIDE-P-S', 'STRIDE-P-T', 'STRIDE-P-R', 'STRIDE-P-I', 'STRIDE-P-D', 'STRIDE-S-T', 'STRIDE-S-D', 'STRIDE-F-D'];
const UNCERTAIN_IDS = ['AUTH-04', 'AUTH-07', 'AUTH-09', 'KEY-06', 'RL-01', 'RL-02', 'WS-07', 'ORD-04', 'ORD-05', 'NET-06', 'CUST-09', 'DEFI-04', 'DEFI-09', 'MON-06'];

const allRules = BUILTIN_PACKS.flatMap((p) => p.rules);

describe('built-in packs', () => {
  it.each(BUILTIN_PACKS.map((p) => [p.id, p] as const))('%s compiles with zero problems', (_id, pack) => {
    const { rules, problems } = compilePack(pack);
    expect(problems).toEqual([]);
    expect(rules).toHaveLength(pack.rules.length);
  });

  it('are the packs a new model enables, in the same order', () => {
    expect(BUILTIN_PACKS.map((p) => p.id)).toEqual([...BUILTIN_PACK_IDS]);
  });

  it('hold the draft catalog plus the added STRIDE rules, each id once', () => {
    expect(Object.fromEntries(BUILTIN_PACKS.map((p) => [p.id, p.rules.length]))).toEqual({
      stride: 14, 'owasp-api': 12, trading: 59, custody: 13, defi: 10,
    });
    expect(allRules.map((r) => r.id).sort()).toEqual([...DRAFT_IDS, ...ADDED_IDS].sort());
    expect(analyze(doc().build(), BUILTIN_PACKS).problems).toEqual([]);
  });

  it('keep the draft severities (12 critical, 42 high, 43 medium, 3 low)', () => {
    const count: Record<string, number> = {};
    for (const r of allRules.filter((x) => DRAFT_IDS.includes(x.id))) count[r.severity] = (count[r.severity] ?? 0) + 1;
    expect(count).toEqual({ critical: 12, high: 42, medium: 43, low: 3 });
  });

  it.each(allRules.map((r) => [r.id, r] as const))('%s cites one OWASP edition and has a description', (_id, rule) => {
    const editions = new Set(rule.references.map((x) => x.type).filter((t) => t === 'OWASP-API-2023' || t === 'OWASP-2021'));
    expect(editions.size).toBeLessThanOrEqual(1);
    expect(rule.references.length).toBeGreaterThan(0);
    expect(rule.description.length).toBeGreaterThan(60);
  });

  it.each(UNCERTAIN_IDS)('%s records its review decision', (id) => {
    expect(allRules.find((r) => r.id === id)?.description).toMatch(/Review decision \(uncertain in the draft\): (kept|changed)/);
  });
});

describe('getEnabledPacks', () => {
  const custom: RulePack = {
    id: 'house', name: 'House rules', version: '1',
    rules: [{
      id: 'HOUSE-1', title: 'Every bot is reviewed', description: 'House rule.', stride: 'E', appliesTo: ['tradingBot'],
      when: "is(self, 'tradingBot')", severity: 'low', mitigations: [], references: [],
    }],
  };
  const withSettings = (enabled: string[], packs: RulePack[] = []) => {
    const model = doc().process('bot', 'tradingBot').build();
    return { ...model, rulePacks: { enabled, disabledRules: [], custom: packs as unknown as typeof model.rulePacks.custom } };
  };

  it('returns enabled built-ins in BUILTIN_PACKS order whatever order the settings use', () => {
    expect(getEnabledPacks(withSettings(['defi', 'stride', 'custody'])).map((p) => p.id)).toEqual(['stride', 'custody', 'defi']);
  });

  it('leaves out disabled built-ins and unknown ids', () => {
    expect(getEnabledPacks(withSettings(['trading', 'no-such-pack'])).map((p) => p.id)).toEqual(['trading']);
  });

  it('appends the model\'s enabled custom packs, which then run', () => {
    const model = withSettings(['owasp-api', 'house'], [custom]);
    const packs = getEnabledPacks(model);
    expect(packs.map((p) => p.id)).toEqual(['owasp-api', 'house']);
    expect(analyze(model, packs).findings.map((f) => f.id)).toContain('HOUSE-1@bot');
  });

  it('leaves out a custom pack that is switched off', () => {
    const model = withSettings(['owasp-api'], [custom]);
    expect(getEnabledPacks(model).map((p) => p.id)).toEqual(['owasp-api']);
    expect(analyze(model, getEnabledPacks(model)).findings.map((f) => f.id)).not.toContain('HOUSE-1@bot');
  });
});
