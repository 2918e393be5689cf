import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restore, type RestoreResult } from '../../src/model/restore';
import { serializeEnvelope, toEnvelope } from '../../src/model/serialize';
import { findInvariantViolations } from '../../src/model/invariants';
import { checkMigrations, MIGRATIONS } from '../../src/model/migrations';
import { DOCUMENT_VERSION, type ThreatModel } from '../../src/model/types';
import { makeSampleModel } from '../factories/model';

function okModel(result: RestoreResult): ThreatModel {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason} at ${result.path}`);
  return result.model;
}

describe('restore: valid documents', () => {
  it('restores a valid envelope unchanged and without warnings', () => {
    const model = makeSampleModel();
    const result = restore(JSON.parse(JSON.stringify(toEnvelope(model))));
    expect(result).toEqual({ ok: true, model, warnings: [] });
  });

  it('does not mutate its input', () => {
    const envelope = JSON.parse(serializeEnvelope(makeSampleModel()));
    envelope.model.flows[0].source = 'ghost';
    const before = JSON.stringify(envelope);
    restore(envelope);
    expect(JSON.stringify(envelope)).toBe(before);
  });

  it('keeps unknown top-level model fields in extra, as data', () => {
    const envelope = JSON.parse(serializeEnvelope(makeSampleModel()));
    envelope.model.layoutHints = { grid: 8, nested: [1, 'two', { three: true }] };
    const model = okModel(restore(envelope));
    expect(model.extra).toEqual({ layoutHints: { grid: 8, nested: [1, 'two', { three: true }] } });
    // ...and writes them back where they came from.
    expect(JSON.parse(serializeEnvelope(model)).model.layoutHints).toEqual(envelope.model.layoutHints);
  });

  it('fills absent optional fields with defaults, silently', () => {
    const model = okModel(
      restore({
        format: 'rampart',
        version: 1,
        model: { id: 'm', diagrams: [{ id: 'd', name: 'D' }], elements: [{ id: 'e', diagramId: 'd', kind: 'process', position: { x: 1, y: 2 } }] },
      }),
    );
    expect(model.elements[0]).toEqual({ id: 'e', diagramId: 'd', kind: 'process', type: 'process', name: '', description: '', boundaryId: null, position: { x: 1, y: 2 }, props: {} });
    expect(model.rulePacks.enabled).toEqual(['stride', 'owasp-api', 'trading', 'custody', 'defi']);
    expect(model.flows).toEqual([]);
    expect(model.triage).toEqual({});
  });
});

describe('restore: refusals', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['not an object', [1, 2], '$', /expected a JSON object/],
    ['a string', 'hello', '$', /expected a JSON object/],
    ['no format', { version: 1, model: {} }, '$.format', /no "format"/],
    ['another format', { format: 'otm', version: 1, model: {} }, '$.format', /format is the text "otm"/],
    ['a bad version', { format: 'rampart', version: '1', model: {} }, '$.version', /whole number/],
    ['a negative version', { format: 'rampart', version: -1, model: {} }, '$.version', /whole number/],
    ['no model', { format: 'rampart', version: 1 }, '$.model', /no model/],
    ['a model that is a list', { format: 'rampart', version: 1, model: [] }, '$.model', /must be an object/],
    ['elements that are not a list', { format: 'rampart', version: 1, model: { elements: {} } }, '$.model.elements', /must be a list/],
  ];
  it.each(cases)('refuses %s', (_name, input, path, reason) => {
    const result = restore(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.path).toBe(path);
      expect(result.reason).toMatch(reason);
    }
  });

  it('refuses a document from a newer version, saying so', () => {
    const result = restore({ format: 'rampart', version: DOCUMENT_VERSION + 1, model: {} });
    expect(result).toEqual({
      ok: false,
      path: '$.version',
      reason: `made by a newer Rampart (version ${DOCUMENT_VERSION + 1}); this one reads up to ${DOCUMENT_VERSION}`,
    });
  });

  it('refuses collections beyond the item limit', () => {
    const elements = new Array(50_001).fill(null);
    const result = restore({ format: 'rampart', version: 1, model: { elements } });
    expect(result).toMatchObject({ ok: false, path: '$.model.elements' });
    if (!result.ok) expect(result.reason).toMatch(/50001 entries; the limit is 50000/);
  });

  it('turns a throwing getter into a refusal instead of an exception', () => {
    const model = {};
    Object.defineProperty(model, 'elements', { enumerable: true, get: () => { throw new Error('boom'); } });
    const result = restore({ format: 'rampart', version: 1, model });
    expect(result).toMatchObject({ ok: false, path: '$' });
  });
});

describe('restore: version 0 (frozen fixture)', () => {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/model-v0.json', import.meta.url), 'utf8'));
  const result = restore(fixture);
  const model = okModel(result);
  const el = (id: string) => model.elements.find((e) => e.id === id)!;

  it('migrates to a valid current model, reporting the upgrade only', () => {
    expect(findInvariantViolations(model)).toEqual([]);
    expect(result.ok && result.warnings).toEqual([{ path: '$.version', message: `upgraded from version 0 to ${DOCUMENT_VERSION}` }]);
  });

  it('puts everything on one diagram and renames fields', () => {
    expect(model.diagrams).toHaveLength(1);
    expect(model.diagrams[0].name).toBe('Main');
    expect(new Set([...model.elements, ...model.boundaries].map((i) => i.diagramId))).toEqual(new Set([model.diagrams[0].id]));
    expect(model.owner).toBe('security@example.com');
    expect(el('n-gw')).toMatchObject({ name: 'REST API', kind: 'process', type: 'apiGateway', boundaryId: 'z-cloud', props: { exposesApi: true, rateLimiting: false } });
    expect(model.flows.map((f) => [f.id, f.source, f.target, f.name])).toEqual([
      ['e-order', 'n-trader', 'n-gw', 'Place order'],
      ['e-store', 'n-gw', 'n-db', 'Persist order'],
      ['e-sign', 'n-gw', 'n-signer', 'Withdrawal to sign'],
    ]);
    expect(model.boundaries.find((b) => b.id === 'z-sign')).toMatchObject({ name: 'Signing zone', parentId: 'z-cloud', shape: 'zone' });
  });

  it('turns parent-relative positions into absolute ones', () => {
    expect(model.boundaries.map((b) => [b.id, b.position])).toEqual([
      ['z-cloud', { x: 300, y: 40 }],
      ['z-sign', { x: 700, y: 290 }],
    ]);
    expect(el('n-trader').position).toEqual({ x: 40, y: 120 });
    expect(el('n-gw').position).toEqual({ x: 360, y: 100 });
    expect(el('n-db')).toMatchObject({ position: { x: 360, y: 340 }, size: { width: 180, height: 90 } });
    expect(el('n-signer').position).toEqual({ x: 740, y: 340 });
  });

  it('turns decisions into triage and packs into rule-pack settings', () => {
    expect(model.triage).toEqual({
      'AUTH-02@e-order': { status: 'accepted', justification: 'Venue enforces a 5 s window', updatedAt: '2023-11-03T17:00:00.000Z', mitigations: {} },
    });
    expect(model.rulePacks).toEqual({ enabled: ['stride', 'owasp-api', 'trading'], disabledRules: [], custom: [] });
  });

  it('survives a v0 document with cyclic zones and garbage entries', () => {
    const broken = {
      format: 'rampart',
      version: 0,
      model: { zones: [{ id: 'a', parent: 'b', x: 1, y: 1 }, { id: 'b', parent: 'a', x: 'x' }, 7], nodes: 'nope', edges: [null] },
    };
    const r = restore(broken);
    // `nodes` was not a list: the migrated elements field is refused with its path.
    expect(r).toMatchObject({ ok: false, path: '$.model.elements' });
    const r2 = restore({ ...broken, model: { ...broken.model, nodes: [] } });
    expect(r2.ok).toBe(true);
    if (r2.ok) expect(findInvariantViolations(r2.model)).toEqual([]);
  });
});

describe('migrations', () => {
  it('are contiguous from 0 to the current version', () => {
    expect(checkMigrations(MIGRATIONS, DOCUMENT_VERSION)).toEqual([]);
  });

  it('the checker notices a gap', () => {
    expect(checkMigrations([{ ...MIGRATIONS[0], from: 1 }], 1)).not.toEqual([]);
    expect(checkMigrations([], 1)).not.toEqual([]);
  });
});
