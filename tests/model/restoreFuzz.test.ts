/** Property tests: restore takes anything without throwing, and what it returns is always a sound model. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../src/model/invariants';
import { parseAndRestore, restore, type RestoreResult } from '../../src/model/restore';
import { serializeEnvelope } from '../../src/model/serialize';

/** FUZZ_RUNS=20 npx vitest run tests/model/restoreFuzz.test.ts runs every property 20 times longer. */
const SCALE = Math.max(1, Number(process.env.FUZZ_RUNS) || 1);
const runs = (n: number) => ({ numRuns: n * SCALE });

const chaos = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

function assertSound(result: RestoreResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(typeof result.reason).toBe('string');
    expect(result.path.startsWith('$')).toBe(true);
    return;
  }
  expect(findInvariantViolations(result.model)).toEqual([]);
  // What restore returns restores again to itself, without warnings.
  const text = serializeEnvelope(result.model);
  const again = restore(JSON.parse(text));
  expect(again.ok && again.warnings).toEqual([]);
  if (again.ok) expect(serializeEnvelope(again.model)).toBe(text);
}

// Small id pools make references collide: duplicates, dangling and cyclic links all show up.
const id = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'z1', 'z2', 'f1', 'd1', 'd2'), chaos);
const point = fc.oneof(fc.record({ x: fc.double(), y: fc.double() }), chaos);
const props = fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.array(fc.string()), chaos)), chaos);
const modelShaped = fc.record(
  {
    id: fc.oneof(fc.uuid(), chaos),
    name: fc.oneof(fc.string(), chaos),
    diagrams: fc.array(fc.oneof(fc.record({ id, name: fc.string() }), chaos), { maxLength: 3 }),
    elements: fc.array(
      fc.oneof(
        fc.record(
          { id, diagramId: id, kind: fc.oneof(fc.constantFrom('actor', 'process', 'store'), chaos), type: fc.oneof(fc.constantFrom('apiGateway', 'hsm', 'x'), chaos), boundaryId: fc.oneof(id, fc.constant(null)), position: point, size: chaos, props },
          { requiredKeys: ['id', 'kind'] },
        ),
        chaos,
      ),
      { maxLength: 8 },
    ),
    boundaries: fc.array(
      fc.record(
        { id, diagramId: id, shape: fc.oneof(fc.constantFrom('zone', 'line'), chaos), type: fc.string(), parentId: fc.oneof(id, fc.constant(null)), position: point, size: fc.oneof(fc.record({ width: fc.double(), height: fc.double() }), chaos), props, crossedBy: fc.oneof(fc.array(id), chaos), points: fc.oneof(fc.array(point), chaos) },
        { requiredKeys: [] },
      ),
      { maxLength: 6 },
    ),
    flows: fc.array(fc.record({ id, source: id, target: id, name: fc.string(), props, description: chaos }, { requiredKeys: ['source', 'target'] }), { maxLength: 8 }),
    notes: fc.array(fc.record({ id, diagramId: id, text: chaos, position: point, size: chaos }, { requiredKeys: [] }), { maxLength: 3 }),
    triage: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.record({ status: fc.oneof(fc.constantFrom('open', 'accepted'), chaos), justification: chaos, mitigations: chaos }), chaos)), chaos),
    manualThreats: fc.array(fc.oneof(fc.record({ id, targetId: chaos, title: chaos, severity: chaos, stride: chaos, status: chaos }), chaos), { maxLength: 3 }),
    rulePacks: fc.oneof(fc.record({ enabled: chaos, disabledRules: chaos, custom: fc.oneof(fc.array(fc.record({ id: fc.string(), rules: fc.array(chaos) })), chaos) }), chaos),
    unknownField: chaos,
  },
  { requiredKeys: [] },
);

describe('restore never throws', { timeout: 20_000 * SCALE }, () => {
  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => assertSound(restore(v))), runs(300));
  });

  it('on any JSON value as the model of an envelope, of any known version', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1), (model, version) => assertSound(restore({ format: 'rampart', version, model }))),
      runs(300),
    );
  });

  it('on anything at all as the model or as a whole envelope', () => {
    fc.assert(fc.property(chaos, (model) => assertSound(restore({ format: 'rampart', version: 1, model }))), runs(300));
    fc.assert(fc.property(chaos, (v) => assertSound(restore(v))), runs(200));
  });

  it('on model-shaped data with colliding, dangling and cyclic references', () => {
    fc.assert(fc.property(modelShaped, (model) => assertSound(restore({ format: 'rampart', version: 1, model }))), runs(400));
  });

  it('on version-0-shaped data', () => {
    const v0 = fc.record(
      {
        nodes: fc.array(fc.oneof(fc.record({ id, kind: fc.constantFrom('actor', 'process', 'store'), zone: id, x: chaos, y: fc.double() }), chaos), { maxLength: 5 }),
        zones: fc.array(fc.oneof(fc.record({ id, parent: id, x: fc.double(), y: chaos, width: chaos }), chaos), { maxLength: 4 }),
        edges: fc.array(fc.oneof(fc.record({ id, from: id, to: id }), chaos), { maxLength: 5 }),
        decisions: chaos,
        packs: chaos,
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(v0, (model) => assertSound(restore({ format: 'rampart', version: 0, model }))), runs(300));
  });

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => assertSound(parseAndRestore(text))), runs(300));
  });
});
