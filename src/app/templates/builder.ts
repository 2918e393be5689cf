/**
 * A small helper for writing templates as code: every item is built by the model's own factories, so templates
 * get fresh ids each time and stay valid as the document format evolves. Positions are absolute (the document's
 * convention) and each element lies inside its boundary's box.
 */
import { createBoundary, createElement, createFlow, createModel, DEFAULT_ELEMENT_SIZE } from '../../model/document';
import { getStencil } from '../../model/stencils';
import type { Boundary, BoundaryType, ElementKind, Flow, ModelElement, Props, ThreatModel } from '../../model/types';

export interface TemplateBuilder {
  readonly model: ThreatModel;
  zone(type: BoundaryType, name: string, box: { x: number; y: number; width: number; height: number }, parent?: Boundary): Boundary;
  node(type: string, name: string, at: { x: number; y: number }, options?: { boundary?: Boundary; props?: Props; kind?: ElementKind; description?: string }): ModelElement;
  flow(source: ModelElement, target: ModelElement, name: string, props?: Props): Flow;
}

export function createTemplateBuilder(init: { name: string; description: string; diagramName: string; packs?: string[] }): TemplateBuilder {
  const model = createModel({ name: init.name, description: init.description });
  model.diagrams[0].name = init.diagramName;
  if (init.packs) model.rulePacks.enabled = [...init.packs];
  const diagramId = model.diagrams[0].id;

  return {
    model,
    zone(type, name, box, parent) {
      const boundary = createBoundary({
        diagramId,
        shape: 'zone',
        type,
        name,
        parentId: parent?.id ?? null,
        position: { x: box.x, y: box.y },
        size: { width: box.width, height: box.height },
      });
      model.boundaries.push(boundary);
      return boundary;
    },
    node(type, name, at, options = {}) {
      const element = createElement({
        diagramId,
        type,
        name,
        kind: options.kind,
        description: options.description ?? '',
        boundaryId: options.boundary?.id ?? null,
        position: at,
        size: { ...DEFAULT_ELEMENT_SIZE },
        // createElement replaces stencil defaults when props are given: merge so templates keep them.
        props: { ...(getStencil(type)?.defaults ?? {}), ...(options.props ?? {}) },
      });
      model.elements.push(element);
      return element;
    },
    flow(source, target, name, props = {}) {
      const flow = createFlow({ source: source.id, target: target.id, name, props });
      model.flows.push(flow);
      return flow;
    },
  };
}
