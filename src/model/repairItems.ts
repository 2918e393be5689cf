/**
 * Restore, part 1: the diagram contents. Reads diagrams, boundaries, elements, flows and notes from untrusted
 * data and repairs them so that every invariant of the document holds:
 *
 * - ids are unique across the model (later duplicates are re-issued; references to a duplicated id keep
 *   pointing at the first item of the referenced collection that had it);
 * - there is at least one diagram, and every item sits on one that exists (else on the first);
 * - containers (`boundaryId`, `parentId`) name a zone on the same diagram, or are null; parent chains have no
 *   cycles;
 * - every flow joins two elements of one diagram (else it is dropped); `crossedBy` names existing flows;
 * - an element has a known kind (else it is dropped; an unknown *type* is kept).
 */
import { isRecord } from '../lib/guards';
import { createDiagram, DEFAULT_BOUNDARY_SIZE, DEFAULT_BOUNDARY_TYPE } from './document';
import { describe, quote, RESTORE_LIMITS, RestoreRefusal, type RestoreContext } from './restoreContext';
import { getStencil } from './stencils';
import { ELEMENT_KINDS, type Boundary, type Diagram, type ElementKind, type Flow, type Id, type ModelElement, type Note } from './types';

export interface RepairedItems {
  diagrams: Diagram[];
  boundaries: Boundary[];
  elements: ModelElement[];
  flows: Flow[];
  notes: Note[];
}

/** An array field of the model: absent reads as empty; anything else but a list is refused. */
export function readList(raw: Record<string, unknown>, key: string): unknown[] {
  const value = raw[key];
  const path = `$.model.${key}`;
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RestoreRefusal(`model.${key} must be a list, found ${describe(value)}`, path);
  if (value.length > RESTORE_LIMITS.maxItems) {
    throw new RestoreRefusal(`model.${key} has ${value.length} entries; the limit is ${RESTORE_LIMITS.maxItems}`, path);
  }
  // A sparse array's holes become undefined entries (reported), rather than being skipped silently.
  return Array.from(value);
}

/** Entries of a list that are objects, with their original index (for paths); others dropped with a warning. */
function records(ctx: RestoreContext, list: unknown[], key: string): { raw: Record<string, unknown>; path: string }[] {
  const out: { raw: Record<string, unknown>; path: string }[] = [];
  list.forEach((raw, i) => {
    const path = `$.model.${key}[${i}]`;
    if (isRecord(raw)) out.push({ raw, path });
    else ctx.warn(path, `expected an object, found ${describe(raw)}; dropped`);
  });
  return out;
}

/** Maps original ids to final ids for the first item of one collection that had them. */
class IdMap {
  private readonly map = new Map<string, Id>();
  add(raw: unknown, finalId: Id): void {
    if (typeof raw === 'string' && !this.map.has(raw)) this.map.set(raw, finalId);
  }
  resolve(raw: unknown): Id | undefined {
    return typeof raw === 'string' ? this.map.get(raw) : undefined;
  }
}

/** Reads the diagram contents; every ref in the result resolves. */
export function repairItems(ctx: RestoreContext, raw: Record<string, unknown>): RepairedItems {
  const lists = {
    diagrams: readList(raw, 'diagrams'),
    boundaries: readList(raw, 'boundaries'),
    elements: readList(raw, 'elements'),
    flows: readList(raw, 'flows'),
    notes: readList(raw, 'notes'),
  };

  // Diagrams first: every other item is placed on one.
  const diagramIds = new IdMap();
  const diagrams = records(ctx, lists.diagrams, 'diagrams').map(({ raw: d, path }, i): Diagram => {
    const id = ctx.claimId(d.id, `${path}.id`);
    diagramIds.add(d.id, id);
    return { id, name: ctx.string(d.name, `${path}.name`, `Diagram ${i + 1}`) };
  });
  if (diagrams.length === 0) {
    const created = createDiagram({ name: 'Main' });
    ctx.claimId(created.id, '$.model.diagrams');
    diagrams.push(created);
    if (lists.elements.length + lists.boundaries.length + lists.notes.length > 0) ctx.warn('$.model.diagrams', 'no diagrams; created one');
  }
  const placeOn = (value: unknown, path: string): Id => {
    const id = diagramIds.resolve(value);
    if (id !== undefined) return id;
    ctx.warn(path, `${value === undefined ? 'missing diagram' : `diagram ${describe(value)} does not exist`}; moved to ${quote(diagrams[0].name)}`);
    return diagrams[0].id;
  };

  // Boundaries (references resolved once all are read).
  const boundaryIds = new IdMap();
  const boundaryRefs = new Map<Id, { parent: unknown; path: string; crossedBy: unknown }>();
  const boundaries = records(ctx, lists.boundaries, 'boundaries').map(({ raw: b, path }): Boundary => {
    const id = ctx.claimId(b.id, `${path}.id`);
    boundaryIds.add(b.id, id);
    let shape: Boundary['shape'] = 'zone';
    if (b.shape === 'line') shape = 'line';
    else if (b.shape !== undefined && b.shape !== 'zone') ctx.warn(`${path}.shape`, `unknown shape ${describe(b.shape)}; set to "zone"`);
    const size = ctx.optionalSize(b.size, `${path}.size`);
    if (size === undefined && b.size === undefined) ctx.warn(`${path}.size`, 'missing size; set to the default');
    const boundary: Boundary = {
      id,
      diagramId: placeOn(b.diagramId, `${path}.diagramId`),
      shape,
      name: ctx.string(b.name, `${path}.name`, ''),
      type: ctx.string(b.type, `${path}.type`, DEFAULT_BOUNDARY_TYPE, true),
      parentId: null,
      position: ctx.point(b.position, `${path}.position`),
      size: size ?? { ...DEFAULT_BOUNDARY_SIZE },
      props: ctx.props(b.props, `${path}.props`),
    };
    if (shape === 'line') {
      boundary.points = readPoints(ctx, b.points, `${path}.points`);
    } else {
      if (b.points !== undefined) ctx.warn(`${path}.points`, 'a zone has no points; dropped');
      if (b.crossedBy !== undefined) ctx.warn(`${path}.crossedBy`, 'a zone lists no crossing flows; dropped');
    }
    boundaryRefs.set(id, { parent: b.parentId, path, crossedBy: b.crossedBy });
    return boundary;
  });
  const boundaryById = new Map(boundaries.map((b) => [b.id, b]));
  // A container reference resolves to a zone on the same diagram, or null with a warning.
  const container = (value: unknown, diagramId: Id, path: string, selfId?: Id): Id | null => {
    if (value === null || value === undefined) return null;
    const id = boundaryIds.resolve(value);
    const target = id === undefined ? undefined : boundaryById.get(id);
    let problem: string | null = null;
    if (target === undefined) problem = `boundary ${describe(value)} does not exist`;
    else if (target.id === selfId) problem = 'a boundary cannot contain itself';
    else if (target.shape !== 'zone') problem = `${quote(target.id)} is a line boundary, which contains nothing`;
    else if (target.diagramId !== diagramId) problem = `${quote(target.id)} is on another diagram`;
    if (problem === null) return target!.id;
    ctx.warn(path, `${problem}; set to null`);
    return null;
  };
  for (const b of boundaries) {
    const ref = boundaryRefs.get(b.id)!;
    b.parentId = container(ref.parent, b.diagramId, `${ref.path}.parentId`, b.id);
  }
  breakParentCycles(ctx, boundaries, boundaryRefs);

  // Elements.
  const elementIds = new IdMap();
  const elements: ModelElement[] = [];
  for (const { raw: e, path } of records(ctx, lists.elements, 'elements')) {
    const kind = readKind(ctx, e, path);
    if (kind === null) continue;
    const id = ctx.claimId(e.id, `${path}.id`);
    elementIds.add(e.id, id);
    const diagramId = placeOn(e.diagramId, `${path}.diagramId`);
    const element: ModelElement = {
      id,
      diagramId,
      kind,
      type: ctx.string(e.type, `${path}.type`, kind),
      name: ctx.string(e.name, `${path}.name`, ''),
      description: ctx.string(e.description, `${path}.description`, ''),
      boundaryId: container(e.boundaryId, diagramId, `${path}.boundaryId`),
      position: ctx.point(e.position, `${path}.position`),
      props: ctx.props(e.props, `${path}.props`),
    };
    const size = ctx.optionalSize(e.size, `${path}.size`);
    if (size) element.size = size;
    elements.push(element);
  }
  const elementById = new Map(elements.map((e) => [e.id, e]));

  // Flows: both endpoints must exist and share a diagram.
  const flowIds = new IdMap();
  const flows: Flow[] = [];
  for (const { raw: f, path } of records(ctx, lists.flows, 'flows')) {
    const source = elementById.get(elementIds.resolve(f.source) ?? '');
    const target = elementById.get(elementIds.resolve(f.target) ?? '');
    if (!source || !target) {
      const end = !source ? 'source' : 'target';
      ctx.warn(`${path}.${end}`, `${end} ${describe(f[end])} is no element; flow dropped`);
      continue;
    }
    if (source.diagramId !== target.diagramId) {
      ctx.warn(path, 'source and target are on different diagrams; flow dropped');
      continue;
    }
    const id = ctx.claimId(f.id, `${path}.id`);
    flowIds.add(f.id, id);
    const flow: Flow = {
      id,
      source: source.id,
      target: target.id,
      name: ctx.string(f.name, `${path}.name`, ''),
      props: ctx.props(f.props, `${path}.props`),
    };
    const description = ctx.optionalString(f.description, `${path}.description`);
    if (description !== undefined) flow.description = description;
    flows.push(flow);
  }

  // Line boundaries list the flows that cross them; keep the ones that exist.
  for (const b of boundaries) {
    if (b.shape !== 'line') continue;
    const ref = boundaryRefs.get(b.id)!;
    const crossedBy: Id[] = [];
    ctx.stringList(ref.crossedBy, `${ref.path}.crossedBy`).forEach((raw, i) => {
      const id = flowIds.resolve(raw);
      if (id === undefined) ctx.warn(`${ref.path}.crossedBy[${i}]`, `flow ${quote(raw)} does not exist; dropped`);
      else if (!crossedBy.includes(id)) crossedBy.push(id);
    });
    b.crossedBy = crossedBy;
  }

  const notes = records(ctx, lists.notes, 'notes').map(({ raw: n, path }): Note => {
    const note: Note = {
      id: ctx.claimId(n.id, `${path}.id`),
      diagramId: placeOn(n.diagramId, `${path}.diagramId`),
      text: ctx.string(n.text, `${path}.text`, ''),
      position: ctx.point(n.position, `${path}.position`),
    };
    const size = ctx.optionalSize(n.size, `${path}.size`);
    if (size) note.size = size;
    return note;
  });

  return { diagrams, boundaries, elements, flows, notes };
}

/** The element's kind; a missing kind is taken from a known stencil type. Null: drop the element. */
function readKind(ctx: RestoreContext, e: Record<string, unknown>, path: string): ElementKind | null {
  if (ELEMENT_KINDS.includes(e.kind as ElementKind)) return e.kind as ElementKind;
  const stencil = typeof e.type === 'string' ? getStencil(e.type) : undefined;
  if (e.kind === undefined && stencil) {
    ctx.warn(`${path}.kind`, `missing kind; set to ${quote(stencil.kind)} from its type`);
    return stencil.kind;
  }
  ctx.warn(`${path}.kind`, `unknown kind ${describe(e.kind)}; element dropped`);
  return null;
}

function readPoints(ctx: RestoreContext, value: unknown, path: string): Boundary['points'] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    ctx.warn(path, `expected a list of points, found ${describe(value)}; set to []`);
    return [];
  }
  return Array.from(value, (p, i) => ctx.point(p, `${path}[${i}]`));
}

/** Cuts every parent cycle at the boundary whose parent closes it. */
function breakParentCycles(
  ctx: RestoreContext,
  boundaries: Boundary[],
  refs: Map<Id, { path: string }>,
): void {
  const byId = new Map(boundaries.map((b) => [b.id, b]));
  const state = new Map<Id, 'visiting' | 'done'>();
  for (const start of boundaries) {
    const walked: Id[] = [];
    let cur: Boundary | undefined = start;
    while (cur && !state.has(cur.id)) {
      state.set(cur.id, 'visiting');
      walked.push(cur.id);
      const parent: Boundary | undefined = cur.parentId === null ? undefined : byId.get(cur.parentId);
      if (parent && state.get(parent.id) === 'visiting') {
        ctx.warn(`${refs.get(cur.id)!.path}.parentId`, `parent ${quote(parent.id)} makes a cycle; set to null`);
        cur.parentId = null;
        break;
      }
      cur = parent;
    }
    for (const id of walked) state.set(id, 'done');
  }
}
