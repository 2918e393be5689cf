import { describe, expect, it } from 'vitest';
import { el, flow, model, zone } from '../engine/factory';
import { ev, run } from './run';

const m = model({
  boundaries: [zone('net', 'internet'), zone('vpc', 'cloudVpc')],
  elements: [
    el('user', 'actor', 'browser', {}, 'net'),
    el('api', 'process', 'apiGateway', { rateLimiting: false, exposesApi: true, keyRotationDays: 30, keyPermissions: ['read', 'trade'] }, 'vpc'),
    el('db', 'store', 'database', { encryptedAtRest: true }, 'vpc'),
  ],
  flows: [
    flow('f1', 'user', 'api', { protocol: 'https', timeoutMs: 100, data: ['orders'] }),
    flow('f2', 'api', 'db', { protocol: 'tcp', tlsVerify: false }),
    flow('f3', 'user', 'api', {}),
  ],
});

describe('three-valued evaluation', () => {
  it('reads an unset property as unknown, and comparisons with unknown are false', () => {
    expect(run(m, 'f3', 'self.timeoutMs > 0').value).toBe(false);
    expect(run(m, 'f3', 'self.timeoutMs <= 0').value).toBe(false);
    expect(run(m, 'f3', "self.protocol == 'http'").value).toBe(false);
    expect(run(m, 'f3', "self.protocol != 'http'").value).toBe(false);
    expect(run(m, 'f3', "self.protocol in ['http']").value).toBe(false);
    expect(run(m, 'f3', "self.protocol not in ['http']").value).toBe(true);
    expect(run(m, 'f3', 'not (self.timeoutMs > 0)').value).toBe(true);
  });

  it('compares known values', () => {
    expect(run(m, 'f1', 'self.timeoutMs > 50 and self.timeoutMs >= 100 and self.timeoutMs < 101 and self.timeoutMs <= 100').value).toBe(true);
    expect(run(m, 'f1', "self.protocol == 'https' and self.protocol != 'http'").value).toBe(true);
    expect(run(m, 'f2', 'self.tlsVerify == false').value).toBe(true);
    expect(run(m, 'f1', "self.protocol in ['wss', 'https']").value).toBe(true);
    expect(run(m, 'f1', 'source(self) == source').value).toBe(true);
    expect(run(m, 'f1', 'source(self) != target').value).toBe(true);
  });

  it('does not coerce mistyped stored values', () => {
    const odd = model({ elements: [el('a', 'process'), el('b', 'process')], flows: [flow('f', 'a', 'b', { timeoutMs: '9000' as never, data: 'orders' as never })] });
    expect(run(odd, 'f', 'self.timeoutMs > 5').value).toBe(false);
    expect(run(odd, 'f', "has(self.data, 'orders')").value).toBe(false);
  });

  it('reads built-ins', () => {
    expect(run(m, 'api', "self.kind == 'process' and self.type == 'apiGateway' and self.name == 'api'").value).toBe(true);
    expect(run(m, 'net', "self.type == 'internet'").value).toBe(true);
  });
});

describe('evidence and confidence', () => {
  it('records the reads that decided a verdict, marking unknown ones', () => {
    const r = run(m, 'api', 'off(self.rateLimiting) and off(self.objectLevelAuthz)');
    expect(r.value).toBe(true);
    expect(ev(r)).toEqual(['api.rateLimiting=false', 'api.objectLevelAuthz=?']);
    expect(r.confidence).toBe('unverified');
  });

  it('is confirmed when every read was known', () => {
    const r = run(m, 'f2', 'self.tlsVerify == false');
    expect(ev(r)).toEqual(['f2.tlsVerify=false']);
    expect(r.confidence).toBe('confirmed');
  });

  it('keeps only the true operand of an or', () => {
    const r = run(m, 'f1', "self.tlsVerify == false or self.protocol == 'https'");
    expect(r.value).toBe(true);
    expect(ev(r)).toEqual(['f1.protocol="https"']);
    expect(r.confidence).toBe('confirmed');
  });

  it('keeps only the false operand of a false and (seen through not)', () => {
    const r = run(m, 'f1', "not (self.protocol == 'https' and on(self.tlsVerify))");
    expect(r.value).toBe(true);
    expect(ev(r)).toEqual(['f1.tlsVerify=?']);
  });

  it('keeps only the witness of any and the counterexample of all', () => {
    const r = run(m, 'api', 'any(inbound(self), f => self.keyRotationDays < 90 and f.timeoutMs > 10)');
    expect(r.value).toBe(true);
    expect(ev(r)).toEqual(['api.keyRotationDays=30', 'f1.timeoutMs=100']);
    const r2 = run(m, 'api', 'all(inbound(self), f => f.timeoutMs > 10)');
    expect(r2.value).toBe(false);
    expect(ev(r2)).toEqual(['f3.timeoutMs=?']);
    const r3 = run(m, 'api', 'not any(inbound(self), f => on(f.tlsVerify))');
    expect(r3.value).toBe(true);
    expect(ev(r3)).toEqual(['f1.tlsVerify=?', 'f3.tlsVerify=?']);
  });

  it('lists each property once', () => {
    const r = run(m, 'f1', 'self.timeoutMs > 1 and self.timeoutMs > 2');
    expect(ev(r)).toEqual(['f1.timeoutMs=100']);
  });

  it('does not count kinds, types and structure as evidence', () => {
    const r = run(m, 'api', "is(self, 'apiGateway') and count(inbound(self), f => true) == 2");
    expect(r.value).toBe(true);
    expect(r.evidence).toEqual([]);
    expect(r.confidence).toBe('confirmed');
  });

  it('tracks the ids an evaluation read', () => {
    const r = run(m, 'api', 'any(inbound(self), f => crosses(f))');
    // Boundary chains are recorded as their elements; the analyzer maps boundary edits onto what they contain.
    expect([...r.reads].sort()).toEqual(['$lines', 'api', 'f1', 'user']);
  });
});

describe('quantifiers', () => {
  it('count, any and all over inbound and outbound', () => {
    expect(run(m, 'api', 'count(inbound(self), f => not isSet(f.protocol)) == 1').value).toBe(true);
    expect(run(m, 'api', 'count(outbound(self), f => true) == 1').value).toBe(true);
    expect(run(m, 'db', 'all(outbound(self), f => false)').value).toBe(true);
    expect(run(m, 'db', 'any(outbound(self), f => true)').value).toBe(false);
    expect(run(m, 'api', "any(inbound(self), f => any(outbound(target(f)), g => target(g).type == 'database'))").value).toBe(true);
  });

  it('restores an outer lambda parameter after an inner quantifier', () => {
    expect(run(m, 'api', "any(inbound(self), f => any(inbound(target(f)), g => true) and f.protocol == 'https')").value).toBe(true);
  });
});
