// Pure parts of the canvas (document → React Flow nodes/edges, flow geometry, shortcuts, palette tokens,
// auto-layout). They live with the store tests because the canvas has no test folder of its own yet.
import { describe, expect, it } from 'vitest';
import { planAutoLayout } from '../../src/canvas/autoLayout';
import { FlowElementsBuilder } from '../../src/canvas/buildFlowElements';
import { floatingLine, rectCrossings } from '../../src/canvas/edges/edgeGeometry';
import { addPaletteItem, parseToken, toToken } from '../../src/canvas/paletteItems';
import { findShortcut, isTypingTarget } from '../../src/canvas/shortcuts';
import { createBoundary, createElement, createFlow } from '../../src/model/document';
import type { ThreatModel } from '../../src/model/types';
import { doc, emptyModel, ids, loadedStore } from './factory';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

function scene(): ThreatModel {
  const m = emptyModel();
  m.boundaries.push(
    createBoundary({ id: 'outer', diagramId: ids.main, type: 'cloudVpc', position: { x: 100, y: 100 }, size: { width: 800, height: 600 } }),
    createBoundary({ id: 'inner', diagramId: ids.main, type: 'host', parentId: 'outer', position: { x: 150, y: 200 }, size: { width: 300, height: 300 } }),
  );
  m.elements.push(
    createElement({ id: 'out', diagramId: ids.main, type: 'tradingBot', position: { x: -300, y: 150 } }),
    createElement({ id: 'mid', diagramId: ids.main, type: 'apiGateway', boundaryId: 'outer', position: { x: 600, y: 150 } }),
    createElement({ id: 'deep', diagramId: ids.main, type: 'signingService', boundaryId: 'inner', position: { x: 200, y: 300 } }),
    createElement({ id: 'other', diagramId: ids.detail, type: 'wallet', position: { x: 0, y: 0 } }),
  );
  m.flows.push(
    createFlow({ id: 'in', source: 'out', target: 'mid', name: 'orders' }),
    createFlow({ id: 'back', source: 'mid', target: 'out', name: 'acks' }),
    createFlow({ id: 'sign', source: 'mid', target: 'deep', name: 'sign' }),
  );
  return m;
}

describe('document → React Flow nodes', () => {
  it('puts parents before children with parent-relative positions and no extent', () => {
    const nodes = new FlowElementsBuilder().buildNodes(scene(), ids.main, new Set());
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    expect(nodes.map((n) => n.id).sort()).toEqual(['deep', 'inner', 'mid', 'out', 'outer']);
    for (const n of nodes) if (n.parentId) expect(index.get(n.parentId)!).toBeLessThan(index.get(n.id)!);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('inner')).toMatchObject({ parentId: 'outer', position: { x: 50, y: 100 } });
    expect(byId.get('deep')).toMatchObject({ parentId: 'inner', position: { x: 50, y: 100 } });
    expect(byId.get('out')!.parentId).toBeUndefined();
    expect(nodes.every((n) => n.extent === undefined)).toBe(true);
  });

  it('reuses node objects whose inputs did not change and carries selection', () => {
    const builder = new FlowElementsBuilder();
    const model = scene();
    const first = builder.buildNodes(model, ids.main, new Set());
    const moved = { ...model, elements: model.elements.map((e) => (e.id === 'out' ? { ...e, position: { x: 0, y: 0 } } : e)) };
    const second = builder.buildNodes(moved, ids.main, new Set(['mid']));
    const find = (list: typeof first, id: string) => list.find((n) => n.id === id)!;
    expect(find(second, 'deep')).toBe(find(first, 'deep'));
    expect(find(second, 'out')).not.toBe(find(first, 'out'));
    expect(find(second, 'mid').selected).toBe(true);
  });

  it('moving a zone keeps its children as they are (their relative positions do not change)', () => {
    const builder = new FlowElementsBuilder();
    const store = loadedStore(scene());
    const first = builder.buildNodes(doc(store), ids.main, new Set());
    store.getState().moveItems([{ id: 'outer', position: { x: 130, y: 90 } }]);
    const second = builder.buildNodes(doc(store), ids.main, new Set());
    const find = (list: typeof first, id: string) => list.find((n) => n.id === id)!;
    expect(find(second, 'outer').position).toEqual({ x: 130, y: 90 });
    expect(find(second, 'inner').position).toEqual(find(first, 'inner').position);
    expect(find(second, 'deep').position).toEqual(find(first, 'deep').position);
  });
});

describe('what a document change hands React Flow', () => {
  it('keeps the very same node and edge arrays when a property changes (nothing drawn depends on it)', () => {
    const builder = new FlowElementsBuilder();
    const store = loadedStore(scene());
    const nodes = builder.buildNodes(doc(store), ids.main, new Set());
    const edges = builder.buildEdges(doc(store), ids.main, new Set());
    const before = doc(store);
    store.getState().setProperty('mid', 'rateLimiting', true);
    store.getState().setProperty('in', 'authentication', 'hmac');
    expect(doc(store).elements).not.toBe(before.elements);
    expect(doc(store).flows).not.toBe(before.flows);
    expect(builder.buildNodes(doc(store), ids.main, new Set())).toBe(nodes);
    expect(builder.buildEdges(doc(store), ids.main, new Set())).toBe(edges);
  });

  it('rebuilds only what a rename changes', () => {
    const builder = new FlowElementsBuilder();
    const store = loadedStore(scene());
    const nodes = builder.buildNodes(doc(store), ids.main, new Set());
    const edges = builder.buildEdges(doc(store), ids.main, new Set());
    store.getState().updateItem('mid', { name: 'Edge gateway' });
    store.getState().updateItem('sign', { name: 'sign order' });
    const nodes2 = builder.buildNodes(doc(store), ids.main, new Set());
    const edges2 = builder.buildEdges(doc(store), ids.main, new Set());
    expect(nodes2).not.toBe(nodes);
    expect(nodes2.filter((n, i) => n !== nodes[i]).map((n) => n.id)).toEqual(['mid']);
    expect(nodes2.find((n) => n.id === 'mid')!.data).toMatchObject({ element: { name: 'Edge gateway' } });
    expect(edges2.filter((e, i) => e !== edges[i]).map((e) => e.id)).toEqual(['sign']);
    expect(edges2.find((e) => e.id === 'sign')!.data!.flow.name).toBe('sign order');
  });

  it('recomputes the crossings of the flows of an element that changes zone', () => {
    const builder = new FlowElementsBuilder();
    const store = loadedStore(scene());
    const before = builder.buildEdges(doc(store), ids.main, new Set());
    expect(before.find((e) => e.id === 'sign')!.data!.crossings.map((c) => c.boundaryId)).toEqual(['inner']);
    store.getState().setParent('deep', 'outer');
    const after = builder.buildEdges(doc(store), ids.main, new Set());
    expect(after.find((e) => e.id === 'sign')!.data!.crossings).toEqual([]);
    expect(after.find((e) => e.id === 'in')).toBe(before.find((e) => e.id === 'in'));
    // A flow that gets a new source crosses what its new endpoints say.
    store.getState().updateItem('sign', { target: 'out' });
    const rewired = builder.buildEdges(doc(store), ids.main, new Set());
    expect(rewired.find((e) => e.id === 'sign')!.data!.crossings.map((c) => c.boundaryId)).toEqual(['outer']);
  });
});

describe('document → React Flow edges', () => {
  it('lists crossed boundaries and offsets flows between the same pair to opposite sides', () => {
    const edges = new FlowElementsBuilder().buildEdges(scene(), ids.main, new Set());
    const byId = new Map(edges.map((e) => [e.id, e]));
    expect(byId.get('in')!.data!.crossings.map((c) => c.boundaryId)).toEqual(['outer']);
    expect(byId.get('sign')!.data!.crossings.map((c) => c.boundaryId)).toEqual(['inner']);
    const a = byId.get('in')!.data!.offset;
    const b = byId.get('back')!.data!.offset;
    expect(a).not.toBe(0);
    // Opposite directions: equal own-normal offsets put the two lines on different sides.
    expect(a).toBe(b);
    expect(byId.get('sign')!.data!.offset).toBe(0);
  });

  it('draws a flow from border to border, and finds where it crosses a zone', () => {
    const line = floatingLine({ x: 0, y: 0, width: 100, height: 50 }, { x: 300, y: 0, width: 100, height: 50 }, 0);
    expect(line.start).toEqual({ x: 100, y: 25 });
    expect(line.end).toEqual({ x: 300, y: 25 });
    expect(rectCrossings(line.start, line.end, { x: 200, y: -100, width: 500, height: 500 })).toEqual([{ x: 200, y: 25 }]);
  });
});

describe('shortcuts', () => {
  it('maps key events to the table', () => {
    expect(findShortcut(key('z', { ctrl: true }))?.id).toBe('undo');
    expect(findShortcut(key('z', { meta: true }))?.id).toBe('undo');
    expect(findShortcut(key('Z', { ctrl: true, shift: true }))?.id).toBe('redo');
    expect(findShortcut(key('y', { ctrl: true }))?.id).toBe('redo');
    expect(findShortcut(key('Delete'))?.id).toBe('delete');
    expect(findShortcut(key('Backspace'))?.id).toBe('delete');
    expect(findShortcut(key('?', { shift: true }))?.id).toBe('help');
    expect(findShortcut(key('!', { shift: true }))?.id).toBe('fit');
    expect(findShortcut(key('d', { ctrl: true }))?.id).toBe('duplicate');
    expect(findShortcut(key('q'))).toBeUndefined();
  });

  it('treats inputs, text areas and editable content as typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('palette items', () => {
  it('round-trips drag tokens and rejects junk', () => {
    for (const item of [{ kind: 'element', stencilId: 'hsm' }, { kind: 'boundary', type: 'dmz' }, { kind: 'note' }] as const) {
      expect(parseToken(toToken(item))).toEqual(item);
    }
    expect(parseToken('script:alert')).toBeNull();
    expect(parseToken('element:')).toBeNull();
  });

  it('adds an item centred on the drop point', () => {
    const store = loadedStore();
    const id = addPaletteItem(store, { kind: 'element', stencilId: 'exchange' }, { x: 500, y: 300 })!;
    const e = doc(store).elements.find((x) => x.id === id)!;
    const size = e.size ?? { width: 160, height: 80 };
    expect(e.position.x + size.width / 2).toBeCloseTo(500, 0);
    expect(e.position.y + size.height / 2).toBeCloseTo(300, 0);
  });
});

describe('auto-layout', () => {
  it('keeps elements inside their zones and lays flows out left to right', () => {
    const model = scene();
    const plan = planAutoLayout(model, ids.main);
    const store = loadedStore(model);
    store.getState().beginGesture();
    for (const r of plan.resizes) store.getState().resizeItem(r.id, r.size, r.position);
    store.getState().moveItems(plan.moves);
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(1);
    const m = doc(store);
    const el = (id: string) => m.elements.find((e) => e.id === id)!;
    const zone = (id: string) => m.boundaries.find((b) => b.id === id)!;
    for (const [elementId, zoneId] of [['mid', 'outer'], ['deep', 'inner'], ['deep', 'outer']]) {
      const e = el(elementId);
      const z = zone(zoneId);
      expect(e.position.x).toBeGreaterThanOrEqual(z.position.x);
      expect(e.position.y).toBeGreaterThanOrEqual(z.position.y);
      expect(e.position.x + 160).toBeLessThanOrEqual(z.position.x + z.size.width);
    }
    expect(el('out').position.x).toBeLessThan(el('mid').position.x);
    expect(el('mid').position.x).toBeLessThan(el('deep').position.x);
    expect(el('other').position).toEqual({ x: 0, y: 0 });
  });
});
