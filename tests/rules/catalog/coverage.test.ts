/**
 * Every built-in rule has a case that fires and a case that does not (its closed twin, or a quiet case), so no
 * rule of the catalog goes untested. The ids come from the case tables the pack tests run.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../../src/rules/packs';
import { CUSTODY_CASES } from './cases/custody';
import { DEFI_CASES } from './cases/defi';
import { OWASP_API_CASES } from './cases/owaspApi';
import { STRIDE_CASES } from './cases/stride';
import { TRADING_FLOW_CASES } from './cases/tradingFlow';
import { TRADING_KEY_CASES } from './cases/tradingKeys';
import { TRADING_OPS_CASES } from './cases/tradingOps';
import { isFiresCase, type RuleCase } from './cases/types';

const CASES_BY_PACK: Record<string, readonly RuleCase[]> = {
  stride: STRIDE_CASES,
  'owasp-api': OWASP_API_CASES,
  trading: [...TRADING_KEY_CASES, ...TRADING_FLOW_CASES, ...TRADING_OPS_CASES],
  custody: CUSTODY_CASES,
  defi: DEFI_CASES,
};

describe.each(BUILTIN_PACKS.map((p) => [p.id, p] as const))('pack %s', (packId, pack) => {
  const cases = CASES_BY_PACK[packId] ?? [];
  const firing = new Set(cases.filter(isFiresCase).map((c) => c.rule));
  // A firing case always runs its closed twin, which must not fire; quiet cases add more not-fires tests.
  const notFiring = new Set(cases.map((c) => c.rule));

  it.each(pack.rules.map((r) => r.id))('%s has a fires test and a does-not-fire test', (ruleId) => {
    expect(firing.has(ruleId), `${ruleId} has no firing case`).toBe(true);
    expect(notFiring.has(ruleId), `${ruleId} has no not-firing case`).toBe(true);
  });

  it('has no case for a rule the pack does not hold', () => {
    const ruleIds = new Set(pack.rules.map((r) => r.id));
    expect(cases.map((c) => c.rule).filter((id) => !ruleIds.has(id))).toEqual([]);
  });
});

it('has a case table for every built-in pack', () => {
  expect(Object.keys(CASES_BY_PACK).sort()).toEqual(BUILTIN_PACKS.map((p) => p.id).sort());
});
