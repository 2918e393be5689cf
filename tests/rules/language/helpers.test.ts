import { describe, expect, it } from 'vitest';
import { el, flow, line, model, zone } from '../engine/factory';
import { ev, run } from './run';

const m = model({
  boundaries: [zone('net', 'internet'), zone('partnerZone', 'partner'), zone('vpc', 'cloudVpc'), zone('host', 'host', 'vpc'), line('wall', 'dmz', ['lined'])],
  elements: [
    el('user', 'actor', 'browser', {}, 'net'),
    el('bin', 'actor', 'exchange', {}),
    el('mine', 'actor', 'exchange', { trust: 'internal' }),
    el('lp', 'process', 'liquidityProvider', {}, 'partnerZone'),
    el('ownLp', 'process', 'liquidityProvider', {}, 'vpc'),
    el('api', 'process', 'apiGateway', {}, 'host'),
    el('svc', 'process', 'process', { exposesApi: true }, 'vpc'),
    el('hidden', 'process', 'process', {}, 'vpc'),
    el('stream', 'process', 'websocketServer', {}, 'vpc'),
    el('mystery', 'process', 'quantumThing', { rateLimiting: true }),
  ],
  flows: [
    flow('f1', 'user', 'api', { protocol: 'https', authentication: 'hmac', data: ['marketData', 'orderBookDiff'] }),
    flow('f2', 'api', 'svc', { protocol: 'http', encryptedInTransit: true, authentication: 'jwt', data: ['orders', 'marketData'] }),
    flow('f3', 'user', 'svc', { protocol: 'wss', initiator: 'src' }),
    flow('f4', 'user', 'hidden', { protocol: 'fix+tls' }),
    flow('f5', 'stream', 'user', { protocol: 'ws', initiator: 'dst' }),
    flow('f6', 'svc', 'hidden', { protocol: 'grpc' }),
    flow('f7', 'svc', 'hidden', {}),
    flow('lined', 'svc', 'hidden', { protocol: 'fix', data: [] }),
  ],
});

const value = (target: string, when: string) => run(m, target, when).value;

describe('helpers', () => {
  it('is: kind or stencil type; unknown types behave as their kind', () => {
    expect(value('api', "is(self, 'process')")).toBe(true);
    expect(value('api', "is(self, 'store', 'apiGateway')")).toBe(true);
    expect(value('api', "is(self, 'actor')")).toBe(false);
    expect(value('mystery', "is(self, 'process') and is(self, 'quantumThing')")).toBe(true);
    expect(value('f1', "is(self, 'flow') and is(source, 'browser')")).toBe(true);
    expect(value('net', "is(self, 'boundary') and is(self, 'internet') and not is(self, 'dmz')")).toBe(true);
  });

  it('on, off, isSet, none', () => {
    expect(value('svc', 'on(self.exposesApi) and not off(self.exposesApi)')).toBe(true);
    expect(value('api', 'off(self.exposesApi) and not on(self.exposesApi)')).toBe(true);
    expect(value('f1', 'isSet(self.protocol) and not isSet(self.timeoutMs)')).toBe(true);
    expect(value('f7', 'none(self.authentication) and none(self.tlsVerify)')).toBe(true);
    expect(value('lined', 'none(self.data)')).toBe(true);
    expect(value('f1', 'none(self.data) or none(self.authentication)')).toBe(false);
    const noAuth = model({ elements: [el('a', 'process'), el('b', 'process')], flows: [flow('f', 'a', 'b', { authentication: 'none', tlsVerify: false })] });
    expect(run(noAuth, 'f', 'none(self.authentication) and none(self.tlsVerify)').value).toBe(true);
  });

  it('has and hasAny; false when the list is unknown', () => {
    expect(value('f2', "has(self.data, 'orders') and hasAny(self.data, ['pii', 'marketData'])")).toBe(true);
    expect(value('f2', "has(self.data, 'pii') or hasAny(self.data, ['pii', 'fills'])")).toBe(false);
    expect(value('f7', "has(self.data, 'orders') or hasAny(self.data, ['orders'])")).toBe(false);
  });

  it("initiator: 'src' by default, without unknown evidence", () => {
    const r = run(m, 'f1', "initiator(self) == 'src'");
    expect(r.value).toBe(true);
    expect(r.confidence).toBe('confirmed');
    expect(value('f5', "initiator(self) == 'dst'")).toBe(true);
    expect(ev(run(m, 'f5', "initiator(self) == 'dst'"))).toEqual(['f5.initiator="dst"']);
  });

  it('enc: explicit setting first, then the protocol, else unknown', () => {
    expect(value('f1', 'enc(self)')).toBe(true);
    expect(ev(run(m, 'f1', 'enc(self)'))).toEqual(['f1.protocol="https"']);
    expect(value('f2', 'enc(self) == true')).toBe(true);
    expect(ev(run(m, 'f2', 'enc(self)'))).toEqual(['f2.encryptedInTransit=true']);
    expect(value('f5', 'enc(self) == false')).toBe(true);
    expect(value('f6', 'enc(self) == false or enc(self) == true')).toBe(false);
    const r = run(m, 'f7', 'not enc(self)');
    expect(r.value).toBe(true);
    expect(ev(r)).toEqual(['f7.protocol=?', 'f7.encryptedInTransit=?']);
    expect(r.confidence).toBe('unverified');
  });

  it('crosses: any boundary, or one of a type; line boundaries count', () => {
    expect(value('f1', "crosses(self) and crosses(self, 'internet') and crosses(self, 'host')")).toBe(true);
    expect(value('f1', "crosses(self, 'dmz')")).toBe(false);
    expect(value('f6', 'crosses(self)')).toBe(false);
    expect(value('lined', "crosses(self) and crosses(self, 'dmz')")).toBe(true);
  });

  it('isWs, isFix, signed', () => {
    expect(value('f3', 'isWs(self)')).toBe(true);
    expect(value('f5', 'isWs(self)')).toBe(true);
    expect(value('f4', 'isFix(self) and not isWs(self)')).toBe(true);
    expect(value('lined', 'isFix(self)')).toBe(true);
    expect(value('f7', 'isWs(self) or isFix(self) or signed(self)')).toBe(false);
    expect(value('f1', 'signed(self)')).toBe(true);
    expect(value('f2', 'signed(self)')).toBe(false);
  });

  it('sensitiveData and onlyPublicData', () => {
    expect(value('f2', 'sensitiveData(self.data) and not onlyPublicData(self)')).toBe(true);
    expect(value('f1', 'onlyPublicData(self) and not sensitiveData(self.data)')).toBe(true);
    expect(value('lined', 'onlyPublicData(self) or sensitiveData(self.data)')).toBe(false);
    expect(value('f7', 'onlyPublicData(self) or sensitiveData(self.data)')).toBe(false);
  });

  it('thirdParty: third-party types that are outside, unless internal', () => {
    expect(value('bin', 'thirdParty(self)')).toBe(true);
    expect(value('mine', 'thirdParty(self)')).toBe(false);
    expect(value('lp', 'thirdParty(self)')).toBe(true);
    expect(value('ownLp', 'thirdParty(self)')).toBe(false);
    expect(value('user', 'thirdParty(self)')).toBe(false);
  });

  it('exposedApi: API types or exposesApi, with an externally initiated crossing flow', () => {
    expect(value('api', 'exposedApi(self)')).toBe(true);
    expect(value('svc', 'exposedApi(self)')).toBe(true);
    expect(value('hidden', 'exposedApi(self)')).toBe(false);
    expect(value('stream', 'exposedApi(self)')).toBe(true);
    expect(value('user', 'exposedApi(self)')).toBe(false);
    expect(value('mystery', 'exposedApi(self)')).toBe(false);
  });

  it('inbound, outbound, source, target', () => {
    expect(value('svc', 'count(inbound(self), f => true) == 2 and count(outbound(self), f => true) == 3')).toBe(true);
    expect(value('f2', "source(self) == source and target(self).name == 'svc'")).toBe(true);
    expect(value('f2', 'on(source(self).exposesApi) or on(target(self).exposesApi)')).toBe(true);
  });
});
