import { describe, expect, it } from 'vitest';
import { getStencil } from '../../src/model/stencils';
import { doc, FIXED_TIME, ids, loadedStore } from './factory';

describe('loadModel', () => {
  it('opens the model on its first diagram with empty history and selection', () => {
    const store = loadedStore();
    const s = store.getState();
    s.addElement('tradingBot', { x: 0, y: 0 });
    expect(store.getState().past).toHaveLength(1);
    const before = store.getState().revision;
    s.loadModel({ ...doc(store), name: 'Reloaded' });
    const after = store.getState();
    expect(after.activeDiagramId).toBe(ids.main);
    expect(after.past).toEqual([]);
    expect(after.future).toEqual([]);
    expect(after.selection).toEqual([]);
    expect(after.revision).toBe(before + 1);
  });

  it('accepts null to close the model', () => {
    const store = loadedStore();
    store.getState().loadModel(null);
    expect(store.getState().model).toBeNull();
    expect(store.getState().activeDiagramId).toBeNull();
    expect(store.getState().addElement('tradingBot', { x: 0, y: 0 })).toBeNull();
  });
});

describe('addElement', () => {
  it('takes kind, defaults and label from the stencil, numbers repeated names and selects the new element', () => {
    const store = loadedStore();
    const stencil = getStencil('tradingBot')!;
    const first = store.getState().addElement('tradingBot', { x: 10, y: 20 })!;
    const second = store.getState().addElement('tradingBot', { x: 300, y: 20 })!;
    const model = doc(store);
    const a = model.elements.find((e) => e.id === first)!;
    const b = model.elements.find((e) => e.id === second)!;
    expect(a).toMatchObject({ kind: stencil.kind, type: 'tradingBot', name: stencil.label, diagramId: ids.main, boundaryId: null });
    expect(a.position).toEqual({ x: 10, y: 20 });
    expect(a.props).toEqual(stencil.defaults);
    expect(b.name).toBe(`${stencil.label} 2`);
    expect(store.getState().selection).toEqual([second]);
    expect(model.updatedAt).toBe(FIXED_TIME);
  });

  it('records one undo step per element; undo and redo remove and restore it', () => {
    const store = loadedStore();
    const id = store.getState().addElement('exchange', { x: 0, y: 0 })!;
    const revision = store.getState().revision;
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(doc(store).elements).toHaveLength(0);
    expect(store.getState().revision).toBe(revision + 1);
    expect(store.getState().selection).toEqual([]);
    store.getState().redo();
    expect(doc(store).elements.map((e) => e.id)).toEqual([id]);
    expect(store.getState().selection).toEqual([id]);
  });

  it('lands inside the innermost boundary under its centre', () => {
    const store = loadedStore();
    const outer = store.getState().addBoundary('cloudVpc', { x: 0, y: 0 }, { width: 1000, height: 1000 })!;
    const inner = store.getState().addBoundary('host', { x: 100, y: 100 }, { width: 400, height: 400 })!;
    const inInner = store.getState().addElement('process', { x: 150, y: 150 })!;
    const inOuter = store.getState().addElement('process', { x: 700, y: 700 })!;
    const outside = store.getState().addElement('process', { x: 1500, y: 0 })!;
    const byId = (id: string) => doc(store).elements.find((e) => e.id === id)!;
    expect(doc(store).boundaries.find((b) => b.id === inner)!.parentId).toBe(outer);
    expect(byId(inInner).boundaryId).toBe(inner);
    expect(byId(inOuter).boundaryId).toBe(outer);
    expect(byId(outside).boundaryId).toBeNull();
  });

  it('adds to a given diagram and switches to it; refuses unknown stencils and diagrams', () => {
    const store = loadedStore();
    const id = store.getState().addElement('actor', { x: 0, y: 0 }, ids.detail)!;
    expect(doc(store).elements.find((e) => e.id === id)!.diagramId).toBe(ids.detail);
    expect(store.getState().activeDiagramId).toBe(ids.detail);
    expect(store.getState().addElement('no-such-stencil', { x: 0, y: 0 })).toBeNull();
    expect(store.getState().addElement('actor', { x: 0, y: 0 }, 'no-such-diagram')).toBeNull();
    expect(store.getState().past).toHaveLength(1);
  });
});

describe('addBoundary and addNote', () => {
  it('adds a zone boundary named after its type and a note, each one undo step', () => {
    const store = loadedStore();
    const b = store.getState().addBoundary('internet', { x: 5, y: 6 })!;
    const b2 = store.getState().addBoundary('internet', { x: 900, y: 6 })!;
    const n = store.getState().addNote({ x: 1, y: 2 })!;
    const model = doc(store);
    expect(model.boundaries.find((x) => x.id === b)).toMatchObject({ shape: 'zone', type: 'internet', name: 'Internet', parentId: null });
    expect(model.boundaries.find((x) => x.id === b2)!.name).toBe('Internet 2');
    expect(model.boundaries.find((x) => x.id === b)!.size.width).toBeGreaterThan(0);
    expect(model.notes.find((x) => x.id === n)).toMatchObject({ diagramId: ids.main, position: { x: 1, y: 2 } });
    expect(store.getState().selection).toEqual([n]);
    expect(store.getState().past).toHaveLength(3);
    store.getState().undo();
    expect(doc(store).notes).toHaveLength(0);
  });
});

describe('addFlow', () => {
  it('joins two elements of one diagram and selects the flow', () => {
    const store = loadedStore();
    const a = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    const b = store.getState().addElement('exchange', { x: 400, y: 0 })!;
    const f = store.getState().addFlow(a, b)!;
    expect(doc(store).flows.find((x) => x.id === f)).toMatchObject({ source: a, target: b });
    expect(store.getState().selection).toEqual([f]);
    store.getState().undo();
    expect(doc(store).flows).toHaveLength(0);
  });

  it('refuses self-loops, cross-diagram flows and endpoints that are not elements', () => {
    const store = loadedStore();
    const a = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    const other = store.getState().addElement('exchange', { x: 0, y: 0 }, ids.detail)!;
    const zone = store.getState().addBoundary('dmz', { x: 0, y: 0 }, undefined, ids.main)!;
    const steps = store.getState().past.length;
    expect(store.getState().addFlow(a, a)).toBeNull();
    expect(store.getState().addFlow(a, other)).toBeNull();
    expect(store.getState().addFlow(a, zone)).toBeNull();
    expect(store.getState().addFlow(a, 'missing')).toBeNull();
    expect(doc(store).flows).toHaveLength(0);
    expect(store.getState().past).toHaveLength(steps);
  });
});

describe('removeItems', () => {
  it('removes an element with its flows in one step, prunes the selection, and undo brings all back selected', () => {
    const store = loadedStore();
    const a = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    const b = store.getState().addElement('exchange', { x: 400, y: 0 })!;
    const c = store.getState().addElement('wallet', { x: 800, y: 0 })!;
    const f1 = store.getState().addFlow(a, b)!;
    const f2 = store.getState().addFlow(c, b)!;
    store.getState().select([b, f1]);
    const steps = store.getState().past.length;
    store.getState().removeSelection();
    expect(doc(store).elements.map((e) => e.id).sort()).toEqual([a, c].sort());
    expect(doc(store).flows).toHaveLength(0);
    expect(store.getState().selection).toEqual([]);
    expect(store.getState().past).toHaveLength(steps + 1);
    store.getState().undo();
    expect(doc(store).flows.map((f) => f.id).sort()).toEqual([f1, f2].sort());
    expect([...store.getState().selection].sort()).toEqual([b, f1, f2].sort());
  });

  it('removing a boundary keeps its contents, moved to its parent', () => {
    const store = loadedStore();
    const outer = store.getState().addBoundary('cloudVpc', { x: 0, y: 0 }, { width: 1000, height: 1000 })!;
    const inner = store.getState().addBoundary('host', { x: 100, y: 100 }, { width: 400, height: 400 })!;
    const e = store.getState().addElement('process', { x: 150, y: 150 })!;
    store.getState().removeItems([inner]);
    expect(doc(store).elements.find((x) => x.id === e)!.boundaryId).toBe(outer);
  });

  it('does nothing for an empty selection', () => {
    const store = loadedStore();
    store.getState().addElement('process', { x: 0, y: 0 });
    store.getState().clearSelection();
    const revision = store.getState().revision;
    store.getState().removeSelection();
    expect(store.getState().revision).toBe(revision);
    expect(doc(store).elements).toHaveLength(1);
  });
});
