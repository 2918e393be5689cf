/**
 * The engine decides which rules to evaluate and which to check for "mitigated by design" per combination of
 * set properties (src/rules/plans.ts), and falls back to deciding rule by rule when a target's properties
 * cannot be loaded or a rule list asks about more properties than a plan key holds. Both ways must find the
 * same: these tests run each against an obvious expectation.
 */
import { describe, expect, it } from 'vitest';
import { getPropertyDecls } from '../../../src/model/properties';
import { analyze } from '../../../src/rules/engine';
import { createRandom } from '../../bench/generate';
import { el, flow, model, pack, rule, zone } from './factory';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

/**
 * Boolean process properties: `on(self.p)` fires when p is true, and `p: false` is its mitigation (but for
 * `outOfScope`, which makes node rules skip the element).
 */
const BOOLEANS = getPropertyDecls('process')
  .filter((d) => d.type === 'boolean' && d.name !== 'outOfScope')
  .map((d) => d.name);

/**
 * `count` rules over as many properties, each mitigated by its property set to false. `on(self.p)` requires p
 * (a bit of the plan key per rule); `not (self.p == false)` requires nothing, so only the mitigation bits grow.
 */
function switches(count: number, shape: 'on' | 'notFalse') {
  const props = BOOLEANS.slice(0, count);
  const rules = props.map((p, i) =>
    rule(`SW-${i}`, ['process'], shape === 'on' ? `on(self.${p})` : `not (self.${p} == false)`, {
      mitigations: [{ key: 'off', text: 'Turn it off.', controls: [{ property: p, value: false }] }],
    }),
  );
  const rnd = createRandom(count);
  const elements = Array.from({ length: 40 }, (_, n) => {
    const values: Record<string, boolean> = {};
    for (const p of props) {
      const x = rnd();
      if (x < 0.3) values[p] = true;
      else if (x < 0.6) values[p] = false;
    }
    return el(`e${n}`, 'process', 'tradingBot', values);
  });
  const expected = { findings: [] as string[], mitigated: [] as string[] };
  for (const e of elements) {
    props.forEach((p, i) => {
      if (shape === 'on' ? e.props[p] === true : e.props[p] !== false) expected.findings.push(`SW-${i}@${e.id}`);
      if (e.props[p] === false) expected.mitigated.push(`SW-${i}@${e.id}`);
    });
  }
  return { m: model({ elements }), rules, expected };
}

describe('rule plans', () => {
  it('has enough boolean process properties to overflow a plan key', () => {
    expect(BOOLEANS.length).toBeGreaterThan(45);
  });

  const cases: [number, 'on' | 'notFalse'][] = [
    [12, 'on'],
    [30, 'on'],
    [31, 'on'],
    [BOOLEANS.length, 'on'],
    [45, 'notFalse'],
  ];
  for (const [count, shape] of cases) {
    it(`finds what each rule alone would, with ${count} rules of shape ${shape}`, () => {
      const { m, rules, expected } = switches(count, shape);
      const a = analyze(m, [pack(rules)]);
      expect(ids(a.findings)).toEqual(expected.findings.sort());
      expect(ids(a.mitigated)).toEqual(expected.mitigated.sort());
      expect(expected.findings.length).toBeGreaterThan(count);
      expect(expected.mitigated.length).toBeGreaterThan(count);
    });
  }

  it('finds the same when a list asserts more control values than the plan bits hold (a bit per property then)', () => {
    // 45 properties, each the first control of two rules, once as false and once as true: 90 values.
    const { m, rules, expected } = switches(45, 'notFalse');
    const props = BOOLEANS.slice(0, 45);
    const more = props.map((p, i) =>
      rule(`ST-${i}`, ['process'], `not (self.${p} == true)`, { mitigations: [{ key: 'on', text: 'Turn it on.', controls: [{ property: p, value: true }] }] }),
    );
    for (const e of m.elements) {
      props.forEach((p, i) => {
        if (e.props[p] !== true) expected.findings.push(`ST-${i}@${e.id}`);
        else expected.mitigated.push(`ST-${i}@${e.id}`);
      });
    }
    const a = analyze(m, [pack([...rules, ...more])]);
    expect(ids(a.findings)).toEqual(expected.findings.sort());
    expect(ids(a.mitigated)).toEqual(expected.mitigated.sort());
  });

  it('evaluates rule by rule on a target whose properties cannot be loaded', () => {
    const props = { inputValidation: true };
    Object.defineProperty(props, 'rateLimiting', { enumerable: true, get: () => { throw new Error('boom'); } });
    const m = model({
      boundaries: [zone('net', 'internet'), zone('vpc', 'cloudVpc')],
      elements: [el('user', 'actor', 'browser', {}, 'net'), el('api', 'process', 'apiGateway', props, 'vpc'), el('ok', 'process', 'apiGateway', { inputValidation: true }, 'vpc')],
      flows: [flow('f1', 'user', 'api', { protocol: 'http' }), flow('f2', 'user', 'ok', { protocol: 'http' })],
    });
    const validation = [{ key: 'iv', text: 'Validate.', controls: [{ property: 'inputValidation', value: true }] }];
    const rules = [
      rule('RL-1', ['process'], 'exposedApi(self) and off(self.rateLimiting)'),
      rule('IV-1', ['process'], 'off(self.inputValidation)', { mitigations: validation }),
      rule('IV-2', ['process'], 'on(self.inputValidation)'),
    ];
    const a = analyze(m, [pack(rules)]);
    expect(ids(a.findings)).toEqual(['IV-2@api', 'IV-2@ok', 'RL-1@ok']);
    expect(ids(a.mitigated)).toEqual(['IV-1@api', 'IV-1@ok']);
    expect(a.problems.map((p) => p.message)).toEqual(['RL-1: failed on api: boom']);
  });

  it('counts a flow endpoint’s controls when deciding which rules may be mitigated', () => {
    const m = model({
      elements: [el('a', 'process', 'tradingBot', { ipAllowlist: true }), el('b', 'process', 'apiGateway'), el('c', 'process', 'apiGateway')],
      flows: [
        flow('f1', 'a', 'b', { protocol: 'https', tlsVerify: true }),
        flow('f2', 'c', 'b', { protocol: 'https', tlsVerify: true }),
        flow('f3', 'c', 'a', { protocol: 'https' }),
      ],
    });
    const r = rule('EP-1', ['flow'], 'off(self.tlsVerify)', { mitigations: [{ key: 'ip', text: 'Allowlist.', controls: [{ property: 'ipAllowlist', value: true }] }] });
    const a = analyze(m, [pack([r])]);
    expect(ids(a.findings)).toEqual(['EP-1@f3']);
    expect(ids(a.mitigated)).toEqual(['EP-1@f1']);
  });
});
