import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/app/templates/index';
import { DEFAULT_ELEMENT_SIZE } from '../../src/model/document';
import { checkPropertyValue, getPropertyDecl, type PropTarget } from '../../src/model/properties';
import { parseAndRestore, restore } from '../../src/model/restore';
import { serializeEnvelope, toEnvelope } from '../../src/model/serialize';
import type { Boundary, ThreatModel } from '../../src/model/types';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';

function inside(inner: { x: number; y: number; width: number; height: number }, outer: Boundary): boolean {
  return (
    inner.x >= outer.position.x &&
    inner.y >= outer.position.y &&
    inner.x + inner.width <= outer.position.x + outer.size.width &&
    inner.y + inner.height <= outer.position.y + outer.size.height
  );
}

function propertyProblems(model: ThreatModel): string[] {
  const problems: string[] = [];
  const check = (id: string, target: PropTarget, props: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(props)) {
      const decl = getPropertyDecl(name);
      if (!decl) problems.push(`${id}: unknown property ${name}`);
      else if (!decl.appliesTo.includes(target)) problems.push(`${id}: ${name} does not apply to ${target}`);
      else {
        const reason = checkPropertyValue(decl, value as never);
        if (reason) problems.push(`${id}: ${name}: ${reason}`);
      }
    }
  };
  for (const e of model.elements) check(e.name, e.kind, e.props);
  for (const f of model.flows) check(f.name, 'flow', f.props);
  for (const b of model.boundaries) check(b.name, 'boundary', b.props);
  return problems;
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('builds a model that restores without a single repair', () => {
    const result = restore(toEnvelope(template.build()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([]);
  });

  it('uses only declared properties with allowed values', () => {
    expect(propertyProblems(template.build())).toEqual([]);
  });

  it('draws every element inside its boundary and every boundary inside its parent', () => {
    const model = template.build();
    const byId = new Map(model.boundaries.map((b) => [b.id, b]));
    expect(model.elements.length).toBeGreaterThan(0);
    for (const e of model.elements) {
      const size = e.size ?? DEFAULT_ELEMENT_SIZE;
      const box = { x: e.position.x, y: e.position.y, ...size };
      if (e.boundaryId) expect(inside(box, byId.get(e.boundaryId)!), `${e.name} inside its boundary`).toBe(true);
      // Not inside any boundary it does not belong to (absolute positions make containment visual).
      for (const b of model.boundaries) {
        const chain: string[] = [];
        for (let p: string | null = e.boundaryId; p; p = byId.get(p)?.parentId ?? null) chain.push(p);
        if (!chain.includes(b.id)) expect(inside(box, b), `${e.name} outside ${b.name}`).toBe(false);
      }
    }
    for (const b of model.boundaries) {
      if (b.parentId) expect(inside({ ...b.position, ...b.size }, byId.get(b.parentId)!), `${b.name} inside its parent`).toBe(true);
    }
  });

  it('joins flows between elements of the model', () => {
    const model = template.build();
    const ids = new Set(model.elements.map((e) => e.id));
    for (const f of model.flows) {
      expect(ids.has(f.source) && ids.has(f.target)).toBe(true);
    }
  });

  it('gets fresh ids every time', () => {
    const a = template.build();
    const b = template.build();
    expect(a.id).not.toBe(b.id);
    expect(a.elements[0].id).not.toBe(b.elements[0].id);
  });

  it('gives the analyst findings to work with and no rule problems', () => {
    const model = template.build();
    const analysis = analyze(model, getEnabledPacks(model));
    expect(analysis.findings.length).toBeGreaterThan(0);
    expect(analysis.problems).toEqual([]);
  });

  it('survives an export and import unchanged', () => {
    const model = template.build();
    const text = serializeEnvelope(model);
    const back = parseAndRestore(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(serializeEnvelope(back.model)).toBe(text);
  });
});

describe('template catalogue', () => {
  it('has unique ids and a crypto exchange with a signing zone holding the hot wallet', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    const exchange = TEMPLATES.find((t) => t.id === 'crypto-exchange-api')!.build();
    const zone = exchange.boundaries.find((b) => b.type === 'signingZone')!;
    const wallet = exchange.elements.find((e) => e.type === 'wallet')!;
    expect(wallet.boundaryId).toBe(zone.id);
    expect(zone.parentId).not.toBeNull();
  });

  it('runs only the STRIDE pack in the blank STRIDE model', () => {
    const blank = TEMPLATES.find((t) => t.id === 'blank-stride')!.build();
    expect(blank.rulePacks.enabled).toEqual(['stride']);
  });
});
