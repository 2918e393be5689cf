/**
 * Factories that build new document items with every field filled, so callers (store actions, importers,
 * tests) never hand-assemble a half-valid object. They only build data: adding it to a model is an operation.
 */
import { newId } from './ids';
import { getBoundaryTypeLabel, getStencil } from './stencils';
import type {
  Boundary,
  Diagram,
  ElementKind,
  Flow,
  Id,
  ManualThreat,
  ModelElement,
  Note,
  Point,
  RulePackSettings,
  Size,
  ThreatModel,
} from './types';

/** Ids of the built-in rule packs, all enabled in a new model. */
export const BUILTIN_PACK_IDS: readonly string[] = ['stride', 'owasp-api', 'trading', 'custody', 'defi'];

export const DEFAULT_ELEMENT_SIZE: Readonly<Size> = { width: 160, height: 80 };
export const DEFAULT_BOUNDARY_SIZE: Readonly<Size> = { width: 420, height: 300 };
export const DEFAULT_NOTE_SIZE: Readonly<Size> = { width: 200, height: 100 };
/** The type a new boundary gets when none is asked for. */
export const DEFAULT_BOUNDARY_TYPE = 'corporate';

const KIND_LABELS: Record<ElementKind, string> = { actor: 'Actor', process: 'Process', store: 'Data store' };

/** Rule-pack settings of a new model: every built-in pack on, nothing disabled, no custom packs. */
export function createRulePackSettings(): RulePackSettings {
  return { enabled: [...BUILTIN_PACK_IDS], disabledRules: [], custom: [] };
}

/** A diagram (tab). */
export function createDiagram(init: { id?: Id; name?: string } = {}): Diagram {
  return { id: init.id ?? newId(), name: init.name ?? 'Diagram' };
}

/** An empty model with one diagram, "Main", and every built-in rule pack enabled. */
export function createModel(
  init: { id?: Id; name?: string; owner?: string; description?: string; now?: string; diagram?: Diagram } = {},
): ThreatModel {
  const now = init.now ?? new Date().toISOString();
  return {
    id: init.id ?? newId(),
    name: init.name ?? 'Untitled model',
    description: init.description ?? '',
    owner: init.owner ?? '',
    createdAt: now,
    updatedAt: now,
    diagrams: [init.diagram ?? createDiagram({ name: 'Main' })],
    elements: [],
    boundaries: [],
    flows: [],
    notes: [],
    triage: {},
    manualThreats: [],
    rulePacks: createRulePackSettings(),
  };
}

export type ElementInit = Partial<ModelElement> & { diagramId: Id };

/**
 * A new element. `type` defaults to the kind's generic stencil (`process` when neither is given); `kind`,
 * `name` and `props` default to the stencil's. Explicit `props` replace the stencil defaults rather than
 * merging with them, so a caller can build an element with exactly the properties it means.
 */
export function createElement(init: ElementInit): ModelElement {
  const type = init.type ?? init.kind ?? 'process';
  const stencil = getStencil(type);
  const kind = init.kind ?? stencil?.kind ?? 'process';
  const element: ModelElement = {
    id: init.id ?? newId(),
    diagramId: init.diagramId,
    kind,
    type,
    name: init.name ?? stencil?.label ?? KIND_LABELS[kind],
    description: init.description ?? '',
    boundaryId: init.boundaryId ?? null,
    position: init.position ? { ...init.position } : { x: 0, y: 0 },
    props: init.props ? { ...init.props } : { ...(stencil?.defaults ?? {}) },
  };
  if (init.size) element.size = { ...init.size };
  // Copy list values so the new element shares nothing mutable with the stencil catalog.
  for (const [k, v] of Object.entries(element.props)) if (Array.isArray(v)) element.props[k] = [...v];
  return element;
}

export type BoundaryInit = Partial<Boundary> & { diagramId: Id };

/**
 * A new trust boundary. A zone defaults to {@link DEFAULT_BOUNDARY_SIZE}; a line gets `crossedBy: []` and,
 * unless given, a straight two-point polyline across the top of its box.
 */
export function createBoundary(init: BoundaryInit): Boundary {
  const shape = init.shape ?? 'zone';
  const type = init.type ?? DEFAULT_BOUNDARY_TYPE;
  const position: Point = init.position ? { ...init.position } : { x: 0, y: 0 };
  const size: Size = init.size ? { ...init.size } : shape === 'line' ? { width: 300, height: 0 } : { ...DEFAULT_BOUNDARY_SIZE };
  const boundary: Boundary = {
    id: init.id ?? newId(),
    diagramId: init.diagramId,
    shape,
    name: init.name ?? getBoundaryTypeLabel(type),
    type,
    parentId: init.parentId ?? null,
    position,
    size,
    props: init.props ? { ...init.props } : {},
  };
  if (shape === 'line') {
    boundary.crossedBy = init.crossedBy ? [...init.crossedBy] : [];
    boundary.points = init.points
      ? init.points.map((p) => ({ ...p }))
      : [{ ...position }, { x: position.x + size.width, y: position.y + size.height }];
  }
  return boundary;
}

export type FlowInit = Partial<Flow> & { source: Id; target: Id };

/** A new data flow from `source` to `target`. */
export function createFlow(init: FlowInit): Flow {
  const flow: Flow = {
    id: init.id ?? newId(),
    source: init.source,
    target: init.target,
    name: init.name ?? '',
    props: init.props ? { ...init.props } : {},
  };
  if (init.description !== undefined) flow.description = init.description;
  return flow;
}

export type NoteInit = Partial<Note> & { diagramId: Id };

/** A new free-text note. */
export function createNote(init: NoteInit): Note {
  return {
    id: init.id ?? newId(),
    diagramId: init.diagramId,
    text: init.text ?? '',
    position: init.position ? { ...init.position } : { x: 0, y: 0 },
    size: init.size ? { ...init.size } : { ...DEFAULT_NOTE_SIZE },
  };
}

/** A new hand-written threat, open and of medium severity unless said otherwise. */
export function createManualThreat(init: Partial<ManualThreat> = {}): ManualThreat {
  const threat: ManualThreat = {
    id: init.id ?? newId(),
    targetId: init.targetId ?? null,
    title: init.title ?? 'New threat',
    description: init.description ?? '',
    severity: init.severity ?? 'medium',
    stride: init.stride ?? '',
    status: init.status ?? 'open',
    mitigation: init.mitigation ?? '',
  };
  if (init.owner !== undefined) threat.owner = init.owner;
  return threat;
}
