/**
 * Plain-object builders for test documents (no dependency on model/document.ts, so these tests stand alone).
 */
import type { Boundary, ElementKind, Flow, ModelElement, Props, ThreatModel } from '../../../src/model/types';
import type { Rule, RulePack } from '../../../src/rules/types';

export function el(id: string, kind: ElementKind, type: string = kind, props: Props = {}, boundaryId: string | null = null): ModelElement {
  return { id, diagramId: 'd1', kind, type, name: id, description: '', boundaryId, position: { x: 0, y: 0 }, props };
}

export function zone(id: string, type: string, parentId: string | null = null, props: Props = {}): Boundary {
  return { id, diagramId: 'd1', shape: 'zone', name: id, type, parentId, position: { x: 0, y: 0 }, size: { width: 100, height: 100 }, props };
}

export function line(id: string, type: string, crossedBy: string[]): Boundary {
  return { ...zone(id, type), shape: 'line', crossedBy };
}

export function flow(id: string, source: string, target: string, props: Props = {}): Flow {
  return { id, source, target, name: id, props };
}

export function model(parts: { elements?: ModelElement[]; flows?: Flow[]; boundaries?: Boundary[]; disabledRules?: string[] }): ThreatModel {
  return {
    id: 'm1',
    name: 'Test model',
    description: '',
    owner: '',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    diagrams: [{ id: 'd1', name: 'Main' }],
    elements: parts.elements ?? [],
    boundaries: parts.boundaries ?? [],
    flows: parts.flows ?? [],
    notes: [],
    triage: {},
    manualThreats: [],
    rulePacks: { enabled: [], disabledRules: parts.disabledRules ?? [], custom: [] },
  };
}

export function rule(id: string, appliesTo: string[], when: string, extra: Partial<Rule> = {}): Rule {
  return { id, title: `Rule ${id}`, description: `About ${id}`, stride: 'T', appliesTo, when, severity: 'medium', mitigations: [], references: [], ...extra };
}

export function pack(rules: Rule[], id = 'test'): RulePack {
  return { id, name: `Pack ${id}`, version: '1', rules };
}
