import { describe, expect, it } from 'vitest';
import { changedIds } from '../../src/model/diff';
import { applyOperation } from '../../src/model/operations';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { createAnalysisSession } from '../../src/worker/session';
import { botModel, ids } from './factories';

describe('analysis session', () => {
  it('gives a full analysis on the first run, whatever the changed ids say', () => {
    const model = botModel();
    expect(createAnalysisSession().run(model, []).analysis).toEqual(analyze(model, getEnabledPacks(model)));
  });

  it('applies changed ids incrementally with the same result as a full analysis', () => {
    const session = createAnalysisSession();
    const model = botModel();
    session.run(model, null);
    const next = applyOperation(model, { type: 'setProperty', targetId: ids.order, name: 'protocol', value: 'https' });
    const full = analyze(next, getEnabledPacks(next));
    expect(full).not.toEqual(analyze(model, getEnabledPacks(model)));
    expect(session.run(structuredClone(next), [...changedIds(model, next)])).toEqual({ analysis: full, full: false });
  });

  it('rebuilds the analyzer when the rule-pack settings change, even if no id says so', () => {
    const session = createAnalysisSession();
    const model = botModel();
    const first = session.run(model, null).analysis;
    const ruleId = first.findings[0].ruleId;
    const next = applyOperation(model, { type: 'setRulePacks', settings: { ...model.rulePacks, disabledRules: [ruleId] } });
    const { analysis: result, full } = session.run(structuredClone(next), []);
    expect(full).toBe(true);
    expect(result.findings.some((f) => f.ruleId === ruleId)).toBe(false);
    expect(result).toEqual(analyze(next, getEnabledPacks(next)));
  });
});
