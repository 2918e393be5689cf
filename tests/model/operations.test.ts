import { describe, expect, it } from 'vitest';
import { applyOperation, applyOperations, type Operation } from '../../src/model/operations';
import { createDiagram, createElement, createFlow } from '../../src/model/document';
import { DIAGRAM_ID, makeBoundary, makeElement, makeFlow, makeManualThreat, makeModel, makeNote } from '../factories/model';
import type { ThreatModel, TriageEntry } from '../../src/model/types';

const ids = {
  outer: 'outer', inner: 'inner', line: 'line',
  client: 'client', gw: 'gw', db: 'db', other: 'other-diagram-el',
  note: 'note-1', second: 'diagram-2',
} as const;

/** outer ⊃ inner; client outside, gw in outer, db in inner; client→gw→db; a line boundary crossed by client→gw. */
function world(): ThreatModel {
  return makeModel({
    diagrams: [{ id: DIAGRAM_ID, name: 'Main' }, { id: ids.second, name: 'Detail' }],
    boundaries: [
      makeBoundary({ id: ids.outer, position: { x: 0, y: 0 }, size: { width: 500, height: 500 } }),
      makeBoundary({ id: ids.inner, parentId: ids.outer, position: { x: 100, y: 100 }, size: { width: 200, height: 200 } }),
      makeBoundary({ id: ids.line, shape: 'line', type: 'internet', crossedBy: [`${ids.client}->${ids.gw}`], points: [{ x: -50, y: 0 }, { x: -50, y: 300 }] }),
    ],
    elements: [
      makeElement({ id: ids.client, type: 'browser', position: { x: -200, y: 50 } }),
      makeElement({ id: ids.gw, type: 'apiGateway', boundaryId: ids.outer, position: { x: 20, y: 20 } }),
      makeElement({ id: ids.db, type: 'database', boundaryId: ids.inner, position: { x: 150, y: 150 } }),
      makeElement({ id: ids.other, diagramId: ids.second, type: 'process' }),
    ],
    flows: [makeFlow(ids.client, ids.gw), makeFlow(ids.gw, ids.db)],
    notes: [makeNote({ id: ids.note, text: 'hello' })],
  });
}

const el = (m: ThreatModel, id: string) => m.elements.find((e) => e.id === id)!;
const bd = (m: ThreatModel, id: string) => m.boundaries.find((b) => b.id === id)!;

describe('add operations', () => {
  it('addElement appends and shares everything else', () => {
    const m = world();
    const e = makeElement({ id: 'new', type: 'queue' });
    const next = applyOperation(m, { type: 'addElement', element: e });
    expect(next.elements.at(-1)).toBe(e);
    expect(next.elements.slice(0, -1).every((x, i) => x === m.elements[i])).toBe(true);
    expect(next.flows).toBe(m.flows);
    expect(next.boundaries).toBe(m.boundaries);
    expect(next.updatedAt).toBe(m.updatedAt);
  });

  it('addElement refuses a taken id, a missing diagram, a line or foreign container', () => {
    const m = world();
    const refuse = (element: ReturnType<typeof makeElement>) => expect(applyOperation(m, { type: 'addElement', element })).toBe(m);
    refuse(makeElement({ id: ids.gw }));
    refuse(makeElement({ id: ids.outer }));
    refuse(makeElement({ id: 'x', diagramId: 'nowhere' }));
    refuse(makeElement({ id: 'x', boundaryId: ids.line }));
    refuse(makeElement({ id: 'x', diagramId: ids.second, boundaryId: ids.outer }));
  });

  it('addFlow refuses missing endpoints and endpoints on different diagrams', () => {
    const m = world();
    expect(applyOperation(m, { type: 'addFlow', flow: makeFlow(ids.client, 'ghost') })).toBe(m);
    expect(applyOperation(m, { type: 'addFlow', flow: makeFlow(ids.client, ids.other) })).toBe(m);
    const ok = applyOperation(m, { type: 'addFlow', flow: makeFlow(ids.db, ids.client) });
    expect(ok.flows).toHaveLength(3);
    expect(ok.elements).toBe(m.elements);
  });

  it('addBoundary and addNote check their diagram and parent', () => {
    const m = world();
    expect(applyOperation(m, { type: 'addBoundary', boundary: makeBoundary({ id: 'b', parentId: ids.line }) })).toBe(m);
    expect(applyOperation(m, { type: 'addNote', note: makeNote({ id: 'n', diagramId: 'nowhere' }) })).toBe(m);
    const next = applyOperation(m, { type: 'addBoundary', boundary: makeBoundary({ id: 'b', parentId: ids.inner }) });
    expect(bd(next, 'b').parentId).toBe(ids.inner);
  });
});

describe('removeItems', () => {
  it('removing an element takes its flows and their line-boundary crossings', () => {
    const m = world();
    const next = applyOperation(m, { type: 'removeItems', ids: [ids.gw] });
    expect(next.elements.map((e) => e.id)).toEqual([ids.client, ids.db, ids.other]);
    expect(next.flows).toEqual([]);
    expect(bd(next, ids.line).crossedBy).toEqual([]);
    expect(bd(next, ids.outer)).toBe(bd(m, ids.outer));
    expect(el(next, ids.client)).toBe(el(m, ids.client));
    expect(next.notes).toBe(m.notes);
  });

  it('removing a boundary re-parents its elements and boundaries to its parent', () => {
    const m = world();
    const next = applyOperation(m, { type: 'removeItems', ids: [ids.inner] });
    expect(next.boundaries.map((b) => b.id)).toEqual([ids.outer, ids.line]);
    expect(el(next, ids.db).boundaryId).toBe(ids.outer);
    expect(el(next, ids.db).position).toEqual({ x: 150, y: 150 });
    const both = applyOperation(m, { type: 'removeItems', ids: [ids.outer] });
    expect(bd(both, ids.inner).parentId).toBeNull();
    expect(el(both, ids.gw).boundaryId).toBeNull();
    expect(el(both, ids.db).boundaryId).toBe(ids.inner);
  });

  it('removing nested boundaries together moves children to the nearest survivor', () => {
    const next = applyOperation(world(), { type: 'removeItems', ids: [ids.inner, ids.outer] });
    expect(el(next, ids.db).boundaryId).toBeNull();
    expect(next.flows).toHaveLength(2);
  });

  it('removes flows and notes by id and ignores unknown ids', () => {
    const m = world();
    expect(applyOperation(m, { type: 'removeItems', ids: ['ghost'] })).toBe(m);
    const next = applyOperation(m, { type: 'removeItems', ids: [`${ids.client}->${ids.gw}`, ids.note] });
    expect(next.flows.map((f) => f.id)).toEqual([`${ids.gw}->${ids.db}`]);
    expect(next.notes).toEqual([]);
    expect(next.elements).toBe(m.elements);
  });
});

describe('moveItems and resizeItem', () => {
  it('moves an element without touching the others', () => {
    const m = world();
    const next = applyOperation(m, { type: 'moveItems', moves: [{ id: ids.client, position: { x: 1, y: 2 } }] });
    expect(el(next, ids.client).position).toEqual({ x: 1, y: 2 });
    expect(el(next, ids.gw)).toBe(el(m, ids.gw));
    expect(next.boundaries).toBe(m.boundaries);
  });

  it('moving a zone carries its unlisted descendants along', () => {
    const m = world();
    const next = applyOperation(m, { type: 'moveItems', moves: [{ id: ids.outer, position: { x: 10, y: -5 } }, { id: ids.gw, position: { x: 0, y: 0 } }] });
    expect(bd(next, ids.inner).position).toEqual({ x: 110, y: 95 });
    expect(el(next, ids.db).position).toEqual({ x: 160, y: 145 });
    expect(el(next, ids.gw).position).toEqual({ x: 0, y: 0 });
    expect(el(next, ids.client)).toBe(el(m, ids.client));
  });

  it('moving a line boundary moves its points; same position is a no-op', () => {
    const m = world();
    const line = bd(m, ids.line);
    const next = applyOperation(m, { type: 'moveItems', moves: [{ id: ids.line, position: { x: line.position.x + 5, y: line.position.y } }] });
    expect(bd(next, ids.line).points).toEqual([{ x: -45, y: 0 }, { x: -45, y: 300 }]);
    expect(applyOperation(m, { type: 'moveItems', moves: [{ id: ids.client, position: { x: -200, y: 50 } }] })).toBe(m);
    expect(applyOperation(m, { type: 'moveItems', moves: [{ id: ids.client, position: { x: NaN, y: 0 } }] })).toBe(m);
  });

  it('resizes elements, boundaries and notes; refuses negative sizes', () => {
    const m = world();
    const next = applyOperation(m, { type: 'resizeItem', id: ids.inner, size: { width: 300, height: 250 }, position: { x: 90, y: 90 } });
    expect(bd(next, ids.inner)).toMatchObject({ size: { width: 300, height: 250 }, position: { x: 90, y: 90 } });
    expect(applyOperation(m, { type: 'resizeItem', id: ids.inner, size: { width: -1, height: 2 } })).toBe(m);
    const note = applyOperation(m, { type: 'resizeItem', id: ids.note, size: { width: 50, height: 50 } });
    expect(note.notes[0].size).toEqual({ width: 50, height: 50 });
  });
});

describe('setParent', () => {
  it('sets an element boundaryId and a boundary parentId', () => {
    const m = world();
    expect(el(applyOperation(m, { type: 'setParent', id: ids.client, parentId: ids.inner }), ids.client).boundaryId).toBe(ids.inner);
    expect(bd(applyOperation(m, { type: 'setParent', id: ids.inner, parentId: null }), ids.inner).parentId).toBeNull();
  });

  it('refuses cycles, self-parenting, line parents and cross-diagram parents', () => {
    const m = world();
    expect(applyOperation(m, { type: 'setParent', id: ids.outer, parentId: ids.inner })).toBe(m);
    expect(applyOperation(m, { type: 'setParent', id: ids.outer, parentId: ids.outer })).toBe(m);
    expect(applyOperation(m, { type: 'setParent', id: ids.client, parentId: ids.line })).toBe(m);
    expect(applyOperation(m, { type: 'setParent', id: ids.other, parentId: ids.outer })).toBe(m);
    expect(applyOperation(m, { type: 'setParent', id: 'ghost', parentId: null })).toBe(m);
  });
});

describe('updateItem', () => {
  it('patches element, note and flow fields', () => {
    const m = world();
    let next = applyOperation(m, { type: 'updateItem', id: ids.client, patch: { name: 'Customer', kind: 'process' } });
    expect(el(next, ids.client)).toMatchObject({ name: 'Customer', kind: 'process', type: 'browser' });
    next = applyOperation(next, { type: 'updateItem', id: ids.note, patch: { text: 'changed', name: 'ignored' } });
    expect(next.notes[0]).toEqual({ ...m.notes[0], text: 'changed' });
    next = applyOperation(next, { type: 'updateItem', id: `${ids.gw}->${ids.db}`, patch: { target: ids.client } });
    expect(next.flows[1].target).toBe(ids.client);
  });

  it('refuses invalid endpoints and kinds; equal values are a no-op', () => {
    const m = world();
    expect(applyOperation(m, { type: 'updateItem', id: `${ids.gw}->${ids.db}`, patch: { target: ids.other } })).toBe(m);
    expect(applyOperation(m, { type: 'updateItem', id: ids.client, patch: { kind: 'robot' as never } })).toBe(m);
    expect(applyOperation(m, { type: 'updateItem', id: ids.client, patch: { name: el(m, ids.client).name } })).toBe(m);
  });

  it('line boundaries take points and crossedBy of existing flows only', () => {
    const m = world();
    const next = applyOperation(m, { type: 'updateItem', id: ids.line, patch: { crossedBy: [`${ids.gw}->${ids.db}`] } });
    expect(bd(next, ids.line).crossedBy).toEqual([`${ids.gw}->${ids.db}`]);
    expect(applyOperation(m, { type: 'updateItem', id: ids.line, patch: { crossedBy: ['ghost'] } })).toBe(m);
    expect(applyOperation(m, { type: 'updateItem', id: ids.outer, patch: { crossedBy: [`${ids.gw}->${ids.db}`] } })).toBe(m);
  });
});

describe('setProperty', () => {
  it('sets and unsets a property, which becomes unknown', () => {
    const m = world();
    const set = applyOperation(m, { type: 'setProperty', targetId: ids.gw, name: 'rateLimiting', value: false });
    expect(el(set, ids.gw).props.rateLimiting).toBe(false);
    expect(el(set, ids.client)).toBe(el(m, ids.client));
    const unset = applyOperation(set, { type: 'setProperty', targetId: ids.gw, name: 'rateLimiting', value: undefined });
    expect('rateLimiting' in el(unset, ids.gw).props).toBe(false);
    expect(applyOperation(unset, { type: 'setProperty', targetId: ids.gw, name: 'rateLimiting', value: undefined })).toBe(unset);
  });

  it('works on flows and boundaries, refuses bad values and unknown targets', () => {
    const m = world();
    const f = applyOperation(m, { type: 'setProperty', targetId: `${ids.client}->${ids.gw}`, name: 'data', value: ['orders'] });
    expect(f.flows[0].props.data).toEqual(['orders']);
    expect(applyOperation(f, { type: 'setProperty', targetId: `${ids.client}->${ids.gw}`, name: 'data', value: ['orders'] })).toBe(f);
    const b = applyOperation(m, { type: 'setProperty', targetId: ids.outer, name: 'inScope', value: true });
    expect(bd(b, ids.outer).props.inScope).toBe(true);
    expect(applyOperation(m, { type: 'setProperty', targetId: ids.gw, name: 'timeoutMs', value: Infinity })).toBe(m);
    expect(applyOperation(m, { type: 'setProperty', targetId: '$model', name: 'x', value: 1 })).toBe(m);
    expect(applyOperation(m, { type: 'setProperty', targetId: ids.gw, name: '__proto__', value: 1 })).toBe(m);
  });
});

describe('model, diagrams, triage, threats, packs', () => {
  it('updateModel patches only the given fields', () => {
    const m = world();
    const next = applyOperation(m, { type: 'updateModel', patch: { name: 'Exchange', owner: 'sec' } });
    expect(next).toMatchObject({ name: 'Exchange', owner: 'sec', description: m.description });
    expect(next.elements).toBe(m.elements);
    expect(applyOperation(m, { type: 'updateModel', patch: { name: m.name } })).toBe(m);
  });

  it('adds, renames, reorders diagrams', () => {
    const m = world();
    const added = applyOperation(m, { type: 'addDiagram', diagram: createDiagram({ id: 'd3', name: 'Third' }), index: 0 });
    expect(added.diagrams.map((d) => d.id)).toEqual(['d3', DIAGRAM_ID, ids.second]);
    expect(applyOperation(added, { type: 'addDiagram', diagram: { id: ids.gw, name: 'dup' } })).toBe(added);
    const renamed = applyOperation(added, { type: 'renameDiagram', id: 'd3', name: 'Renamed' });
    expect(renamed.diagrams[0].name).toBe('Renamed');
    const reordered = applyOperation(renamed, { type: 'reorderDiagrams', ids: [ids.second, 'd3', DIAGRAM_ID] });
    expect(reordered.diagrams.map((d) => d.id)).toEqual([ids.second, 'd3', DIAGRAM_ID]);
    expect(applyOperation(renamed, { type: 'reorderDiagrams', ids: [ids.second, 'd3'] })).toBe(renamed);
  });

  it('removeDiagram removes its contents and refuses the last diagram', () => {
    const m = world();
    const next = applyOperation(m, { type: 'removeDiagram', id: DIAGRAM_ID });
    expect(next.diagrams.map((d) => d.id)).toEqual([ids.second]);
    expect(next.elements.map((e) => e.id)).toEqual([ids.other]);
    expect(next.flows).toEqual([]);
    expect(next.boundaries).toEqual([]);
    expect(next.notes).toEqual([]);
    expect(applyOperation(next, { type: 'removeDiagram', id: ids.second })).toBe(next);
  });

  it('sets and clears triage entries', () => {
    const m = world();
    const entry: TriageEntry = { status: 'accepted', justification: 'risk owner signed off', updatedAt: '2024-02-02T00:00:00.000Z', mitigations: {} };
    const set = applyOperation(m, { type: 'setTriage', findingId: 'AUTH-02@f1', entry });
    expect(set.triage['AUTH-02@f1']).toBe(entry);
    expect(set.elements).toBe(m.elements);
    const cleared = applyOperation(set, { type: 'setTriage', findingId: 'AUTH-02@f1', entry: undefined });
    expect(cleared.triage).toEqual({});
    expect(applyOperation(cleared, { type: 'setTriage', findingId: 'AUTH-02@f1', entry: undefined })).toBe(cleared);
  });

  it('adds, updates and removes manual threats', () => {
    const threat = makeManualThreat({ id: 't1', targetId: ids.gw, title: 'Key theft' });
    const ops: Operation[] = [
      { type: 'addManualThreat', threat },
      { type: 'updateManualThreat', id: 't1', patch: { status: 'mitigated' } },
    ];
    const next = applyOperations(world(), ops);
    expect(next.manualThreats).toEqual([{ ...threat, status: 'mitigated' }]);
    expect(applyOperation(next, { type: 'addManualThreat', threat })).toBe(next);
    expect(applyOperation(next, { type: 'removeManualThreat', id: 't1' }).manualThreats).toEqual([]);
  });

  it('replaces rule-pack settings', () => {
    const m = world();
    const settings = { enabled: ['stride'], disabledRules: ['AUTH-02'], custom: [] };
    expect(applyOperation(m, { type: 'setRulePacks', settings }).rulePacks).toBe(settings);
    expect(applyOperation(m, { type: 'setRulePacks', settings: m.rulePacks })).toBe(m);
  });
});

describe('pasteItems', () => {
  it('adds a batch, skipping taken ids and dangling flows, nulling foreign containers', () => {
    const m = world();
    const a = createElement({ id: 'a', diagramId: DIAGRAM_ID, boundaryId: 'ghost' });
    const b = createElement({ id: 'b', diagramId: DIAGRAM_ID, boundaryId: ids.inner });
    const next = applyOperation(m, {
      type: 'pasteItems',
      elements: [a, b, createElement({ id: ids.gw, diagramId: DIAGRAM_ID })],
      boundaries: [makeBoundary({ id: 'pb', parentId: 'pb2' }), makeBoundary({ id: 'pb2', parentId: 'pb' })],
      flows: [createFlow({ id: 'ab', source: 'a', target: 'b' }), createFlow({ id: 'ax', source: 'a', target: 'ghost' })],
      notes: [],
    });
    expect(next.elements.map((e) => e.id)).toEqual([...m.elements.map((e) => e.id), 'a', 'b']);
    expect(el(next, 'a').boundaryId).toBeNull();
    expect(el(next, 'b').boundaryId).toBe(ids.inner);
    expect(next.flows.map((f) => f.id)).toEqual([...m.flows.map((f) => f.id), 'ab']);
    const pb = bd(next, 'pb');
    const pb2 = bd(next, 'pb2');
    expect(pb.parentId === null || pb2.parentId === null).toBe(true);
    expect(next.notes).toBe(m.notes);
  });

  it('an empty or fully refused batch is a no-op', () => {
    const m = world();
    expect(applyOperation(m, { type: 'pasteItems', elements: [], boundaries: [], flows: [], notes: [] })).toBe(m);
    expect(applyOperation(m, { type: 'pasteItems', elements: [createElement({ id: ids.gw, diagramId: DIAGRAM_ID })], boundaries: [], flows: [], notes: [] })).toBe(m);
  });
});

it('rejects an unknown operation type at run time', () => {
  expect(() => applyOperation(world(), { type: 'explode' } as unknown as Operation)).toThrow(/operation/);
});
