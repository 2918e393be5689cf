import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/rules/engine';
import { compilePack, compileRule, ruleGuard } from '../../../src/rules/compile';
import { parseExpression } from '../../../src/rules/parser';
import type { Rule } from '../../../src/rules/types';
import { el, flow, model, pack, rule, zone } from './factory';

const exposedNoLimit = rule('API-1', ['process'], 'exposedApi(self) and off(self.rateLimiting)', {
  stride: 'D',
  mitigations: [{ key: 'limit', text: 'Rate-limit it.', controls: [{ property: 'rateLimiting', value: true }] }],
});
const plainCrossing = rule('NET-1', ['flow'], 'crosses(self) and enc(self) == false', {
  stride: 'I',
  severity: 'high',
  mitigations: [{ key: 'tls', text: 'Use TLS.', controls: [{ property: 'encryptedInTransit', value: true }] }],
});
const storeAtRest = rule('ST-1', ['store', 'secretStore'], 'off(self.encryptedAtRest)', { stride: 'I', severity: 'low' });

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

function base() {
  return model({
    boundaries: [zone('net', 'internet'), zone('vpc', 'cloudVpc')],
    elements: [
      el('user', 'actor', 'browser', {}, 'net'),
      el('api', 'process', 'apiGateway', { rateLimiting: false }, 'vpc'),
      el('db', 'store', 'database', {}, 'vpc'),
      el('vault', 'store', 'secretStore', { encryptedAtRest: true }, 'vpc'),
    ],
    flows: [flow('f1', 'user', 'api', { protocol: 'http' }), flow('f2', 'api', 'db', { protocol: 'tcp' })],
  });
}

describe('analyze', () => {
  it('produces findings with stable ids, sorted by id', () => {
    const a = analyze(base(), [pack([storeAtRest, plainCrossing, exposedNoLimit])]);
    expect(ids(a.findings)).toEqual(['API-1@api', 'NET-1@f1', 'ST-1@db']);
    const f = a.findings[0];
    expect(f).toMatchObject({ ruleId: 'API-1', packId: 'test', targetId: 'api', targetKind: 'process', stride: 'D', title: 'Rule API-1', confidence: 'confirmed' });
    expect(f.mitigations).toEqual(exposedNoLimit.mitigations);
    expect(a.findings[2]).toMatchObject({ targetKind: 'store', confidence: 'unverified' });
    expect(a.problems).toEqual([]);
  });

  it('sorts by the whole finding id even when one rule id prefixes another', () => {
    const m = model({ elements: ['b', 'a', 'c@x', 'a-b'].map((id) => el(id, 'process')) });
    const rules = ['A-1', 'A-10', 'A', 'A-1.5', 'B'].map((id) => rule(id, ['process'], 'true'));
    const found = ids(analyze(m, [pack(rules)]).findings);
    expect(found).toEqual([...found].sort());
    expect(found).toHaveLength(20);
  });

  it('puts findings and mitigated entries in id order whatever order the document lists its items in', () => {
    // Ids whose order as text is not their order as numbers, listed shuffled.
    const order = [7, 2, 11, 0, 10, 1, 9, 3, 8, 5, 4, 6];
    const elements = order.map((i) => el(`e${i}`, 'process', 'process', i % 3 === 0 ? { rateLimiting: true } : {}));
    const flows = order.map((i) => flow(`f${i}`, `e${i}`, `e${(i + 1) % 12}`, i % 2 ? { encryptedInTransit: true } : {}));
    const boundaries = order.map((i) => zone(`b${i}`, 'host'));
    const limit = rule('N-1', ['process'], 'off(self.rateLimiting)', {
      mitigations: [{ key: 'rl', text: 'Limit.', controls: [{ property: 'rateLimiting', value: true }] }],
    });
    const tls = rule('F-1', ['flow'], 'off(self.encryptedInTransit)', {
      mitigations: [{ key: 'tls', text: 'TLS.', controls: [{ property: 'encryptedInTransit', value: true }] }],
    });
    const zones = rule('B-1', ['boundary'], 'true');
    const a = analyze(model({ elements, flows, boundaries }), [pack([zones, tls, limit])]);
    const found = ids(a.findings);
    expect(found).toEqual([...found].sort());
    expect(found).toHaveLength(12 + 6 + 8);
    const mitigated = a.mitigated.map((m) => m.id);
    expect(mitigated).toEqual([...mitigated].sort());
    expect(mitigated).toEqual(['F-1@f1', 'F-1@f11', 'F-1@f3', 'F-1@f5', 'F-1@f7', 'F-1@f9', 'N-1@e0', 'N-1@e3', 'N-1@e6', 'N-1@e9']);
  });

  it('still sorts and reports once when two elements share an id', () => {
    const m = model({ elements: [el('b', 'process'), el('a', 'process'), el('b', 'process')] });
    expect(ids(analyze(m, [pack([rule('N-1', ['process'], 'true')])]).findings)).toEqual(['N-1@a', 'N-1@b']);
  });

  it('refuses an @ in a rule id, which would make finding ids ambiguous', () => {
    expect(analyze(base(), [pack([rule('A@B', ['process'], 'true')])]).problems[0].message).toMatch(/may not contain '@'/);
  });

  it('is deterministic and independent of element order', () => {
    const m = base();
    const shuffled = { ...m, elements: [...m.elements].reverse(), flows: [...m.flows].reverse() };
    const packs = [pack([storeAtRest, plainCrossing, exposedNoLimit])];
    expect(analyze(shuffled, packs)).toEqual(analyze(m, packs));
  });

  it('applies a rule when the kind or the type is listed, once per target', () => {
    const onType = rule('T-1', ['secretStore'], 'true');
    const both = rule('T-2', ['store', 'database'], 'true');
    const a = analyze(base(), [pack([onType, both])]);
    expect(ids(a.findings)).toEqual(['T-1@vault', 'T-2@db', 'T-2@vault']);
  });

  it('deduplicates a rule id repeated by another pack and reports it', () => {
    const a = analyze(base(), [pack([storeAtRest], 'one'), pack([{ ...storeAtRest, title: 'dup' }], 'two')]);
    expect(ids(a.findings)).toEqual(['ST-1@db']);
    expect(a.findings[0].packId).toBe('one');
    expect(a.problems).toHaveLength(1);
    expect(a.problems[0]).toMatchObject({ packId: 'two', ruleId: 'ST-1' });
  });

  it('skips rules disabled in the model or in the options', () => {
    const m = { ...base(), rulePacks: { enabled: [], disabledRules: ['ST-1'], custom: [] } };
    const packs = [pack([storeAtRest, plainCrossing, exposedNoLimit])];
    expect(ids(analyze(m, packs).findings)).toEqual(['API-1@api', 'NET-1@f1']);
    expect(ids(analyze(m, packs, { disabledRules: ['NET-1'] }).findings)).toEqual(['API-1@api']);
  });

  it('skips out-of-scope elements but still evaluates flows touching them', () => {
    const m = base();
    m.elements = m.elements.map((e) => (e.id === 'db' || e.id === 'api' ? { ...e, props: { ...e.props, outOfScope: true } } : e));
    const a = analyze(m, [pack([storeAtRest, exposedNoLimit, rule('FL-1', ['flow'], 'true')])]);
    expect(ids(a.findings)).toEqual(['FL-1@f1', 'FL-1@f2']);
    const f2 = a.findings[1];
    expect(f2.severityAdjustments).toEqual([{ from: 'medium', to: 'low', reason: "both ends are out of scope ('api' is out of scope; 'db' is out of scope)" }]);
  });

  it('evaluates boundary rules on boundaries', () => {
    const a = analyze(base(), [pack([rule('B-1', ['boundary'], 'off(self.inScope)'), rule('B-2', ['boundary', 'internet'], "self.type == 'internet'")])]);
    expect(ids(a.findings)).toEqual(['B-1@net', 'B-1@vpc', 'B-2@net']);
    expect(a.findings[0].targetKind).toBe('boundary');
  });

  it('turns a broken rule into a problem and runs the others', () => {
    const broken = rule('BAD-1', ['flow'], 'self.protocoll == 1');
    const a = analyze(base(), [pack([broken, storeAtRest])]);
    expect(ids(a.findings)).toEqual(['ST-1@db']);
    expect(a.problems).toEqual([
      { packId: 'test', ruleId: 'BAD-1', message: "BAD-1: at 5: unknown property 'protocoll' on flow (did you mean protocol?)", position: 5 },
    ]);
  });

  it('isolates a rule that throws at run time', () => {
    const m = base();
    const props = {};
    Object.defineProperty(props, 'rateLimiting', { enumerable: true, get: () => { throw new Error('boom'); } });
    m.elements = m.elements.map((e) => (e.id === 'api' ? { ...e, props } : e));
    const a = analyze(m, [pack([exposedNoLimit, storeAtRest])]);
    expect(ids(a.findings)).toEqual(['ST-1@db']);
    expect(a.problems).toEqual([{ packId: 'test', ruleId: 'API-1', message: 'API-1: failed on api: boom' }]);
  });

  it('skips flows with a missing endpoint', () => {
    const m = base();
    m.flows = [...m.flows, flow('ghost', 'api', 'nowhere')];
    expect(ids(analyze(m, [pack([rule('FL-1', ['flow'], 'true')])]).findings)).toEqual(['FL-1@f1', 'FL-1@f2']);
  });

  it('reports findings as unverified when they fired on unknown values', () => {
    const m = base();
    m.flows = [flow('f1', 'user', 'api', {})];
    const a = analyze(m, [pack([rule('U-1', ['flow'], 'not enc(self)')])]);
    expect(a.findings[0].confidence).toBe('unverified');
    // The flow's own properties: the items name no target, the finding does.
    expect(a.findings[0].evidence).toEqual([
      { property: 'protocol', value: null, unknown: true },
      { property: 'encryptedInTransit', value: null, unknown: true },
    ]);
  });

  it('names the entity of evidence read off another one, and shares equal evidence between findings', () => {
    const m = base();
    m.flows = [flow('f1', 'user', 'api', { protocol: 'http' }), flow('f2', 'user', 'api', { protocol: 'http' }), flow('f3', 'user', 'api', { protocol: 'ws' })];
    const a = analyze(m, [pack([rule('P-1', ['flow'], "self.protocol in ['http', 'ws']"), rule('P-2', ['flow'], "self.protocol in ['http', 'ws'] and off(target.rateLimiting)")])]);
    const on = (id: string) => a.findings.find((f) => f.id === id)!;
    expect(on('P-1@f1').evidence).toEqual([{ property: 'protocol', value: 'http', unknown: false }]);
    expect(on('P-2@f1').evidence).toEqual([
      { property: 'protocol', value: 'http', unknown: false },
      { targetId: 'api', targetName: 'api', property: 'rateLimiting', value: false, unknown: false },
    ]);
    // Equal evidence is one list; a different value is another.
    expect(on('P-1@f2').evidence).toBe(on('P-1@f1').evidence);
    expect(on('P-1@f3').evidence).not.toBe(on('P-1@f1').evidence);
    expect(on('P-2@f2').evidence[0]).toBe(on('P-1@f1').evidence[0]);
    expect(on('P-1@f3').evidence).toEqual([{ property: 'protocol', value: 'ws', unknown: false }]);
  });
});

describe('mitigated by design', () => {
  it('names the controls of a fully asserted mitigation when the rule does not fire', () => {
    const m = base();
    m.elements = m.elements.map((e) => (e.id === 'api' ? { ...e, props: { rateLimiting: true } } : e));
    m.flows = m.flows.map((f) => (f.id === 'f1' ? { ...f, props: { protocol: 'http', encryptedInTransit: true } } : f));
    const a = analyze(m, [pack([exposedNoLimit, plainCrossing])]);
    expect(a.findings).toEqual([]);
    expect(a.mitigated).toEqual([
      { id: 'API-1@api', ruleId: 'API-1', packId: 'test', targetId: 'api', title: 'Rule API-1', controls: [{ property: 'rateLimiting', value: true }] },
      { id: 'NET-1@f1', ruleId: 'NET-1', packId: 'test', targetId: 'f1', title: 'Rule NET-1', controls: [{ property: 'encryptedInTransit', value: true }] },
    ]);
  });

  it('needs every control of a mitigation', () => {
    const r = rule('M-1', ['process'], 'false', {
      mitigations: [{ key: 'k', text: 't', controls: [{ property: 'rateLimiting', value: true }, { property: 'inputValidation', value: true }] }],
    });
    const m = base();
    const one = { ...m, elements: m.elements.map((e) => (e.id === 'api' ? { ...e, props: { rateLimiting: true } } : e)) };
    expect(analyze(one, [pack([r])]).mitigated).toEqual([]);
    const both = { ...m, elements: m.elements.map((e) => (e.id === 'api' ? { ...e, props: { rateLimiting: true, inputValidation: true } } : e)) };
    expect(ids(analyze(both, [pack([r])]).mitigated)).toEqual(['M-1@api']);
  });

  it('accepts a flow rule control asserted on the endpoint it applies to', () => {
    const r = rule('WS-2', ['flow'], "isWs(self) and off(target.originValidation)", {
      mitigations: [{ key: 'origin', text: 'Check Origin.', controls: [{ property: 'originValidation', value: true }] }],
    });
    const m = base();
    m.flows = [flow('f1', 'user', 'api', { protocol: 'wss' })];
    expect(ids(analyze(m, [pack([r])]).findings)).toEqual(['WS-2@f1']);
    // Documents are immutable (the graph is cached per model object): an edit makes a new model.
    const next = { ...m, elements: m.elements.map((e) => (e.id === 'api' ? { ...e, props: { originValidation: true } } : e)) };
    const a = analyze(next, [pack([r])]);
    expect(a.findings).toEqual([]);
    expect(ids(a.mitigated)).toEqual(['WS-2@f1']);
  });

  it('compares list controls as sets', () => {
    const r = rule('K-1', ['process'], "has(self.keyPermissions, 'withdraw')", {
      mitigations: [{ key: 'ro', text: 'Read and trade only.', controls: [{ property: 'keyPermissions', value: ['read', 'trade'] }] }],
    });
    const m = base();
    m.elements = m.elements.map((e) => (e.id === 'api' ? { ...e, props: { keyPermissions: ['trade', 'read'] } } : e));
    expect(ids(analyze(m, [pack([r])]).mitigated)).toEqual(['K-1@api']);
  });
});

describe('severity', () => {
  const tgt = (id: string, when = 'true', extra: Partial<Rule> = {}) => rule(id, ['process', 'flow'].includes(id) ? [id] : ['process'], when, extra);

  it('raises for exposure only for S, T, I or E rules', () => {
    const m = base();
    const spoof = analyze(m, [pack([tgt('process', 'true', { id: 'S-1', stride: 'S' })])]).findings.find((f) => f.targetId === 'api')!;
    expect(spoof.severity).toBe('high');
    expect(spoof.severityAdjustments).toEqual([{ from: 'medium', to: 'high', reason: "reachable from the internet across 'net'" }]);
    const dos = analyze(m, [pack([tgt('process', 'true', { id: 'D-1', stride: 'DR' })])]).findings.find((f) => f.targetId === 'api')!;
    expect(dos.severity).toBe('medium');
    expect(dos.severityAdjustments).toEqual([]);
  });

  it('raises a flow whose source is in an internet zone', () => {
    const m = model({
      boundaries: [zone('net', 'internet')],
      elements: [el('a', 'actor', 'browser', {}, 'net'), el('b', 'actor', 'browser', {}, 'net')],
      flows: [flow('f', 'a', 'b')],
    });
    const f = analyze(m, [pack([rule('F-1', ['flow'], 'true', { stride: 'T' })])]).findings[0];
    expect(f.severityAdjustments).toEqual([{ from: 'medium', to: 'high', reason: "its source 'a' is in the internet zone 'net'" }]);
  });

  it('raises for stakes and caps at critical with at most two steps', () => {
    const m = base();
    m.elements = m.elements.map((e) => (e.id === 'api' ? { ...e, props: { keyPermissions: ['read', 'withdraw'] } } : e));
    const f = analyze(m, [pack([rule('X-1', ['process'], 'true', { stride: 'E', severity: 'medium' })])]).findings[0];
    expect(f.severity).toBe('critical');
    expect(f.baseSeverity).toBe('medium');
    expect(f.severityAdjustments).toEqual([
      { from: 'medium', to: 'high', reason: "reachable from the internet across 'net'" },
      { from: 'high', to: 'critical', reason: "'api' holds an API key with withdraw permission" },
    ]);
    const crit = analyze(m, [pack([rule('X-2', ['process'], 'true', { stride: 'E', severity: 'critical' })])]).findings[0];
    expect(crit.severity).toBe('critical');
    expect(crit.severityAdjustments).toEqual([]);
  });

  it('raises for signing services and private keys on either end of a flow', () => {
    const m = model({
      elements: [el('bot', 'process', 'tradingBot'), el('signer', 'process', 'signingService'), el('keys', 'store', 'store', { holdsPrivateKeys: true })],
      flows: [flow('f', 'bot', 'signer'), flow('g', 'bot', 'keys')],
    });
    const a = analyze(m, [pack([rule('F-1', ['flow'], 'true', { stride: 'T', severity: 'low' })])]);
    expect(a.findings.map((f) => [f.id, f.severity, f.severityAdjustments[0]?.reason])).toEqual([
      ['F-1@f', 'medium', "'signer' is a signing service"],
      ['F-1@g', 'medium', "'keys' holds private keys"],
    ]);
  });

  it('does not raise pure denial of service for stakes: a ban is no worse because the key can withdraw', () => {
    const m = model({
      elements: [el('bot', 'process', 'tradingBot', { keyPermissions: ['trade', 'withdraw'] }), el('signer', 'process', 'signingService')],
      flows: [flow('f', 'bot', 'signer')],
    });
    const a = analyze(m, [pack([rule('D-1', ['flow'], 'true', { stride: 'D', severity: 'low' }), rule('TD-1', ['flow'], 'true', { stride: 'TD', severity: 'low' })])]);
    expect(a.findings.map((f) => [f.id, f.severity])).toEqual([
      ['D-1@f', 'low'],
      ['TD-1@f', 'medium'],
    ]);
    expect(a.findings[0].severityAdjustments).toEqual([]);
  });

  it('lowers inside a boundary that is not in scope, down to info at most', () => {
    const m = model({
      boundaries: [zone('legacy', 'corporate', null, { inScope: false }), zone('inner', 'host', 'legacy')],
      elements: [el('old', 'process', 'process', {}, 'inner')],
    });
    const f = analyze(m, [pack([rule('L-1', ['process'], 'true', { stride: 'R', severity: 'info' }), rule('L-2', ['process'], 'true', { stride: 'R', severity: 'high' })])]).findings;
    expect(f[0].severity).toBe('info');
    expect(f[0].severityAdjustments).toEqual([]);
    expect(f[1].severityAdjustments).toEqual([{ from: 'high', to: 'medium', reason: "'old' is inside 'legacy', which is not in scope" }]);
  });
});

describe('guards', () => {
  it('reads the structural facts off the top-level conjunction', () => {
    const parsed = parseExpression("on(self.mfa) and is(self, 'tradingBot') and (isWs(self) or true) and isFix(self)");
    if (!parsed.ok) throw new Error('parse');
    const guard = ruleGuard(parsed.expr);
    expect(guard.is.map((s) => [...s])).toEqual([['tradingBot']]);
    expect(guard.protocols.map((s) => [...s])).toEqual([['fix', 'fix+tls']]);
    const loose = parseExpression("is(self, 'tradingBot') or isWs(self)");
    if (!loose.ok) throw new Error('parse');
    expect(ruleGuard(loose.expr)).toEqual({ is: [], protocols: [] });
  });

  it('skips a rule its guard rules out, but still reports it mitigated by design', () => {
    const r = rule('G-1', ['process'], "is(self, 'tradingBot') and off(self.rateLimiting)", {
      mitigations: [{ key: 'rl', text: 'Limit.', controls: [{ property: 'rateLimiting', value: true }] }],
    });
    const m = model({ elements: [el('bot', 'process', 'tradingBot'), el('gw', 'process', 'apiGateway', { rateLimiting: true }), el('bot2', 'process', 'tradingBot', { rateLimiting: true })] });
    const a = analyze(m, [pack([r])]);
    expect(ids(a.findings)).toEqual(['G-1@bot']);
    expect(ids(a.mitigated)).toEqual(['G-1@bot2', 'G-1@gw']);
  });
});

describe('compile', () => {
  const good = rule('OK-1', ['flow'], 'on(self.tlsVerify)', {
    mitigations: [{ key: 'k', text: 't', controls: [{ property: 'tlsVerify', value: true }] }],
    references: [{ type: 'CWE', id: 'CWE-295' }],
  });

  it('compiles a valid rule', () => {
    const c = compileRule(good, 'p');
    expect(Array.isArray(c)).toBe(false);
    if (!Array.isArray(c)) expect(c.category).toBe('flow');
  });

  it('validates the whole rule shape', () => {
    const bad = {
      id: 'BAD-2', title: '', stride: 'STX', appliesTo: [], when: '', severity: 'severe',
      mitigations: [{ key: 'k', text: 't', controls: [{ property: 'tlsVerifyy', value: true }, { property: 'protocol', value: 'gopher' }] }, { key: 'k', text: '' }],
      references: [{ type: 'CVE', id: 'x' }, { type: 'CWE' }],
    } as unknown as Rule;
    const problems = compileRule(bad, 'p');
    expect(Array.isArray(problems)).toBe(true);
    const messages = (problems as { message: string }[]).map((p) => p.message);
    for (const part of ['title', 'stride', 'severity', 'appliesTo', 'tlsVerifyy', 'protocol takes one of', 'used twice', 'needs a text', "type must be one of", 'needs an id', 'when expression']) {
      expect(messages.some((m) => m.includes(part)), part).toBe(true);
    }
    expect(messages.every((m) => m.startsWith('BAD-2: '))).toBe(true);
  });

  it('refuses appliesTo mixing flows with elements', () => {
    const problems = compileRule(rule('MIX-1', ['flow', 'websocket'], 'true'), 'p');
    expect(problems).toEqual([{ packId: 'p', ruleId: 'MIX-1', message: "MIX-1: appliesTo mixes 'flow' with element kinds or types (websocket)" }]);
  });

  it('flags a likely typo in appliesTo but accepts custom stencil types', () => {
    expect(compileRule(rule('T-1', ['tradingbot'], 'true'), 'p')).toEqual([
      { packId: 'p', ruleId: 'T-1', message: "T-1: appliesTo names 'tradingbot', which is no kind or type (did you mean tradingBot?)" },
    ]);
    expect(Array.isArray(compileRule(rule('T-2', ['SE.P.TMCore.WebApp'], 'true'), 'p'))).toBe(false);
  });

  it('compiles a pack, keeping good rules next to bad ones and flagging duplicate ids', () => {
    const { rules, problems } = compilePack(pack([good, rule('BAD-3', ['flow'], 'nope(self)'), good]));
    expect(rules.map((r) => r.rule.id)).toEqual(['OK-1']);
    expect(problems.map((p) => p.ruleId)).toEqual(['BAD-3', 'OK-1']);
  });

  it('survives a pack that is not a pack', () => {
    expect(compilePack({ id: 'x' } as never).problems).toHaveLength(1);
    expect(analyze(base(), [pack([null as never, 42 as never, good])]).problems).toHaveLength(2);
  });
});
