import { describe, expect, it } from 'vitest';
import { checkRuleExpression } from '../../../src/rules/compile';
import type { RuleCategory } from '../../../src/rules/types';

function errors(when: string, category: RuleCategory = 'flow', ruleId = 'R-1') {
  return checkRuleExpression(ruleId, when, category);
}

function only(when: string, category: RuleCategory = 'flow', ruleId = 'R-1') {
  const list = errors(when, category, ruleId);
  expect(list, JSON.stringify(list)).toHaveLength(1);
  return list[0];
}

describe('checker', () => {
  it('accepts well-typed expressions of every form', () => {
    const ok: [string, RuleCategory][] = [
      ["crosses(self, 'internet') and enc(self) == false", 'flow'],
      ["is(source, 'apiGateway', 'process') and off(target.logging == 'central')", 'flow'],
      ["self.protocol in ['ws', 'wss'] and not has(self.data, 'orders')", 'flow'],
      ['count(outbound(self), f => thirdParty(target(f))) == 1 and off(self.rpcCrossCheck)', 'node'],
      ["any(inbound(self), f => all(inbound(source(f)), g => source(g) != self)) and self.kind == 'process'", 'node'],
      ["none(self.authentication) or initiator(self) == 'dst' or isSet(self.timeoutMs)", 'flow'],
      ['self.timestampToleranceMs > 5000 or not (self.timeoutMs > 0)', 'flow'],
      ["self.type == 'internet' and off(self.inScope) and self.name != ''", 'boundary'],
      ["exposedApi(self) and hasAny(self.businessFlows, ['withdraw', 'signup']) and thirdParty(self)", 'node'],
      ["isWs(self) or isFix(self) or signed(self) or onlyPublicData(self) or sensitiveData(self.data)", 'flow'],
    ];
    for (const [when, cat] of ok) expect(errors(when, cat), when).toEqual([]);
  });

  it('names the rule, the position and a suggestion for an unknown property', () => {
    const e = only('self.timestampTolerance > 5000', 'flow', 'AUTH-02');
    expect(e.message).toBe("AUTH-02: at 5: unknown property 'timestampTolerance' on flow (did you mean timestampToleranceMs?)");
    expect(e.position).toBe(5);
    expect(e.ruleId).toBe('AUTH-02');
    expect(e.expected).toBe('a declared property');
    expect(only('on(self.ratelimiting)', 'node').message).toMatch(/did you mean rateLimiting\?/);
    expect(only('on(self.zzzzqqq)', 'node').message).not.toMatch(/did you mean/);
  });

  it('rejects a property of another category', () => {
    expect(only("self.protocol == 'https'", 'node').message).toMatch(/'protocol' does not apply to elements \(it applies to flow\)/);
    expect(only('on(self.exposesApi)', 'flow').message).toMatch(/does not apply to flows/);
    expect(only('on(self.encryptedAtRest)', 'boundary').message).toMatch(/does not apply to boundarys|does not apply to boundaries/);
  });

  it('accepts properties of any node kind on element rules', () => {
    expect(errors('on(self.encryptedAtRest) or on(self.exposesApi) or self.trust == \'partner\'', 'node')).toEqual([]);
  });

  it('rejects an enum literal the property does not allow', () => {
    const e = only("has(self.keyPermissions, 'withdrawl')", 'node', 'KEY-05');
    expect(e.message).toBe("KEY-05: at 25: 'keyPermissions' takes read, trade, withdraw, transfer; 'withdrawl' is not one of them (did you mean withdraw?)");
    expect(only("self.protocol == 'htps'").position).toBe(17);
    expect(only("'htps' == self.protocol").position).toBe(0);
    expect(only("self.protocol in ['https', 'gopher']").message).toMatch(/'gopher' is not one of them/);
    expect(only("hasAny(self.data, ['orders', 'secrets'])").message).toMatch(/'secrets'/);
    expect(only("initiator(self) == 'client'").message).toMatch(/initiator\(\) takes src, dst/);
    expect(only("self.kind == 'service'", 'node').message).toMatch(/kind takes actor, process, store/);
    expect(only("self.type == 'cloud'", 'boundary').message).toMatch(/takes internet, partner/);
  });

  it('rejects a literal of the wrong type', () => {
    expect(only("self.encryptedInTransit == 'yes'").message).toBe(`R-1: at 27: 'encryptedInTransit' takes true or false; "yes" is text`);
    expect(only("self.timeoutMs > '5'").message).toMatch(/'timeoutMs' takes a number/);
    expect(only('self.protocol == 5').message).toMatch(/'protocol' takes one of https/);
    expect(only("self.timeoutMs in ['a']").message).toMatch(/'timeoutMs' takes a number/);
    expect(only("self.name < 'b'").message).toMatch(/'<' compares numbers/);
  });

  it('rejects unknown helpers and wrong arity', () => {
    expect(only('crossess(self)').message).toMatch(/unknown helper 'crossess' \(did you mean crosses\?\)/);
    expect(only('enc(self, self)').message).toMatch(/enc\(\) takes 1 argument, not 2/);
    expect(only("crosses(self, 'internet', 'dmz')").message).toMatch(/takes 1 or 2 arguments, not 3/);
    expect(only('is(self)').message).toMatch(/at least 2/);
    expect(only('any(inbound(self))', 'node').message).toMatch(/takes 2 arguments, not 1/);
  });

  it('checks argument types', () => {
    expect(only('enc(source)').message).toMatch(/argument 1 of enc\(\) must be a flow, but this is an element/);
    expect(only('on(self.data)').message).toMatch(/argument 1 of on\(\) must be true or false, but this is a list/);
    expect(only('any(self, f => on(f.tlsVerify))').message).toMatch(/must be a list of flows/);
    expect(only("is(self, self.name)").message).toMatch(/written as text/);
    expect(only("crosses(self, 'internt')").message).toMatch(/unknown boundary type 'internt' \(did you mean internet\?\)/);
  });

  it('flags a likely typo of a kind or type in is(), but accepts custom types', () => {
    expect(only("is(self, 'tradingbot')", 'node').message).toMatch(/unknown kind or type 'tradingbot' \(did you mean tradingBot\?\)/);
    expect(only("is(self, 'proces')", 'node').message).toMatch(/did you mean process\?/);
    expect(errors("is(self, 'GE.P', 'myCustomBroker', 'internet', 'flow')", 'node')).toEqual([]);
  });

  it('scopes lambda parameters', () => {
    expect(errors('any(inbound(self), f => on(f.tlsVerify)) and on(self.exposesApi)', 'node')).toEqual([]);
    expect(only('any(inbound(self), f => on(f.tlsVerify)) and on(f.tlsVerify)', 'node').message).toMatch(/unknown name 'f'/);
    expect(only('any(inbound(self), self => on(self.tlsVerify))', 'node').message).toMatch(/hides another name/);
    expect(only('any(inbound(self), f => any(inbound(source(f)), f => on(f.tlsVerify)))', 'node').message).toMatch(/hides/);
    expect(only('any(inbound(self), f => on(f.exposesApi))', 'node').message).toMatch(/does not apply to flows/);
    expect(only('any(inbound(self), f => f.timeoutMs)', 'node').message).toMatch(/the lambda of any needs true or false/);
  });

  it('allows source and target only in flow rules', () => {
    expect(only('on(source.exposesApi)', 'node').message).toMatch(/'source' is only defined in flow rules/);
    expect(only('on(target.exposesApi)', 'boundary').message).toMatch(/'target' is only defined in flow rules/);
    expect(errors('on(source.exposesApi) and on(target.exposesApi)', 'flow')).toEqual([]);
  });

  it('requires true/false where logic needs it', () => {
    expect(only('self.timeoutMs').message).toMatch(/must be true or false, but this is a number/);
    expect(only('self.timeoutMs and on(self.tlsVerify)').message).toMatch(/'and' needs true or false/);
    expect(only('not self.data').message).toMatch(/'not' needs true or false/);
    expect(only("self.data == ['orders']").message).toMatch(/lists cannot be compared/);
    expect(only('inbound(source) == inbound(target)').message).toMatch(/flow lists cannot be compared/);
    expect(only("self.protocol in 'https'").message).toMatch(/'in' needs a list/);
    expect(errors("[1, 'a'] == self.timeoutMs").map((e) => e.position)).toEqual([4, 9]);
  });

  it('rejects built-ins that do not exist on the target', () => {
    expect(only("self.kind == 'flow'").message).toMatch(/a flow has no kind/);
    expect(only("self.type == 'x'").message).toMatch(/a flow has no type/);
    expect(only("self.timeoutMs.x == 'a'").message).toMatch(/a number has no properties/);
    expect(only('on(crosses)').message).toMatch(/'crosses' is a helper/);
    expect(only('on(slef.tlsVerify)').message).toMatch(/unknown name 'slef' \(did you mean self\?\)/);
  });

  it('reports every error, not only the first', () => {
    expect(errors("self.nope == 1 and self.protocol == 'gopher' and unknownFn(self)")).toHaveLength(3);
  });

  it('reports parse errors in the same format', () => {
    expect(only('on(self.tlsVerify) && on(self.x)', 'flow', 'X-1').message).toBe("X-1: at 19: use 'and' instead of '&&'");
  });
});
