import { describe, expect, it } from 'vitest';
import { restore } from '../../src/model/restore';
import { serializeEnvelope } from '../../src/model/serialize';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { generateTradingModel } from './generate';

describe('benchmark model generator', () => {
  it.each([28, 100, 1000])('makes exactly %i elements, about two flows each, that restore cleanly', (size) => {
    const model = generateTradingModel(size);
    expect(model.elements).toHaveLength(size);
    expect(model.flows.length).toBeGreaterThanOrEqual(size * 1.5);
    expect(model.flows.length).toBeLessThanOrEqual(size * 2.5 + 2);
    const restored = restore(JSON.parse(serializeEnvelope(model)));
    expect(restored.ok && restored.warnings).toEqual([]);
  });

  it('nests trust boundaries (dmz and signing zone in the VPC, the HSM enclave in the signing zone)', () => {
    const model = generateTradingModel(100);
    const byId = new Map(model.boundaries.map((b) => [b.id, b]));
    const parentType = (type: string) => model.boundaries.filter((b) => b.type === type).map((b) => (b.parentId ? byId.get(b.parentId)?.type : null));
    expect(new Set(parentType('dmz'))).toEqual(new Set(['cloudVpc']));
    expect(new Set(parentType('hsmEnclave'))).toEqual(new Set(['signingZone']));
    expect(new Set(model.boundaries.map((b) => b.type))).toEqual(new Set(['internet', 'partner', 'corporate', 'cloudVpc', 'dmz', 'signingZone', 'hsmEnclave']));
  });

  it('is deterministic and makes many rules fire, some confirmed and some unverified', () => {
    expect(serializeEnvelope(generateTradingModel(200))).toBe(serializeEnvelope(generateTradingModel(200)));
    const model = generateTradingModel(200);
    const { findings } = analyze(model, getEnabledPacks(model));
    expect(new Set(findings.map((f) => f.ruleId)).size).toBeGreaterThan(30);
    expect(findings.some((f) => f.confidence === 'confirmed')).toBe(true);
    expect(findings.some((f) => f.confidence === 'unverified')).toBe(true);
  });
});
