/**
 * Incremental analysis must equal full analysis after every edit of a random edit sequence, on random
 * documents (nested boundaries, line boundaries, flows, properties drawn from the declarations).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedIds } from '../../../src/model/diff';
import type { Boundary, ElementKind, Flow, ModelElement, PropValue, ThreatModel } from '../../../src/model/types';
import { analyze, createAnalyzer } from '../../../src/rules/engine';
import { el, flow, model, pack, rule, zone } from './factory';

const testPack = pack([
  rule('N1', ['process'], 'exposedApi(self) and off(self.rateLimiting)', {
    stride: 'S',
    mitigations: [{ key: 'rl', text: 'Limit.', controls: [{ property: 'rateLimiting', value: true }] }],
  }),
  rule('N2', ['process', 'actor'], "any(inbound(self), f => crosses(f, 'internet') and not enc(f))", { stride: 'I' }),
  rule('N3', ['process'], 'count(outbound(self), f => thirdParty(target(f))) >= 1 and all(inbound(self), f => signed(f))', { stride: 'E' }),
  rule('N4', ['store'], 'any(inbound(self), f => any(inbound(source(f)), g => crosses(g)))', { stride: 'T', severity: 'low' }),
  rule('N5', ['tradingBot', 'signingService'], "on(self.holdsPrivateKeys) or has(self.keyPermissions, 'withdraw')", { stride: 'T', severity: 'high' }),
  rule('F1', ['flow'], 'crosses(self) and enc(self) == false', {
    stride: 'I',
    mitigations: [{ key: 'tls', text: 'TLS.', controls: [{ property: 'encryptedInTransit', value: true }] }],
  }),
  rule('F2', ['flow'], "is(source, 'actor') and off(target.originValidation) and isWs(self)", {
    stride: 'S',
    mitigations: [{ key: 'origin', text: 'Origin.', controls: [{ property: 'originValidation', value: true }] }],
  }),
  rule('F3', ['flow'], 'any(inbound(source(self)), g => sensitiveData(g.data)) and none(self.authentication)', { stride: 'R' }),
  rule('F4', ['flow'], "exposedApi(target) and initiator(self) == 'src' and not (self.timeoutMs > 100)", { stride: 'D' }),
  rule('G1', ['process'], "is(self, 'tradingBot', 'signingService') and off(self.rateLimiting)", {
    mitigations: [{ key: 'rl', text: 'Limit.', controls: [{ property: 'rateLimiting', value: true }] }],
  }),
  rule('G2', ['flow'], 'isWs(self) and none(self.authentication)', {
    mitigations: [{ key: 'auth', text: 'Sign.', controls: [{ property: 'authentication', value: 'hmac' }] }],
  }),
  rule('B1', ['boundary'], "off(self.inScope) and self.type == 'internet'", { stride: 'I', severity: 'info' }),
  rule('B2', ['boundary', 'cloudVpc'], "self.name != ''"),
]);

/** The same rules with their guards defeated (a top-level `or`): the engine's guard skipping must not show. */
const unguardedPack = { ...testPack, rules: testPack.rules.map((r) => ({ ...r, when: `(${r.when}) or false` })) };

const BOUNDARY_TYPES = ['internet', 'cloudVpc', 'partner', 'host', 'dmz'];
const STENCILS: [ElementKind, string][] = [
  ['process', 'process'], ['process', 'apiGateway'], ['process', 'tradingBot'], ['process', 'signingService'],
  ['process', 'websocketServer'], ['actor', 'actor'], ['actor', 'exchange'], ['actor', 'browser'], ['store', 'database'],
  ['process', 'liquidityProvider'],
];
const PROPS: [string, PropValue[]][] = [
  ['rateLimiting', [true, false]],
  ['exposesApi', [true, false]],
  ['holdsPrivateKeys', [true, false]],
  ['outOfScope', [true, false]],
  ['originValidation', [true, false]],
  ['trust', ['internal', 'partner', 'untrusted']],
  ['keyPermissions', [['read'], ['trade', 'withdraw'], ['transfer']]],
  ['protocol', ['https', 'http', 'ws', 'wss', 'grpc']],
  ['encryptedInTransit', [true, false]],
  ['authentication', ['none', 'hmac', 'jwt']],
  ['data', [['orders'], ['marketData'], []]],
  ['initiator', ['src', 'dst']],
  ['timeoutMs', [50, 500]],
  ['inScope', [true, false]],
];

/** A random choice, drawn as an index so that shrinking works. */
const pick = fc.nat({ max: 1000 });
const propEdit = fc.tuple(pick, pick, fc.boolean());

interface Spec {
  boundaries: { parent: number; type: number; line: boolean; props: [number, number, boolean][] }[];
  elements: { stencil: number; boundary: number; props: [number, number, boolean][] }[];
  flows: { source: number; target: number; props: [number, number, boolean][] }[];
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  boundaries: fc.array(fc.record({ parent: pick, type: pick, line: fc.boolean(), props: fc.array(propEdit, { maxLength: 2 }) }), { maxLength: 5 }),
  elements: fc.array(fc.record({ stencil: pick, boundary: pick, props: fc.array(propEdit, { maxLength: 4 }) }), { minLength: 1, maxLength: 8 }),
  flows: fc.array(fc.record({ source: pick, target: pick, props: fc.array(propEdit, { maxLength: 4 }) }), { maxLength: 12 }),
});

function applyProps(edits: [number, number, boolean][]): Record<string, PropValue> {
  const props: Record<string, PropValue> = {};
  for (const [p, v, set] of edits) {
    const [name, values] = PROPS[p % PROPS.length];
    if (set) props[name] = values[v % values.length];
  }
  return props;
}

function build(spec: Spec): ThreatModel {
  const boundaries: Boundary[] = spec.boundaries.map((b, i) => {
    // Parents point anywhere, cycles included: the graph must cope with what imports can contain.
    const parent = b.parent % (spec.boundaries.length + 1);
    const z = zone(`b${i}`, BOUNDARY_TYPES[b.type % BOUNDARY_TYPES.length], parent === spec.boundaries.length || parent === i ? null : `b${parent}`, applyProps(b.props));
    return b.line ? { ...z, shape: 'line' as const, parentId: null, crossedBy: [] } : z;
  });
  const elements: ModelElement[] = spec.elements.map((e, i) => {
    const [kind, type] = STENCILS[e.stencil % STENCILS.length];
    const bi = e.boundary % (boundaries.length + 1);
    return el(`e${i}`, kind, type, applyProps(e.props), bi === boundaries.length ? null : `b${bi}`);
  });
  const flows: Flow[] = spec.flows.map((f, i) => flow(`f${i}`, `e${f.source % elements.length}`, `e${f.target % elements.length}`, applyProps(f.props)));
  const lines = boundaries.filter((b) => b.shape === 'line');
  lines.forEach((l, i) => (l.crossedBy = flows.filter((_, j) => j % (i + 2) === 0).map((f) => f.id)));
  return model({ elements, flows, boundaries });
}

type Edit = { op: number; a: number; b: number; c: number; flag: boolean };
const editArb: fc.Arbitrary<Edit> = fc.record({ op: fc.nat({ max: 14 }), a: pick, b: pick, c: pick, flag: fc.boolean() });
/** Boundary ids that edits may point at before they exist (dangling, as imports can leave them). */
const FUTURE = ['nb0', 'nb1', 'nb2'];

function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  const copy = list.slice();
  copy[i] = item;
  return copy;
}

function setProp<T extends { props: Record<string, PropValue> }>(item: T, p: number, v: number, set: boolean): T {
  const [name, values] = PROPS[p % PROPS.length];
  const props = { ...item.props };
  if (set) props[name] = values[v % values.length];
  else delete props[name];
  return { ...item, props };
}

let counter = 0;

/** Applies one edit with structural sharing (untouched items keep their identity, as operations.ts does). */
function edit(m: ThreatModel, e: Edit): ThreatModel {
  const els = m.elements;
  const bs = m.boundaries;
  const fs = m.flows;
  switch (e.op) {
    case 0: {
      if (!els.length) return m;
      const i = e.a % els.length;
      return { ...m, elements: replaceAt(els, i, setProp(els[i], e.b, e.c, e.flag)) };
    }
    case 1: {
      if (!fs.length) return m;
      const i = e.a % fs.length;
      return { ...m, flows: replaceAt(fs, i, setProp(fs[i], e.b, e.c, e.flag)) };
    }
    case 2: {
      if (!bs.length) return m;
      const i = e.a % bs.length;
      return { ...m, boundaries: replaceAt(bs, i, setProp(bs[i], e.b, e.c, e.flag)) };
    }
    case 3: {
      if (!els.length) return m;
      const f = flow(`nf${counter++}`, els[e.a % els.length].id, els[e.b % els.length].id, e.flag ? { protocol: 'http' } : { protocol: 'wss', data: ['orders'] });
      return { ...m, flows: [...fs, f] };
    }
    case 4: {
      if (!fs.length) return m;
      const gone = fs[e.a % fs.length].id;
      return { ...m, flows: fs.filter((f) => f.id !== gone), boundaries: bs.map((b) => (b.crossedBy?.includes(gone) ? { ...b, crossedBy: b.crossedBy.filter((x) => x !== gone) } : b)) };
    }
    case 5: {
      const [kind, type] = STENCILS[e.a % STENCILS.length];
      const parent = bs.length && e.flag ? bs[e.b % bs.length].id : null;
      return { ...m, elements: [...els, el(`ne${counter++}`, kind, type, e.c % 2 ? { exposesApi: true } : {}, parent)] };
    }
    case 6: {
      if (els.length <= 1) return m;
      const gone = els[e.a % els.length].id;
      const flows = fs.filter((f) => f.source !== gone && f.target !== gone);
      return { ...m, elements: els.filter((x) => x.id !== gone), flows: flows.length === fs.length ? fs : flows };
    }
    case 7: {
      if (!els.length) return m;
      const i = e.a % els.length;
      const parent = e.c % 4 === 0 ? FUTURE[e.b % FUTURE.length] : bs.length && e.flag ? bs[e.b % bs.length].id : null;
      return { ...m, elements: replaceAt(els, i, { ...els[i], boundaryId: parent }) };
    }
    case 8: {
      if (!bs.length) return m;
      const i = e.a % bs.length;
      const parent = e.flag ? bs[e.b % bs.length].id : null;
      return { ...m, boundaries: replaceAt(bs, i, { ...bs[i], parentId: parent }) };
    }
    case 9: {
      if (!bs.length) return m;
      const i = e.a % bs.length;
      return { ...m, boundaries: replaceAt(bs, i, { ...bs[i], type: BOUNDARY_TYPES[e.b % BOUNDARY_TYPES.length] }) };
    }
    case 10: {
      if (!els.length) return m;
      const i = e.a % els.length;
      const [kind, type] = STENCILS[e.b % STENCILS.length];
      return { ...m, elements: replaceAt(els, i, { ...els[i], kind, type }) };
    }
    case 11: {
      if (!fs.length || !els.length) return m;
      const i = e.a % fs.length;
      const end = e.flag ? 'source' : 'target';
      return { ...m, flows: replaceAt(fs, i, { ...fs[i], [end]: els[e.b % els.length].id }) };
    }
    case 13: {
      // Remove a boundary and leave its children pointing at it (a dangling parent, as an import can leave).
      if (!bs.length) return m;
      const gone = bs[e.a % bs.length].id;
      return { ...m, boundaries: bs.filter((b) => b.id !== gone) };
    }
    case 14: {
      const free = FUTURE.filter((id) => !bs.some((b) => b.id === id));
      if (!free.length) return m;
      const id = free[e.a % free.length];
      const parent = bs.length && e.flag ? bs[e.b % bs.length].id : e.c % 3 === 0 ? FUTURE[e.c % FUTURE.length] : null;
      return { ...m, boundaries: [...bs, zone(id, BOUNDARY_TYPES[e.c % BOUNDARY_TYPES.length], parent === id ? null : parent, e.flag ? { inScope: false } : {})] };
    }
    default: {
      // A line boundary gains or loses a crossing flow; or, without lines, the disabled rules change.
      const li = bs.findIndex((b) => b.shape === 'line');
      if (li < 0 || !fs.length) {
        const ids = ['N1', 'F1', 'N4'];
        return { ...m, rulePacks: { ...m.rulePacks, disabledRules: e.flag ? [ids[e.a % 3]] : [] } };
      }
      const id = fs[e.a % fs.length].id;
      const crossed = bs[li].crossedBy ?? [];
      const next = crossed.includes(id) ? crossed.filter((x) => x !== id) : [...crossed, id];
      return { ...m, boundaries: replaceAt(bs, li, { ...bs[li], crossedBy: next }) };
    }
  }
}

describe('incremental analysis', () => {
  it('equals full analysis after every step of random edit sequences', () => {
    fc.assert(
      fc.property(specArb, fc.array(editArb, { minLength: 1, maxLength: 25 }), (spec, edits) => {
        let current = build(spec);
        // A tiny compaction slack exercises the reverse index's clean-up on every few edits.
        const analyzer = createAnalyzer([testPack], { compactSlack: spec.elements.length % 2 ? 0 : 1_000_000 });
        expect(analyzer.full(current)).toEqual(analyze(current, [testPack]));
        for (const e of edits) {
          const next = edit(current, e);
          const changed = changedIds(current, next);
          const incremental = analyzer.update(next, changed);
          const fresh = createAnalyzer([testPack]).full(next);
          expect(incremental).toEqual(fresh);
          expect(fresh).toEqual(analyze(next, [testPack]));
          expect(analyze(next, [unguardedPack])).toEqual(fresh);
          current = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('produces findings on the generated documents (the property is not vacuous)', () => {
    const samples = fc.sample(specArb, { numRuns: 200, seed: 42 });
    const fired = new Set<string>();
    for (const s of samples) {
      const a = analyze(build(s), [testPack]);
      for (const f of a.findings) fired.add(f.ruleId);
      for (const m of a.mitigated) fired.add(`mitigated:${m.ruleId}`);
    }
    for (const id of ['N1', 'N2', 'N3', 'N4', 'N5', 'F1', 'F2', 'F3', 'F4', 'G1', 'G2', 'B1', 'B2', 'mitigated:F1', 'mitigated:G1', 'mitigated:G2']) {
      expect(fired, id).toContain(id);
    }
  });

  it('re-evaluates only what depends on the change', () => {
    const m = model({
      boundaries: [zone('net', 'internet')],
      elements: [el('u', 'actor', 'browser', {}, 'net'), el('api', 'process', 'apiGateway'), el('far', 'process', 'process')],
      flows: [flow('f', 'u', 'api', { protocol: 'http' })],
    });
    const analyzer = createAnalyzer([testPack]);
    const first = analyzer.full(m);
    expect(first.findings.map((f) => f.id)).toContain('N1@api');
    const next = { ...m, elements: m.elements.map((e) => (e.id === 'api' ? { ...e, props: { rateLimiting: true } } : e)) };
    const second = analyzer.update(next, new Set(['api']));
    expect(second.findings.map((f) => f.id)).not.toContain('N1@api');
    expect(second.mitigated.map((x) => x.id)).toContain('N1@api');
    expect(second).toEqual(analyze(next, [testPack]));
    expect(analyzer.update(next, new Set(['api']))).toBe(second);
  });

  it('keeps unchanged results identical, so consumers can compare by reference', () => {
    const m = model({
      elements: [el('api', 'process', 'apiGateway'), el('bot', 'process', 'tradingBot', { holdsPrivateKeys: true }), el('bot2', 'process', 'tradingBot', { holdsPrivateKeys: true })],
      flows: [flow('f', 'bot', 'api', { protocol: 'http' })],
    });
    const analyzer = createAnalyzer([testPack]);
    const first = analyzer.full(m);
    const botFinding = first.findings.find((f) => f.id === 'N5@bot');
    expect(botFinding).toBeDefined();
    // A property no rule reads: nothing changes, the very same Analysis comes back.
    const quiet = { ...m, elements: m.elements.map((e) => (e.id === 'api' ? { ...e, props: { dualControl: true } } : e)) };
    expect(analyzer.update(quiet, changedIds(m, quiet))).toBe(first);
    // A property that changes one finding (its severity reason): the other findings keep their objects.
    const loud = { ...quiet, elements: quiet.elements.map((e) => (e.id === 'bot2' ? { ...e, props: { ...e.props, keyPermissions: ['withdraw'] } } : e)) };
    const third = analyzer.update(loud, changedIds(quiet, loud));
    expect(third).not.toBe(first);
    expect(third.findings.find((f) => f.id === 'N5@bot')).toBe(botFinding);
    expect(third.findings.find((f) => f.id === 'N5@bot2')).not.toBe(first.findings.find((f) => f.id === 'N5@bot2'));
    expect(third).toEqual(analyze(loud, [testPack]));
  });
});
