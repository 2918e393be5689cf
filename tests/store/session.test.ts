import { describe, expect, it } from 'vitest';
import type { Analysis, Finding } from '../../src/model/findings';
import type { Severity } from '../../src/model/types';
import { STATE_TABLE, toDocument, toSession, UI_TABLE } from '../../src/store/stateTable';
import { initialData, initialUi } from '../../src/store/editorStore';
import { subscribeBadge } from '../../src/store/keyedBadges';
import { doc, ids, loadedStore } from './factory';

function finding(ruleId: string, targetId: string, severity: Severity, confidence: Finding['confidence'] = 'confirmed'): Finding {
  return {
    id: `${ruleId}@${targetId}`,
    ruleId,
    packId: 'stride',
    targetId,
    targetKind: 'process',
    severity,
    baseSeverity: severity,
    severityAdjustments: [],
    stride: 'S',
    title: ruleId,
    description: '',
    mitigations: [],
    references: [],
    evidence: [],
    confidence,
  };
}

const analysis = (findings: Finding[]): Analysis => ({ findings, mitigated: [], problems: [] });

describe('selection', () => {
  it('select dedupes, toggleSelect adds and removes, clearSelection empties', () => {
    const store = loadedStore();
    store.getState().select(['a', 'b', 'a']);
    expect(store.getState().selection).toEqual(['a', 'b']);
    store.getState().toggleSelect('c');
    store.getState().toggleSelect('a');
    expect(store.getState().selection).toEqual(['b', 'c']);
    store.getState().clearSelection();
    expect(store.getState().selection).toEqual([]);
  });

  it('selectAll takes everything on the active diagram only, flows included', () => {
    const store = loadedStore();
    const a = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    const b = store.getState().addElement('exchange', { x: 400, y: 0 })!;
    const f = store.getState().addFlow(a, b)!;
    const z = store.getState().addBoundary('dmz', { x: 2000, y: 0 })!;
    const n = store.getState().addNote({ x: 0, y: 900 })!;
    store.getState().addElement('wallet', { x: 0, y: 0 }, ids.detail);
    store.getState().setActiveDiagram(ids.main);
    store.getState().selectAll();
    expect([...store.getState().selection].sort()).toEqual([a, b, f, z, n].sort());
  });
});

describe('copy, paste and duplicate', () => {
  function scene() {
    const store = loadedStore();
    const zone = store.getState().addBoundary('dmz', { x: 0, y: 0 }, { width: 600, height: 400 })!;
    const a = store.getState().addElement('tradingBot', { x: 20, y: 20 })!;
    const b = store.getState().addElement('exchange', { x: 300, y: 20 })!;
    const c = store.getState().addElement('wallet', { x: 1000, y: 0 })!;
    const ab = store.getState().addFlow(a, b)!;
    const bc = store.getState().addFlow(b, c)!;
    return { store, zone, a, b, c, ab, bc };
  }

  it('pastes copies with new ids and keeps only flows whose both ends were copied', () => {
    const { store, a, b, ab } = scene();
    store.getState().select([a, b]);
    store.getState().copy();
    const before = doc(store);
    const pasted = store.getState().paste();
    const after = doc(store);
    expect(pasted).toHaveLength(2);
    expect(pasted.some((id) => id === a || id === b)).toBe(false);
    expect(after.elements).toHaveLength(before.elements.length + 2);
    expect(after.flows).toHaveLength(before.flows.length + 1);
    const newFlow = after.flows.find((f) => !before.flows.includes(f))!;
    expect(newFlow.id).not.toBe(ab);
    expect(new Set([newFlow.source, newFlow.target])).toEqual(new Set(pasted));
    const copyOfA = after.elements.find((e) => e.id === newFlow.source)!;
    const original = before.elements.find((e) => e.id === a)!;
    expect(copyOfA.position.x).toBeGreaterThan(original.position.x);
    expect(copyOfA.name).toBe(original.name);
    expect(store.getState().selection).toEqual(pasted);
    expect(store.getState().past).toHaveLength(7);
  });

  it('copies a boundary with its children; each paste lands further away', () => {
    const { store, zone } = scene();
    store.getState().select([zone]);
    store.getState().copy();
    const [first] = store.getState().paste();
    const [second] = store.getState().paste();
    const m = doc(store);
    const original = m.boundaries.find((x) => x.id === zone)!;
    const p1 = m.boundaries.find((x) => x.id === first)!;
    const p2 = m.boundaries.find((x) => x.id === second)!;
    expect(p1.position.x - original.position.x).toBeGreaterThan(0);
    expect(p2.position.x - p1.position.x).toBe(p1.position.x - original.position.x);
    const children = m.elements.filter((e) => e.boundaryId === first);
    expect(children).toHaveLength(2);
    expect(m.flows.filter((f) => children.some((c) => c.id === f.source))).toHaveLength(1);
  });

  it('pastes into the active diagram', () => {
    const { store, a } = scene();
    store.getState().select([a]);
    store.getState().copy();
    store.getState().setActiveDiagram(ids.detail);
    const [id] = store.getState().paste();
    const copy = doc(store).elements.find((e) => e.id === id)!;
    expect(copy.diagramId).toBe(ids.detail);
    expect(copy.boundaryId).toBeNull();
  });

  it('duplicate copies the selection without touching the clipboard; nothing selected does nothing', () => {
    const { store, a, c } = scene();
    store.getState().select([c]);
    store.getState().copy();
    const clip = store.getState().clipboard;
    store.getState().select([a]);
    const dup = store.getState().duplicate();
    expect(dup).toHaveLength(1);
    expect(doc(store).elements.find((e) => e.id === dup[0])!.type).toBe('tradingBot');
    expect(store.getState().clipboard).toBe(clip);
    store.getState().clearSelection();
    expect(store.getState().duplicate()).toEqual([]);
    store.getState().undo();
    expect(doc(store).elements.some((e) => e.id === dup[0])).toBe(false);
  });

  it('paste with an empty clipboard does nothing', () => {
    const store = loadedStore();
    expect(store.getState().paste()).toEqual([]);
    expect(store.getState().past).toHaveLength(0);
  });
});

describe('findings and badges', () => {
  it('counts open and investigating findings, coloured by the worst open severity', () => {
    const store = loadedStore();
    const e = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    store.getState().setFindings(analysis([finding('A', e, 'low'), finding('B', e, 'high'), finding('C', e, 'critical')]));
    expect(store.getState().badges[e]).toEqual({ open: 3, severity: 'critical', unverifiedOnly: false });
    store.getState().setTriage(`C@${e}`, { status: 'accepted' });
    store.getState().setTriage(`B@${e}`, { status: 'investigating' });
    expect(store.getState().badges[e]).toEqual({ open: 2, severity: 'high', unverifiedOnly: false });
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().badges[e].severity).toBe('critical');
  });

  it('marks targets whose open findings are all unverified, and counts open manual threats', () => {
    const store = loadedStore();
    const e = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    store.getState().setFindings(analysis([finding('A', e, 'medium', 'unverified')]));
    expect(store.getState().badges[e]).toEqual({ open: 1, severity: 'medium', unverifiedOnly: true });
    store.getState().addManualThreat({ targetId: e, severity: 'low' });
    expect(store.getState().badges[e]).toEqual({ open: 2, severity: 'medium', unverifiedOnly: false });
  });

  it('keeps badge objects that did not change, so nodes do not re-render', () => {
    const store = loadedStore();
    const a = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    const b = store.getState().addElement('exchange', { x: 0, y: 0 })!;
    store.getState().setFindings(analysis([finding('A', a, 'low'), finding('A', b, 'low')]));
    const badgeA = store.getState().badges[a];
    store.getState().setFindings(analysis([finding('A', a, 'low'), finding('B', b, 'high')]));
    expect(store.getState().badges[a]).toBe(badgeA);
    expect(store.getState().badges[b].severity).toBe('high');
  });
});

describe('keyed badge subscriptions', () => {
  it('calls only the listeners of targets whose badge changed, and none for other store changes', () => {
    const store = loadedStore();
    const a = store.getState().addElement('tradingBot', { x: 0, y: 0 })!;
    const b = store.getState().addElement('exchange', { x: 0, y: 0 })!;
    const calls: string[] = [];
    const offA = subscribeBadge(store, a, () => calls.push(a));
    const offB = subscribeBadge(store, b, () => calls.push(b));
    store.getState().setFindings(analysis([finding('A', a, 'low'), finding('A', b, 'low')]));
    expect(calls.sort()).toEqual([a, b].sort());
    calls.length = 0;
    store.getState().setFindings(analysis([finding('A', a, 'low'), finding('B', b, 'high')]));
    expect(calls).toEqual([b]);
    calls.length = 0;
    store.getState().setProperty(a, 'ipAllowlist', true);
    store.getState().select([a]);
    expect(calls).toEqual([]);
    // A badge that goes away (its target's last open finding is triaged) notifies too.
    store.getState().setTriage(`A@${a}`, { status: 'accepted' });
    expect(calls).toEqual([a]);
    offB();
    calls.length = 0;
    store.getState().setFindings(analysis([]));
    expect(calls).toEqual([]);
    offA();
  });
});

describe('focusTarget and ui', () => {
  it('selects the target, switches to its diagram and issues a new focus request each time', () => {
    const store = loadedStore();
    const a = store.getState().addElement('tradingBot', { x: 0, y: 0 }, ids.detail)!;
    const b = store.getState().addElement('exchange', { x: 0, y: 0 }, ids.detail)!;
    const f = store.getState().addFlow(a, b)!;
    store.getState().setActiveDiagram(ids.main);
    store.getState().focusTarget(f);
    expect(store.getState().activeDiagramId).toBe(ids.detail);
    expect(store.getState().selection).toEqual([f]);
    const first = store.getState().ui.focusRequest!;
    expect(first.id).toBe(f);
    store.getState().focusTarget(f);
    expect(store.getState().ui.focusRequest!.nonce).toBeGreaterThan(first.nonce);
    store.getState().focusTarget('missing');
    expect(store.getState().selection).toEqual([f]);
  });

  it('setUi merges', () => {
    const store = loadedStore();
    store.getState().setUi({ helpOpen: true });
    expect(store.getState().ui).toEqual({ ...initialUi(), helpOpen: true });
  });
});

describe('state table', () => {
  it('places every state key and derives the document from it', () => {
    expect(Object.keys(STATE_TABLE).sort()).toEqual(Object.keys(initialData()).sort());
    expect(Object.keys(UI_TABLE).sort()).toEqual(Object.keys(initialUi()).sort());
    const store = loadedStore();
    store.getState().addElement('process', { x: 0, y: 0 });
    expect(toDocument(store.getState())).toBe(doc(store));
  });

  it('keeps screen-only state out of the session and the document', () => {
    const store = loadedStore();
    store.getState().setUi({ helpOpen: true, registerOpen: false });
    store.getState().focusTarget('nothing');
    const session = toSession(store.getState());
    expect(session.ui).toMatchObject({ registerOpen: false });
    expect(session.ui).not.toHaveProperty('helpOpen');
    expect(session.ui).not.toHaveProperty('focusRequest');
    expect(session).not.toHaveProperty('selection');
    expect(JSON.stringify(toDocument(store.getState()))).not.toContain('selection');
  });
});
