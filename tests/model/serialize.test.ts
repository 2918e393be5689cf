import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restore } from '../../src/model/restore';
import { serializeEnvelope, toEnvelope } from '../../src/model/serialize';
import { DOCUMENT_VERSION, type ThreatModel } from '../../src/model/types';
import { makeManualThreat, makeModel, makeNote, makeSampleModel } from '../factories/model';

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
/** The model as serialization orders it: id-sorted collections, everything else as is. */
const inSerializedOrder = (m: ThreatModel): ThreatModel => ({
  ...m,
  elements: byId(m.elements),
  flows: byId(m.flows),
  boundaries: byId(m.boundaries),
  notes: byId(m.notes),
  manualThreats: byId(m.manualThreats),
});

const UNORDERED = new Set(['elements', 'flows', 'boundaries', 'notes', 'manualThreats']);
/** Reverses every object's key order and the order of the collections whose order carries no meaning. */
function scramble(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => scramble(v));
    return UNORDERED.has(key) ? items.reverse() : items;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).reverse()) out[k] = scramble((value as Record<string, unknown>)[k], k);
    return out;
  }
  return value;
}

function richModel(): ThreatModel {
  const m = makeSampleModel();
  return {
    ...m,
    diagrams: [...m.diagrams, { id: 'a-detail', name: 'Detail' }],
    notes: [makeNote({ id: 'n2', text: 'second' }), makeNote({ id: 'n1', text: 'first', diagramId: 'a-detail' })],
    manualThreats: [makeManualThreat({ id: 't2', targetId: 'gw' }), makeManualThreat({ id: 't1', owner: 'ops' })],
    triage: { 'AUTH-02@bot->exchange': { status: 'accepted', justification: 'ok', updatedAt: '2024-01-02T00:00:00.000Z', mitigations: { window: 'planned' } } },
    rulePacks: { enabled: ['trading', 'stride'], disabledRules: ['X-1'], custom: [{ id: 'mine', name: 'Mine', version: '2', rules: [{ id: 'R', when: 'true' }] }] },
    extra: { futureThing: { b: 1, a: [3, 2, 1] } },
  };
}

describe('serializeEnvelope', () => {
  it('round-trips through restore (collections come back id-sorted)', () => {
    const m = richModel();
    const result = restore(JSON.parse(serializeEnvelope(m)));
    expect(result).toEqual({ ok: true, model: inSerializedOrder(m), warnings: [] });
  });

  it('is byte-identical for the same model with reordered collections and keys', () => {
    const m = richModel();
    const scrambled = scramble(m) as ThreatModel;
    expect(scrambled.elements[0].id).not.toBe(m.elements[0].id);
    expect(serializeEnvelope(scrambled)).toBe(serializeEnvelope(m));
  });

  it('keeps diagram order (tab order) and list values in order', () => {
    const m = richModel();
    const swapped = { ...m, diagrams: [...m.diagrams].reverse() };
    const parsed = JSON.parse(serializeEnvelope(swapped));
    expect(parsed.model.diagrams.map((d: { id: string }) => d.id)).toEqual(swapped.diagrams.map((d) => d.id));
    expect(parsed.model.extra).toBeUndefined();
    expect(parsed.model.futureThing).toEqual({ a: [3, 2, 1], b: 1 });
  });

  it('writes sorted keys, 2-space indentation and a trailing newline', () => {
    const text = serializeEnvelope(makeModel());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "rampart",\n  "model": {\n    "boundaries": []')).toBe(true);
    expect(text).toContain(`\n  "version": ${DOCUMENT_VERSION}\n}`);
  });

  it('toEnvelope wraps the model in the current format and version', () => {
    const m = makeModel();
    expect(toEnvelope(m)).toEqual({ format: 'rampart', version: DOCUMENT_VERSION, model: m });
  });

  it('is stable under any permutation of the elements', () => {
    const m = makeSampleModel();
    const expected = serializeEnvelope(m);
    fc.assert(
      fc.property(fc.shuffledSubarray(m.elements, { minLength: m.elements.length }), (elements) => {
        expect(serializeEnvelope({ ...m, elements })).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });
});
