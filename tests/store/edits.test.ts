import { describe, expect, it } from 'vitest';
import { doc, loadedStore } from './factory';

function twoElements() {
  const store = loadedStore();
  const a = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
  const b = store.getState().addElement('exchange', { x: 400, y: 0 })!;
  return { store, a, b };
}

describe('setProperty', () => {
  it('sets and unsets a property, one undo step each', () => {
    const { store, a } = twoElements();
    const steps = store.getState().past.length;
    store.getState().setProperty(a, 'storesApiSecret', true);
    expect(doc(store).elements.find((e) => e.id === a)!.props.storesApiSecret).toBe(true);
    expect(store.getState().past).toHaveLength(steps + 1);
    store.getState().setProperty(a, 'storesApiSecret', undefined);
    expect('storesApiSecret' in doc(store).elements.find((e) => e.id === a)!.props).toBe(false);
    expect(store.getState().past).toHaveLength(steps + 2);
    store.getState().undo();
    expect(doc(store).elements.find((e) => e.id === a)!.props.storesApiSecret).toBe(true);
    store.getState().undo();
    expect(doc(store).elements.find((e) => e.id === a)!.props.storesApiSecret).toBeUndefined();
    expect(store.getState().selection).toEqual([a]);
  });

  it('records nothing when the value does not change (lists compared by value)', () => {
    const { store, a, b } = twoElements();
    const f = store.getState().addFlow(a, b)!;
    store.getState().setProperty(f, 'data', ['orders', 'fills']);
    const revision = store.getState().revision;
    store.getState().setProperty(f, 'data', ['orders', 'fills']);
    store.getState().setProperty(a, 'neverSet', undefined);
    expect(store.getState().revision).toBe(revision);
  });
});

describe('updateItem and updateModel', () => {
  it('renames an element and a note text; equal values record nothing', () => {
    const { store, a } = twoElements();
    const n = store.getState().addNote({ x: 0, y: 500 })!;
    const steps = store.getState().past.length;
    store.getState().updateItem(a, { name: 'Market maker' });
    store.getState().updateItem(n, { text: 'Keys rotate daily' });
    store.getState().updateItem(a, { name: 'Market maker' });
    expect(doc(store).elements.find((e) => e.id === a)!.name).toBe('Market maker');
    expect(doc(store).notes[0].text).toBe('Keys rotate daily');
    expect(store.getState().past).toHaveLength(steps + 2);
    store.getState().undo();
    store.getState().undo();
    expect(doc(store).elements.find((e) => e.id === a)!.name).not.toBe('Market maker');
  });

  it('updates model fields as one step', () => {
    const store = loadedStore();
    store.getState().updateModel({ name: 'Venue API', owner: 'sec-team' });
    expect(doc(store)).toMatchObject({ name: 'Venue API', owner: 'sec-team' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().updateModel({ name: 'Venue API' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(doc(store).name).toBe('Exchange integration');
  });
});

describe('moveItems, resizeItem and gestures', () => {
  it('moves items; moving a boundary moves what it contains', () => {
    const store = loadedStore();
    const zone = store.getState().addBoundary('dmz', { x: 0, y: 0 }, { width: 500, height: 500 })!;
    const inner = store.getState().addBoundary('host', { x: 50, y: 50 }, { width: 300, height: 300 })!;
    const e = store.getState().addElement('process', { x: 100, y: 100 })!;
    const outside = store.getState().addElement('process', { x: 900, y: 0 })!;
    store.getState().moveItems([{ id: zone, position: { x: 10, y: 20 } }]);
    const m = doc(store);
    expect(m.boundaries.find((b) => b.id === inner)!.position).toEqual({ x: 60, y: 70 });
    expect(m.elements.find((x) => x.id === e)!.position).toEqual({ x: 110, y: 120 });
    expect(m.elements.find((x) => x.id === outside)!.position).toEqual({ x: 900, y: 0 });
  });

  it('a gesture of many moves is one undo step; a gesture with no change adds none', () => {
    const store = loadedStore();
    const e = store.getState().addElement('process', { x: 0, y: 0 })!;
    const steps = store.getState().past.length;
    store.getState().beginGesture();
    for (let i = 1; i <= 10; i++) store.getState().moveItems([{ id: e, position: { x: i * 10, y: 0 } }]);
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(steps + 1);
    expect(doc(store).elements[0].position).toEqual({ x: 100, y: 0 });
    store.getState().undo();
    expect(doc(store).elements[0].position).toEqual({ x: 0, y: 0 });
    store.getState().redo();
    expect(doc(store).elements[0].position).toEqual({ x: 100, y: 0 });

    const before = store.getState().past.length;
    store.getState().beginGesture();
    store.getState().moveItems([{ id: e, position: { x: 100, y: 0 } }]);
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(before);
  });

  it('nested gestures close at the outermost end; undo during a gesture closes it first', () => {
    const store = loadedStore();
    const e = store.getState().addElement('process', { x: 0, y: 0 })!;
    const steps = store.getState().past.length;
    store.getState().beginGesture();
    store.getState().beginGesture();
    store.getState().moveItems([{ id: e, position: { x: 5, y: 5 } }]);
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(steps);
    store.getState().resizeItem(e, { width: 300, height: 100 });
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(steps + 1);

    store.getState().beginGesture();
    store.getState().moveItems([{ id: e, position: { x: 50, y: 50 } }]);
    store.getState().undo();
    expect(store.getState().gestureDepth).toBe(0);
    expect(doc(store).elements[0].position).toEqual({ x: 5, y: 5 });
  });

  it('resizes an item as one step and ignores a resize to the same size', () => {
    const store = loadedStore();
    const zone = store.getState().addBoundary('dmz', { x: 0, y: 0 }, { width: 500, height: 500 })!;
    store.getState().resizeItem(zone, { width: 600, height: 400 }, { x: -10, y: 0 });
    const b = doc(store).boundaries[0];
    expect(b.size).toEqual({ width: 600, height: 400 });
    expect(b.position).toEqual({ x: -10, y: 0 });
    const steps = store.getState().past.length;
    store.getState().resizeItem(zone, { width: 600, height: 400 });
    expect(store.getState().past).toHaveLength(steps);
  });
});

describe('setParent', () => {
  it('moves an element into and out of a boundary', () => {
    const store = loadedStore();
    const zone = store.getState().addBoundary('dmz', { x: 0, y: 0 }, { width: 200, height: 200 })!;
    const e = store.getState().addElement('process', { x: 900, y: 900 })!;
    expect(store.getState().setParent(e, zone)).toBe(true);
    expect(doc(store).elements.find((x) => x.id === e)!.boundaryId).toBe(zone);
    expect(store.getState().setParent(e, zone)).toBe(false);
    expect(store.getState().setParent(e, null)).toBe(true);
    expect(doc(store).elements.find((x) => x.id === e)!.boundaryId).toBeNull();
    store.getState().undo();
    expect(doc(store).elements.find((x) => x.id === e)!.boundaryId).toBe(zone);
  });

  it('refuses cycles, other diagrams and non-boundaries', () => {
    const store = loadedStore();
    const outer = store.getState().addBoundary('cloudVpc', { x: 0, y: 0 }, { width: 1000, height: 1000 })!;
    const inner = store.getState().addBoundary('host', { x: 100, y: 100 }, { width: 300, height: 300 })!;
    const e = store.getState().addElement('process', { x: 2000, y: 0 })!;
    const e2 = store.getState().addElement('process', { x: 3000, y: 0 })!;
    const elsewhere = store.getState().addBoundary('dmz', { x: 0, y: 0 }, undefined, 'diagram-detail')!;
    const steps = store.getState().past.length;
    expect(store.getState().setParent(outer, inner)).toBe(false);
    expect(store.getState().setParent(outer, outer)).toBe(false);
    expect(store.getState().setParent(e, elsewhere)).toBe(false);
    expect(store.getState().setParent(e, e2)).toBe(false);
    expect(store.getState().past).toHaveLength(steps);
  });
});
