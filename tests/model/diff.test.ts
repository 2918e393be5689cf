import { describe, expect, it } from 'vitest';
import { changedIds, MODEL_CHANGE_ID } from '../../src/model/diff';
import { applyOperation } from '../../src/model/operations';
import { makeBoundary, makeElement, makeFlow, makeModel, makeNote } from '../factories/model';
import type { ThreatModel } from '../../src/model/types';

const ids = { a: 'a', b: 'b', c: 'c', zone: 'zone', note: 'note' } as const;
const ab = `${ids.a}->${ids.b}`;

function model(): ThreatModel {
  return makeModel({
    boundaries: [makeBoundary({ id: ids.zone })],
    elements: [makeElement({ id: ids.a }), makeElement({ id: ids.b, boundaryId: ids.zone }), makeElement({ id: ids.c })],
    flows: [makeFlow(ids.a, ids.b)],
    notes: [makeNote({ id: ids.note })],
  });
}

const sorted = (s: Set<string>) => [...s].sort();

describe('changedIds', () => {
  it('is empty for the same model and for an updatedAt stamp alone', () => {
    const m = model();
    expect(changedIds(m, m).size).toBe(0);
    expect(changedIds(m, { ...m, updatedAt: '2030-01-01T00:00:00.000Z' }).size).toBe(0);
  });

  it('reports an element whose props changed, and nothing else', () => {
    const m = model();
    const next = applyOperation(m, { type: 'setProperty', targetId: ids.c, name: 'mfa', value: true });
    expect(sorted(changedIds(m, next))).toEqual([ids.c]);
  });

  it('reports an added flow with both endpoints', () => {
    const m = model();
    const next = applyOperation(m, { type: 'addFlow', flow: makeFlow(ids.b, ids.c) });
    expect(sorted(changedIds(m, next))).toEqual([ids.b, `${ids.b}->${ids.c}`, ids.c]);
  });

  it('reports a flow property change without its endpoints', () => {
    const m = model();
    const next = applyOperation(m, { type: 'setProperty', targetId: ab, name: 'protocol', value: 'https' });
    expect(sorted(changedIds(m, next))).toEqual([ab]);
  });

  it('reports old and new endpoints of a re-pointed flow', () => {
    const m = model();
    const next = applyOperation(m, { type: 'updateItem', id: ab, patch: { target: ids.c } });
    expect(sorted(changedIds(m, next))).toEqual([ab, ids.a, ids.b, ids.c].sort());
  });

  it('reports a removed element with its flow and the flow\'s other endpoint', () => {
    const m = model();
    const next = applyOperation(m, { type: 'removeItems', ids: [ids.a] });
    expect(sorted(changedIds(m, next))).toEqual([ab, ids.a, ids.b].sort());
  });

  it('reports a removed boundary and the element it contained', () => {
    const m = model();
    const next = applyOperation(m, { type: 'removeItems', ids: [ids.zone] });
    expect(sorted(changedIds(m, next))).toEqual([ids.b, ids.zone]);
  });

  it('reports a changed boundary and a changed note', () => {
    const m = model();
    const next = applyOperation(
      applyOperation(m, { type: 'updateItem', id: ids.zone, patch: { type: 'internet' } }),
      { type: 'updateItem', id: ids.note, patch: { text: 'x' } },
    );
    expect(sorted(changedIds(m, next))).toEqual([ids.note, ids.zone]);
  });

  it('reports $model for model fields, triage, manual threats, rule packs and diagrams', () => {
    const m = model();
    const cases: ThreatModel[] = [
      applyOperation(m, { type: 'updateModel', patch: { name: 'x' } }),
      applyOperation(m, { type: 'setTriage', findingId: 'R@a', entry: { status: 'open', justification: '', updatedAt: '', mitigations: {} } }),
      applyOperation(m, { type: 'addManualThreat', threat: { id: 't', targetId: null, title: 't', description: '', severity: 'low', stride: 'S', status: 'open', mitigation: '' } }),
      applyOperation(m, { type: 'setRulePacks', settings: { enabled: [], disabledRules: [], custom: [] } }),
      applyOperation(m, { type: 'addDiagram', diagram: { id: 'd2', name: 'Two' } }),
    ];
    for (const next of cases) expect(sorted(changedIds(m, next))).toEqual([MODEL_CHANGE_ID]);
  });
});

describe('changedIds on reordered collections', () => {
  it('reports nothing when the same items only change places', () => {
    const m = model();
    expect(changedIds(m, { ...m, elements: [...m.elements].reverse() }).size).toBe(0);
  });

  it('still finds a changed item among reordered ones', () => {
    const m = model();
    const next = applyOperation(m, { type: 'setProperty', targetId: ids.a, name: 'mfa', value: true });
    expect(sorted(changedIds(m, { ...next, elements: [...next.elements].reverse() }))).toEqual([ids.a]);
  });
});
