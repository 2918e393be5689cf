/** One test per repair `restore` makes: the warning's path and the repaired result. */
import { describe, expect, it } from 'vitest';
import { restore, type RestoreWarning } from '../../src/model/restore';
import { findInvariantViolations } from '../../src/model/invariants';
import type { ThreatModel } from '../../src/model/types';

const D = 'd1';
const el = (id: string, extra: Record<string, unknown> = {}) => ({ id, diagramId: D, kind: 'process', type: 'process', name: id, position: { x: 0, y: 0 }, props: {}, ...extra });
const zone = (id: string, extra: Record<string, unknown> = {}) => ({ id, diagramId: D, shape: 'zone', type: 'dmz', name: id, parentId: null, position: { x: 0, y: 0 }, size: { width: 10, height: 10 }, props: {}, ...extra });
const flow = (id: string, source: string, target: string) => ({ id, source, target, name: '', props: {} });

/** Restores a model built from the given fields; asserts success and soundness. */
function repair(model: Record<string, unknown>): { model: ThreatModel; warnings: RestoreWarning[] } {
  const result = restore({ format: 'rampart', version: 1, model: { id: 'm', diagrams: [{ id: D, name: 'Main' }], ...model } });
  if (!result.ok) throw new Error(`refused: ${result.reason} at ${result.path}`);
  expect(findInvariantViolations(result.model)).toEqual([]);
  return result;
}

const paths = (warnings: RestoreWarning[]) => warnings.map((w) => w.path);

describe('restore repairs', () => {
  it('drops a flow whose endpoint is missing', () => {
    const { model, warnings } = repair({ elements: [el('a')], flows: [flow('f', 'a', 'ghost')] });
    expect(model.flows).toEqual([]);
    expect(warnings).toEqual([{ path: '$.model.flows[0].target', message: expect.stringMatching(/"ghost" is no element; flow dropped/) }]);
  });

  it('drops a flow whose endpoints are on different diagrams', () => {
    const { model, warnings } = repair({
      diagrams: [{ id: D, name: 'One' }, { id: 'd2', name: 'Two' }],
      elements: [el('a'), el('b', { diagramId: 'd2' })],
      flows: [flow('f', 'a', 'b')],
    });
    expect(model.flows).toEqual([]);
    expect(paths(warnings)).toEqual(['$.model.flows[0]']);
  });

  it('re-issues duplicate ids; references keep pointing at the first', () => {
    const { model, warnings } = repair({ elements: [el('a'), el('a', { name: 'second' }), el('b')], flows: [flow('f', 'b', 'a')] });
    const [first, second] = model.elements;
    expect(first).toMatchObject({ id: 'a', name: 'a' });
    expect(second.name).toBe('second');
    expect(second.id).not.toBe('a');
    expect(model.flows[0].target).toBe('a');
    expect(warnings).toEqual([{ path: '$.model.elements[1].id', message: expect.stringMatching(/^duplicate id "a"; re-issued as/) }]);
  });

  it('re-issues ids duplicated across collections; typed references resolve within their collection', () => {
    const { model, warnings } = repair({ boundaries: [zone('x')], elements: [el('x'), el('y', { boundaryId: 'x' })], flows: [flow('f', 'y', 'x')] });
    const reissued = model.elements[0].id;
    expect(reissued).not.toBe('x');
    expect(model.boundaries[0].id).toBe('x');
    expect(model.elements[1].boundaryId).toBe('x');
    expect(model.flows[0].target).toBe(reissued);
    expect(paths(warnings)).toEqual(['$.model.elements[0].id']);
  });

  it('drops an element of unknown kind but keeps an unknown type', () => {
    const { model, warnings } = repair({ elements: [el('a', { kind: 'robot' }), el('b', { type: 'tm7.GE.P.custom' })] });
    expect(model.elements.map((e) => [e.id, e.type])).toEqual([['b', 'tm7.GE.P.custom']]);
    expect(warnings).toEqual([{ path: '$.model.elements[0].kind', message: 'unknown kind the text "robot"; element dropped' }]);
  });

  it('takes a missing kind from a known stencil type', () => {
    const { model, warnings } = repair({ elements: [el('a', { kind: undefined, type: 'database' })] });
    expect(model.elements[0].kind).toBe('store');
    expect(paths(warnings)).toEqual(['$.model.elements[0].kind']);
  });

  it('sets a boundaryId that points nowhere to null', () => {
    const { model, warnings } = repair({ elements: [el('a', { boundaryId: 'ghost' })] });
    expect(model.elements[0].boundaryId).toBeNull();
    expect(paths(warnings)).toEqual(['$.model.elements[0].boundaryId']);
  });

  it('sets a parentId that points nowhere, or at a line boundary, to null', () => {
    const { model, warnings } = repair({ boundaries: [zone('a', { parentId: 'ghost' }), zone('line', { shape: 'line' }), zone('b', { parentId: 'line' })] });
    expect(model.boundaries.map((b) => b.parentId)).toEqual([null, null, null]);
    expect(paths(warnings)).toEqual(['$.model.boundaries[0].parentId', '$.model.boundaries[2].parentId']);
  });

  it('breaks parent cycles', () => {
    const { model, warnings } = repair({ boundaries: [zone('a', { parentId: 'c' }), zone('b', { parentId: 'a' }), zone('c', { parentId: 'b' }), zone('self', { parentId: 'self' })] });
    const parents = Object.fromEntries(model.boundaries.map((b) => [b.id, b.parentId]));
    expect(Object.values(parents).filter((p) => p === null)).toHaveLength(2);
    expect(parents.self).toBeNull();
    expect(warnings).toHaveLength(2);
    expect(warnings.find((w) => w.path === '$.model.boundaries[3].parentId')?.message).toMatch(/cannot contain itself/);
    expect(warnings.some((w) => /makes a cycle/.test(w.message))).toBe(true);
  });

  it('moves an element on a missing diagram to the first diagram', () => {
    const { model, warnings } = repair({ elements: [el('a', { diagramId: 'gone' })], notes: [{ id: 'n', diagramId: 'gone', text: 'x', position: { x: 0, y: 0 } }] });
    expect(model.elements[0].diagramId).toBe(D);
    expect(model.notes[0].diagramId).toBe(D);
    expect(paths(warnings)).toEqual(['$.model.elements[0].diagramId', '$.model.notes[0].diagramId']);
  });

  it('creates a diagram when there is none', () => {
    const { model, warnings } = repair({ diagrams: [], elements: [el('a')] });
    expect(model.diagrams).toHaveLength(1);
    expect(model.elements[0].diagramId).toBe(model.diagrams[0].id);
    expect(paths(warnings)).toEqual(['$.model.diagrams', '$.model.elements[0].diagramId']);
  });

  it('drops property values that are not text, numbers, booleans or lists of text', () => {
    const { model, warnings } = repair({ elements: [el('a', { props: { ok: 'x', n: 3, b: false, l: ['a'], obj: { x: 1 }, mixed: ['a', 1], nil: null } })] });
    expect(model.elements[0].props).toEqual({ ok: 'x', n: 3, b: false, l: ['a'] });
    expect(paths(warnings)).toEqual(['$.model.elements[0].props.obj', '$.model.elements[0].props.mixed', '$.model.elements[0].props.nil']);
  });

  it('drops non-finite numbers', () => {
    const { model, warnings } = repair({ elements: [el('a', { props: { timeoutMs: Infinity, approvals: NaN, keyRotationDays: 90 } })] });
    expect(model.elements[0].props).toEqual({ keyRotationDays: 90 });
    expect(paths(warnings)).toEqual(['$.model.elements[0].props.timeoutMs', '$.model.elements[0].props.approvals']);
  });

  it('sets a non-finite position to 0 with a warning', () => {
    const { model, warnings } = repair({ elements: [el('a', { position: { x: NaN, y: 5 } })] });
    expect(model.elements[0].position).toEqual({ x: 0, y: 5 });
    expect(paths(warnings)).toEqual(['$.model.elements[0].position.x']);
  });

  it('drops triage entries with an unknown status', () => {
    const { model, warnings } = repair({
      triage: {
        'R1@a': { status: 'wontfix', justification: '', updatedAt: '' },
        'R2@a': { status: 'accepted', justification: 'ok', updatedAt: 't', mitigations: { fix: 'implemented', bad: 'maybe' } },
      },
    });
    expect(model.triage).toEqual({ 'R2@a': { status: 'accepted', justification: 'ok', updatedAt: 't', mitigations: { fix: 'implemented' } } });
    expect(paths(warnings)).toEqual(['$.model.triage["R1@a"].status', '$.model.triage["R2@a"].mitigations.bad']);
  });

  it('truncates strings beyond 100,000 characters', () => {
    const { model, warnings } = repair({ elements: [el('a', { description: 'x'.repeat(100_005) })] });
    expect(model.elements[0].description).toHaveLength(100_000);
    expect(warnings).toEqual([{ path: '$.model.elements[0].description', message: 'text of 100005 characters truncated to 100000' }]);
  });

  it('drops crossedBy entries naming missing flows, and crossedBy on zones', () => {
    const { model, warnings } = repair({
      elements: [el('a'), el('b')],
      flows: [flow('f', 'a', 'b')],
      boundaries: [zone('line', { shape: 'line', crossedBy: ['f', 'ghost'], points: [{ x: 0, y: 0 }] }), zone('z', { crossedBy: ['f'] })],
    });
    expect(model.boundaries[0].crossedBy).toEqual(['f']);
    expect(model.boundaries[1].crossedBy).toBeUndefined();
    expect(paths(warnings)).toEqual(['$.model.boundaries[1].crossedBy', '$.model.boundaries[0].crossedBy[1]']);
  });

  it('keeps a "__proto__" key out of props and extra', () => {
    const raw = JSON.parse('{"format":"rampart","version":1,"model":{"id":"m","__proto__":{"polluted":true},"elements":[{"id":"a","diagramId":"d1","kind":"actor","position":{"x":0,"y":0},"props":{"__proto__":{"x":1}}}],"diagrams":[{"id":"d1","name":"D"}]}}');
    const result = restore(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.model.elements[0].props)).toBe(Object.prototype);
    expect(Object.keys(result.model.elements[0].props)).toEqual([]);
    expect(result.model.extra).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(paths(result.warnings)).toEqual(['$.model.elements[0].props.__proto__', '$.model.__proto__']);
  });

  it('resets an unknown manual threat severity and keeps its target', () => {
    const { model, warnings } = repair({ manualThreats: [{ id: 't', targetId: 'gone', title: 'T', severity: 'apocalyptic', stride: 'SX', status: 'open' }] });
    expect(model.manualThreats[0]).toMatchObject({ targetId: 'gone', severity: 'medium', stride: 'S' });
    expect(paths(warnings)).toEqual(['$.model.manualThreats[0].severity', '$.model.manualThreats[0].stride']);
  });

  it('drops entries that are not objects', () => {
    const { model, warnings } = repair({ elements: [null, 3, el('a')] });
    expect(model.elements.map((e) => e.id)).toEqual(['a']);
    expect(paths(warnings)).toEqual(['$.model.elements[0]', '$.model.elements[1]']);
  });

  it('caps the warning list', () => {
    const { warnings } = repair({ elements: Array.from({ length: 700 }, (_, i) => el(`e${i}`, { kind: 'robot' })) });
    expect(warnings).toHaveLength(501);
    expect(warnings.at(-1)).toEqual({ path: '$', message: '200 more warnings not listed' });
  });
});
