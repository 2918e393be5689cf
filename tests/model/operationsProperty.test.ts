/** Random edit sequences: operations never break a document invariant, and changedIds misses nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedIds, MODEL_CHANGE_ID } from '../../src/model/diff';
import { findInvariantViolations } from '../../src/model/invariants';
import { applyOperation, type Operation } from '../../src/model/operations';
import type { ThreatModel } from '../../src/model/types';
import { DIAGRAM_ID, makeBoundary, makeElement, makeFlow, makeModel } from '../factories/model';

const pool = ['a', 'b', 'c', 'd', 'z1', 'z2', 'line', 'f1', 'f2', DIAGRAM_ID, 'd2', 'ghost'];
const id = fc.constantFrom(...pool);
const pos = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
const diagram = fc.constantFrom(DIAGRAM_ID, 'd2', 'nowhere');

const op: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ id, diagramId: diagram, kind: fc.constantFrom('actor', 'process', 'store' as const), boundaryId: fc.option(id, { nil: null }) }).map(
    (e): Operation => ({ type: 'addElement', element: makeElement(e) }),
  ),
  fc.record({ id, diagramId: diagram, parentId: fc.option(id, { nil: null }), shape: fc.constantFrom('zone', 'line' as const) }).map(
    (b): Operation => ({ type: 'addBoundary', boundary: makeBoundary(b) }),
  ),
  fc.tuple(id, id, id).map(([fid, s, t]): Operation => ({ type: 'addFlow', flow: makeFlow(s, t, { id: fid }) })),
  fc.array(id, { maxLength: 3 }).map((ids): Operation => ({ type: 'removeItems', ids })),
  fc.array(fc.record({ id, position: pos }), { maxLength: 3 }).map((moves): Operation => ({ type: 'moveItems', moves })),
  fc.tuple(id, fc.option(id, { nil: null })).map(([i, parentId]): Operation => ({ type: 'setParent', id: i, parentId })),
  fc.tuple(id, id, id).map(([i, source, target]): Operation => ({ type: 'updateItem', id: i, patch: { source, target } })),
  fc.tuple(id, fc.array(id, { maxLength: 2 })).map(([i, crossedBy]): Operation => ({ type: 'updateItem', id: i, patch: { crossedBy } })),
  fc.tuple(id, fc.constantFrom('mfa', 'protocol'), fc.option(fc.oneof(fc.boolean(), fc.string()), { nil: undefined })).map(
    ([targetId, name, value]): Operation => ({ type: 'setProperty', targetId, name, value }),
  ),
  id.map((i): Operation => ({ type: 'removeDiagram', id: i })),
  fc.constant<Operation>({ type: 'addDiagram', diagram: { id: 'd2', name: 'Two' } }),
  fc.tuple(fc.array(id, { maxLength: 3 }), fc.array(fc.tuple(id, id, id), { maxLength: 2 })).map(
    ([els, flows]): Operation => ({
      type: 'pasteItems',
      elements: els.map((i) => makeElement({ id: i })),
      boundaries: [],
      flows: flows.map(([fid, s, t]) => makeFlow(s, t, { id: fid })),
      notes: [],
    }),
  ),
);

function start(): ThreatModel {
  return makeModel({
    boundaries: [makeBoundary({ id: 'z1' })],
    elements: [makeElement({ id: 'a', boundaryId: 'z1' }), makeElement({ id: 'b' })],
    flows: [makeFlow('a', 'b', { id: 'f1' })],
  });
}

describe('operations keep the document sound', () => {
  it('on random edit sequences', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let model = start();
        for (const o of ops) {
          const next = applyOperation(model, o);
          expect(findInvariantViolations(next)).toEqual([]);
          const changed = changedIds(model, next);
          if (next === model) expect(changed.size).toBe(0);
          // Every item that keeps its identity was not reported, and every item reported really changed.
          const before = new Map([...model.elements, ...model.boundaries, ...model.flows].map((i) => [i.id, i]));
          for (const item of [...next.elements, ...next.boundaries, ...next.flows]) {
            if (before.get(item.id) !== item) expect(changed.has(item.id)).toBe(true);
          }
          for (const idx of changed) if (idx !== MODEL_CHANGE_ID) expect(pool.includes(idx) || before.has(idx)).toBe(true);
          model = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});
