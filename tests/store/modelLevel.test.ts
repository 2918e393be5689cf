import { describe, expect, it } from 'vitest';
import { doc, FIXED_TIME, ids, loadedStore } from './factory';

describe('triage', () => {
  it('creates an entry with defaults, merges later changes, stamps the time and undoes', () => {
    const store = loadedStore();
    store.getState().setTriage('AUTH-02@f1', { status: 'accepted', justification: 'Venue enforces it' });
    expect(doc(store).triage['AUTH-02@f1']).toEqual({
      status: 'accepted',
      justification: 'Venue enforces it',
      mitigations: {},
      updatedAt: FIXED_TIME,
    });
    store.getState().setTriage('AUTH-02@f1', { owner: 'alice' });
    expect(doc(store).triage['AUTH-02@f1']).toMatchObject({ status: 'accepted', owner: 'alice' });
    expect(store.getState().past).toHaveLength(2);
    store.getState().setTriage('AUTH-02@f1', { owner: 'alice' });
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(doc(store).triage['AUTH-02@f1'].owner).toBeUndefined();
  });

  it('removes an entry with undefined, and records nothing for a missing one', () => {
    const store = loadedStore();
    store.getState().setTriage('X@y', { status: 'mitigated' });
    store.getState().setTriage('X@y', undefined);
    expect(doc(store).triage['X@y']).toBeUndefined();
    const steps = store.getState().past.length;
    store.getState().setTriage('X@y', undefined);
    expect(store.getState().past).toHaveLength(steps);
  });
});

describe('manual threats', () => {
  it('adds, updates and removes, one step each', () => {
    const store = loadedStore();
    const id = store.getState().addManualThreat({ title: 'Key leak via logs', severity: 'high' })!;
    expect(doc(store).manualThreats).toEqual([expect.objectContaining({ id, title: 'Key leak via logs', severity: 'high', status: 'open' })]);
    store.getState().updateManualThreat(id, { status: 'mitigated' });
    expect(doc(store).manualThreats[0].status).toBe('mitigated');
    store.getState().removeManualThreat(id);
    expect(doc(store).manualThreats).toHaveLength(0);
    expect(store.getState().past).toHaveLength(3);
    store.getState().undo();
    expect(doc(store).manualThreats[0].status).toBe('mitigated');
  });
});

describe('rule pack settings', () => {
  it('replaces the settings as one step', () => {
    const store = loadedStore();
    store.getState().setRulePacks({ enabled: ['stride', 'trading'], disabledRules: ['AUTH-02'], custom: [] });
    expect(doc(store).rulePacks.enabled).toEqual(['stride', 'trading']);
    store.getState().undo();
    expect(doc(store).rulePacks.enabled).toEqual(['stride']);
  });
});

describe('diagrams', () => {
  it('adds a numbered diagram and makes it active', () => {
    const store = loadedStore();
    const id = store.getState().addDiagram()!;
    expect(doc(store).diagrams.at(-1)).toEqual({ id, name: 'Diagram' });
    expect(store.getState().activeDiagramId).toBe(id);
    const named = store.getState().addDiagram('Withdrawals')!;
    expect(doc(store).diagrams.find((d) => d.id === named)!.name).toBe('Withdrawals');
    const third = store.getState().addDiagram()!;
    expect(doc(store).diagrams.find((d) => d.id === third)!.name).toBe('Diagram 2');
  });

  it('renames (trimmed, not to empty) and reorders', () => {
    const store = loadedStore();
    store.getState().renameDiagram(ids.detail, '  Order entry ');
    store.getState().renameDiagram(ids.detail, '   ');
    expect(doc(store).diagrams[1].name).toBe('Order entry');
    store.getState().reorderDiagrams([ids.detail, ids.main]);
    expect(doc(store).diagrams.map((d) => d.id)).toEqual([ids.detail, ids.main]);
    store.getState().moveDiagram(ids.detail, 1);
    expect(doc(store).diagrams.map((d) => d.id)).toEqual([ids.main, ids.detail]);
    store.getState().moveDiagram(ids.detail, 1);
    store.getState().reorderDiagrams([ids.main]);
    expect(store.getState().past).toHaveLength(3);
  });

  it('removes a diagram with its contents, switches away from it, and never removes the last one', () => {
    const store = loadedStore();
    store.getState().setActiveDiagram(ids.detail);
    const a = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    const b = store.getState().addElement('exchange', { x: 300, y: 0 })!;
    store.getState().addFlow(a, b);
    const kept = store.getState().addElement('wallet', { x: 0, y: 0 }, ids.main)!;
    store.getState().setActiveDiagram(ids.detail);
    expect(store.getState().removeDiagram(ids.detail)).toBe(true);
    expect(doc(store).diagrams.map((d) => d.id)).toEqual([ids.main]);
    expect(doc(store).elements.map((e) => e.id)).toEqual([kept]);
    expect(doc(store).flows).toHaveLength(0);
    expect(store.getState().activeDiagramId).toBe(ids.main);
    expect(store.getState().removeDiagram(ids.main)).toBe(false);
    store.getState().undo();
    expect(doc(store).diagrams).toHaveLength(2);
    expect(doc(store).elements).toHaveLength(3);
  });

  it('switching diagram clears the selection', () => {
    const store = loadedStore();
    store.getState().addElement('process', { x: 0, y: 0 });
    expect(store.getState().selection).toHaveLength(1);
    store.getState().setActiveDiagram(ids.detail);
    expect(store.getState().activeDiagramId).toBe(ids.detail);
    expect(store.getState().selection).toEqual([]);
    store.getState().setActiveDiagram('missing');
    expect(store.getState().activeDiagramId).toBe(ids.detail);
  });
});

describe('history', () => {
  it('a new change clears redo; history is bounded to 200 entries', () => {
    const store = loadedStore();
    const e = store.getState().addElement('process', { x: 0, y: 0 })!;
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().redo();
    store.getState().updateItem(e, { name: 'A' });
    store.getState().undo();
    store.getState().updateItem(e, { name: 'B' });
    expect(store.getState().future).toHaveLength(0);
    for (let i = 0; i < 250; i++) store.getState().moveItems([{ id: e, position: { x: i + 1, y: 0 } }]);
    expect(store.getState().past).toHaveLength(200);
    let undone = 0;
    while (store.getState().past.length) {
      store.getState().undo();
      undone++;
    }
    expect(undone).toBe(200);
    expect(store.getState().future).toHaveLength(200);
    expect(doc(store).elements[0].position).toEqual({ x: 50, y: 0 });
  });

  it('undo and redo with nothing to do change nothing', () => {
    const store = loadedStore();
    const revision = store.getState().revision;
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().revision).toBe(revision);
  });

  it('undo switches to the diagram where the undone change happened', () => {
    const store = loadedStore();
    const e = store.getState().addElement('process', { x: 0, y: 0 }, ids.detail)!;
    store.getState().updateItem(e, { name: 'Renamed' });
    store.getState().setActiveDiagram(ids.main);
    store.getState().undo();
    expect(store.getState().activeDiagramId).toBe(ids.detail);
    expect(store.getState().selection).toEqual([e]);
  });
});

describe('replaceModel', () => {
  it('swaps in another version of the document as one undoable step, keeping the model id', () => {
    const store = loadedStore();
    const e = store.getState().addElement('process', { x: 0, y: 0 })!;
    const older = { ...doc(store), id: 'some-other-id', name: 'Older revision', elements: [] };
    const revision = store.getState().revision;
    expect(store.getState().replaceModel(older)).toBe(true);
    expect(doc(store)).toMatchObject({ id: ids.model, name: 'Older revision', updatedAt: FIXED_TIME });
    expect(doc(store).elements).toHaveLength(0);
    expect(store.getState().revision).toBe(revision + 1);
    expect(store.getState().future).toHaveLength(0);
    store.getState().undo();
    expect(doc(store).elements.map((x) => x.id)).toEqual([e]);
    expect(doc(store).name).toBe('Exchange integration');
  });

  it('is refused during a gesture', () => {
    const store = loadedStore();
    store.getState().beginGesture();
    expect(store.getState().replaceModel({ ...doc(store), name: 'X' })).toBe(false);
    store.getState().endGesture();
  });
});
