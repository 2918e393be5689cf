import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PACK_IDS, createBoundary, createElement, createFlow, createModel, createNote } from '../../src/model/document';
import { isUuid, newId } from '../../src/model/ids';
import { findInvariantViolations } from '../../src/model/invariants';
import { getStencil } from '../../src/model/stencils';

describe('createModel', () => {
  it('makes an empty, valid model with one diagram and every built-in pack enabled', () => {
    const m = createModel({ name: 'Exchange', owner: 'sec' });
    expect(m).toMatchObject({ name: 'Exchange', owner: 'sec', description: '', elements: [], flows: [], boundaries: [], notes: [], triage: {}, manualThreats: [] });
    expect(m.diagrams).toEqual([{ id: expect.any(String), name: 'Main' }]);
    expect(m.rulePacks).toEqual({ enabled: ['stride', 'owasp-api', 'trading', 'custody', 'defi'], disabledRules: [], custom: [] });
    expect(m.rulePacks.enabled).not.toBe(BUILTIN_PACK_IDS);
    expect(m.createdAt).toBe(m.updatedAt);
    expect(isUuid(m.id)).toBe(true);
    expect(findInvariantViolations(m)).toEqual([]);
  });
});

describe('item factories', () => {
  it('createElement takes kind, name and defaults from the stencil, sharing nothing with it', () => {
    const e = createElement({ diagramId: 'd', type: 'riskEngine' });
    expect(e).toMatchObject({ kind: 'process', type: 'riskEngine', name: 'Risk engine', boundaryId: null, position: { x: 0, y: 0 }, props: { handles: ['riskLimits'] } });
    (e.props.handles as string[]).push('admin');
    expect(getStencil('riskEngine')!.defaults.handles).toEqual(['riskLimits']);
  });

  it('createElement: explicit props replace defaults; unknown types keep their kind', () => {
    expect(createElement({ diagramId: 'd', type: 'apiGateway', props: {} }).props).toEqual({});
    expect(createElement({ diagramId: 'd', type: 'GE.P.x', kind: 'store' })).toMatchObject({ type: 'GE.P.x', kind: 'store', name: 'Data store' });
    expect(createElement({ diagramId: 'd' })).toMatchObject({ type: 'process', kind: 'process' });
    expect(createElement({ diagramId: 'd', kind: 'actor' }).type).toBe('actor');
  });

  it('createBoundary makes zones and lines', () => {
    expect(createBoundary({ diagramId: 'd', type: 'internet' })).toMatchObject({ shape: 'zone', name: 'Internet', parentId: null, size: { width: 420, height: 300 } });
    const line = createBoundary({ diagramId: 'd', shape: 'line', position: { x: 10, y: 10 } });
    expect(line).toMatchObject({ shape: 'line', crossedBy: [], points: [{ x: 10, y: 10 }, { x: 310, y: 10 }] });
  });

  it('createFlow and createNote fill defaults', () => {
    expect(createFlow({ source: 'a', target: 'b' })).toEqual({ id: expect.any(String), source: 'a', target: 'b', name: '', props: {} });
    expect(createNote({ diagramId: 'd', text: 'x' })).toMatchObject({ text: 'x', position: { x: 0, y: 0 } });
  });
});

describe('newId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes distinct UUIDs', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isUuid(id)).toBe(true);
  });

  it('works where crypto.randomUUID is missing (plain-http pages)', () => {
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a.fill(0xab) });
    const id = newId();
    expect(id).toBe('abababab-abab-4bab-abab-abababababab');
    expect(isUuid(id)).toBe(true);
  });
});
