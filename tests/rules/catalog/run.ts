/**
 * Turns a pack's case table into tests: for each firing case, one test that the finding `RULE@target` exists
 * with the expected confidence, and one that its closed twin has no such finding (and, when closed by the
 * rule's own controls, lists it as mitigated by design); for each quiet case, one test that it stays quiet.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/model/findings';
import type { ThreatModel } from '../../../src/model/types';
import { analyze } from '../../../src/rules/engine';
import type { Rule, RulePack } from '../../../src/rules/types';
import { patch, type PropPatch } from './build';
import { isFiresCase, type FiresCase, type RuleCase } from './cases/types';

export function findRule(pack: RulePack, id: string): Rule {
  const rule = pack.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`pack ${pack.id} has no rule ${id}`);
  return rule;
}

function run(model: ThreatModel, pack: RulePack): Analysis {
  const analysis = analyze(model, [pack]);
  expect(analysis.problems).toEqual([]);
  return analysis;
}

/** The document of a firing case after its close step, and the controls it set (if any). */
export function closedTwin(pack: RulePack, c: FiresCase): { model: ThreatModel; controls: PropPatch | undefined } {
  const model = c.build();
  if ('rebuild' in c.close) return { model: c.close.rebuild(), controls: undefined };
  if ('patch' in c.close) return { model: patch(model, c.close.patch), controls: undefined };
  const key = c.close.mitigation;
  const mitigation = findRule(pack, c.rule).mitigations.find((m) => m.key === key);
  if (!mitigation) throw new Error(`${c.rule} has no mitigation '${key}'`);
  if (mitigation.controls.length === 0) throw new Error(`${c.rule}: mitigation '${key}' has no controls to set`);
  const controls: PropPatch = Object.fromEntries(mitigation.controls.map((ctl) => [ctl.property, ctl.value]));
  return { model: patch(model, { [c.target]: controls }), controls };
}

export function describeCases(pack: RulePack, cases: readonly RuleCase[]): void {
  const fires = cases.filter(isFiresCase);
  const quiet = cases.filter((c) => !isFiresCase(c));

  describe.each(fires)('$rule on $target: $name', (c) => {
    const id = `${c.rule}@${c.target}`;

    it(`fires (${c.confidence})`, () => {
      const finding = run(c.build(), pack).findings.find((f) => f.id === id);
      expect(finding, `${id} should fire`).toBeDefined();
      expect(finding!.packId).toBe(pack.id);
      expect(finding!.confidence).toBe(c.confidence);
      expect(finding!.baseSeverity).toBe(findRule(pack, c.rule).severity);
    });

    it('does not fire once closed', () => {
      const { model, controls } = closedTwin(pack, c);
      const analysis = run(model, pack);
      expect(analysis.findings.map((f) => f.id)).not.toContain(id);
      if (controls) {
        const entry = analysis.mitigated.find((m) => m.id === id);
        expect(entry, `${id} should be mitigated by design`).toBeDefined();
        for (const [property, value] of Object.entries(controls)) {
          expect(entry!.controls).toContainEqual({ property, value });
        }
      }
    });
  });

  if (quiet.length) {
    describe.each(quiet)('$rule on $target stays quiet: $name', (c) => {
      it('does not fire', () => {
        const analysis = run(c.build(), pack);
        expect(analysis.findings.map((f) => f.id)).not.toContain(`${c.rule}@${c.target}`);
      });
    });
  }
}
