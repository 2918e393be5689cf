import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  collectUnder,
  createPatchableGraph,
  flowCrosses,
  getBoundaryChain,
  getCrossedBoundaries,
  getInbound,
  getOutbound,
  patchGraph,
} from '../../src/model/graph';
import type { ThreatModel } from '../../src/model/types';
import { el, flow, line, model, zone } from '../rules/engine/factory';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

function sample(): ThreatModel {
  return model({
    boundaries: [zone('net', 'internet'), zone('vpc', 'cloudVpc'), zone('host', 'host', 'vpc'), line('fw', 'dmz', ['f2'])],
    elements: [
      el('user', 'actor', 'browser', {}, 'net'),
      el('api', 'process', 'apiGateway', {}, 'host'),
      el('db', 'store', 'database', {}, 'vpc'),
      el('loose', 'process'),
    ],
    flows: [flow('f1', 'user', 'api'), flow('f2', 'api', 'db'), flow('f3', 'api', 'loose'), flow('dangling', 'api', 'missing')],
  });
}

describe('graph', () => {
  it('is cached per model object', () => {
    const m = sample();
    expect(buildGraph(m)).toBe(buildGraph(m));
    expect(buildGraph({ ...m })).not.toBe(buildGraph(m));
  });

  it('gives boundary chains innermost first', () => {
    const m = sample();
    expect(ids(getBoundaryChain(m, 'api'))).toEqual(['host', 'vpc']);
    expect(ids(getBoundaryChain(m, 'loose'))).toEqual([]);
    expect(ids(getBoundaryChain(m, 'host'))).toEqual(['host', 'vpc']);
  });

  it('survives a parent cycle and a dangling parent', () => {
    const m = model({
      boundaries: [zone('a', 'host', 'b'), zone('b', 'host', 'a'), zone('c', 'host', 'gone')],
      elements: [el('x', 'process', 'process', {}, 'a'), el('y', 'process', 'process', {}, 'c')],
    });
    expect(ids(getBoundaryChain(m, 'x'))).toEqual(['a', 'b']);
    expect(ids(getBoundaryChain(m, 'y'))).toEqual(['c']);
  });

  it('computes crossings as the symmetric difference of zone chains plus line boundaries', () => {
    const m = sample();
    expect(ids(getCrossedBoundaries(m, 'f1'))).toEqual(['net', 'host', 'vpc']);
    expect(ids(getCrossedBoundaries(m, 'f2'))).toEqual(['host', 'fw']);
    expect(ids(getCrossedBoundaries(m, 'f3'))).toEqual(['host', 'vpc']);
    expect(getCrossedBoundaries(m, 'nope')).toEqual([]);
    expect(flowCrosses(m, m.flows[0], 'internet')).toBe(true);
    expect(flowCrosses(m, m.flows[1], 'internet')).toBe(false);
    expect(flowCrosses(m, m.flows[1], 'dmz')).toBe(true);
    expect(flowCrosses(m, m.flows[1])).toBe(true);
  });

  it('does not count a shared zone as crossed', () => {
    const m = model({
      boundaries: [zone('vpc', 'cloudVpc')],
      elements: [el('a', 'process', 'process', {}, 'vpc'), el('b', 'store', 'store', {}, 'vpc')],
      flows: [flow('f', 'a', 'b')],
    });
    expect(getCrossedBoundaries(m, 'f')).toEqual([]);
  });

  it('indexes inbound and outbound flows, leaving dangling flows out', () => {
    const m = sample();
    expect(ids(getOutbound(m, 'api'))).toEqual(['f2', 'f3']);
    expect(ids(getInbound(m, 'api'))).toEqual(['f1']);
    expect(getInbound(m, 'missing')).toEqual([]);
  });

  it('collects the elements and boundaries inside given boundaries', () => {
    const m = sample();
    const out = new Set<string>();
    collectUnder(buildGraph(m), new Set(['vpc']), out);
    expect([...out].sort()).toEqual(['api', 'db', 'host', 'vpc']);
    const none = new Set<string>();
    collectUnder(buildGraph(m), new Set(), none);
    expect(none.size).toBe(0);
  });

  it('patches a private graph to match a freshly built one', () => {
    const prev = sample();
    const graph = createPatchableGraph(prev);
    getCrossedBoundaries(prev, 'f1');
    const next: ThreatModel = {
      ...prev,
      elements: [
        ...prev.elements.filter((e) => e.id !== 'loose').map((e) => (e.id === 'user' ? { ...e, boundaryId: null } : e)),
        el('new', 'store'),
      ],
      flows: [...prev.flows.filter((f) => f.id !== 'f3'), flow('f4', 'new', 'api')],
      boundaries: prev.boundaries.map((b) => (b.id === 'host' ? { ...b, parentId: null } : b)),
    };
    patchGraph(graph, next, new Set(['loose', 'user', 'new', 'f3', 'f4', 'host']));
    const fresh = createPatchableGraph(next);
    for (const id of ['user', 'api', 'db', 'new']) {
      expect(ids([...(graph.inbound.get(id) ?? [])]).sort()).toEqual(ids([...(fresh.inbound.get(id) ?? [])]).sort());
      expect(ids([...(graph.outbound.get(id) ?? [])]).sort()).toEqual(ids([...(fresh.outbound.get(id) ?? [])]).sort());
    }
    expect([...graph.elements.keys()].sort()).toEqual([...fresh.elements.keys()].sort());
    expect([...graph.flows.keys()].sort()).toEqual([...fresh.flows.keys()].sort());
    expect(ids(getCrossedBoundaries(next, 'f1'))).toEqual(['host']);
  });
});
