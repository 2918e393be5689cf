/**
 * Turns the document into React Flow nodes and edges for one diagram, with a cache so that an item whose
 * inputs did not change keeps the very same node object: React Flow then skips it, and a drag or a property
 * edit at 1,000 nodes touches only what changed. "Inputs" are what the canvas draws (ElementView, FlowView,
 * geometry, crossings), not object identity: a property edit changes the element object but draws nothing new.
 * When no item changed, the very same array comes back, so React Flow does no work at all (its own update of
 * 1,000 nodes and 2,000 edges costs tens of milliseconds per edit otherwise).
 *
 * Documents hold absolute positions; React Flow wants children relative to their parent, parents before
 * children (docs/ARCHITECTURE.md). Children are not confined to their parent (no `extent: 'parent'`), so they
 * can be dragged out of a boundary.
 */
import { MarkerType } from '@xyflow/react';
import { getCrossedBoundaries } from '../model/graph';
import type { Boundary, Flow, Id, ModelElement, ThreatModel } from '../model/types';
import { DEFAULT_SIZES } from '../store/geometry';
import type { BoundaryCrossing, CanvasNode, ElementView, FlowCanvasEdge, FlowView } from './types';

/** Stacking (zIndexMode "manual"): zones by depth, then flows, then elements and notes above them. */
export const Z = { zone: 0, line: 400, flow: 500, element: 1000, note: 1001 } as const;

const ARROW = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#475569' } as const;
const PARALLEL_GAP = 16;

interface NodeEntry {
  source: object;
  selected: boolean;
  parentId: Id | undefined;
  x: number;
  y: number;
  node: CanvasNode;
}

interface EdgeEntry {
  flow: Flow;
  selected: boolean;
  offset: number;
  crossed: readonly Boundary[];
  edge: FlowCanvasEdge;
}

interface FlowLayout {
  all: readonly Flow[];
  members: readonly Id[];
  flows: Flow[];
  offsets: number[];
}

/**
 * The boundaries a flow crosses, remembered with the inputs they follow from: its endpoints, the zones they sit
 * in, and the boundaries themselves (zone nesting, line boundaries' `crossedBy`).
 */
interface CrossingEntry {
  source: Id;
  target: Id;
  sourceZone: Id | null;
  targetZone: Id | null;
  boundaries: readonly Boundary[];
  crossed: readonly Boundary[];
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether two versions of an element draw the same node (position and parent are compared by the caller). */
function drawsSame(a: ModelElement, b: ModelElement): boolean {
  return (
    a === b ||
    (a.kind === b.kind &&
      a.type === b.type &&
      a.name === b.name &&
      a.description === b.description &&
      a.size?.width === b.size?.width &&
      a.size?.height === b.size?.height)
  );
}

function flowDrawsSame(a: Flow, b: Flow): boolean {
  return a === b || (a.name === b.name && a.source === b.source && a.target === b.target);
}

const elementView = (e: ModelElement): ElementView => ({ id: e.id, kind: e.kind, type: e.type, name: e.name, description: e.description });
const flowView = (f: Flow): FlowView => ({ id: f.id, source: f.source, target: f.target, name: f.name });

function toCrossing(b: Boundary): BoundaryCrossing {
  if (b.shape === 'line') return { kind: 'line', boundaryId: b.id, points: b.points ?? [] };
  return { kind: 'zone', boundaryId: b.id, x: b.position.x, y: b.position.y, width: b.size.width, height: b.size.height };
}

export class FlowElementsBuilder {
  private nodeCache = new Map<Id, NodeEntry>();
  private edgeCache = new Map<Id, EdgeEntry>();
  private crossingCache = new Map<Id, CrossingEntry>();
  private lastNodes: CanvasNode[] = [];
  private lastEdges: FlowCanvasEdge[] = [];
  private flowLayout: FlowLayout | null = null;

  /** Nodes of one diagram: zones parents-first, then line boundaries, elements and notes. */
  buildNodes(model: Pick<ThreatModel, 'elements' | 'boundaries' | 'notes'>, diagramId: Id, selected: ReadonlySet<Id>): CanvasNode[] {
    const zones = new Map<Id, Boundary>();
    const lines: Boundary[] = [];
    for (const b of model.boundaries) {
      if (b.diagramId !== diagramId) continue;
      if (b.shape === 'zone') zones.set(b.id, b);
      else lines.push(b);
    }
    const depth = new Map<Id, number>();
    const depthOf = (b: Boundary): number => {
      const known = depth.get(b.id);
      if (known !== undefined) return known;
      // Guard against a parent cycle a damaged import might hold: count at most zones.size steps.
      let d = 0;
      let parent = b.parentId ? zones.get(b.parentId) : undefined;
      while (parent && d < zones.size) {
        d++;
        parent = parent.parentId ? zones.get(parent.parentId) : undefined;
      }
      depth.set(b.id, d);
      return d;
    };
    const orderedZones = [...zones.values()].sort((a, b) => depthOf(a) - depthOf(b));
    const placed = new Set<Id>();
    const out: CanvasNode[] = [];
    const seen = new Set<Id>();

    const parentFor = (parentId: Id | null): Boundary | undefined => (parentId && placed.has(parentId) ? zones.get(parentId) : undefined);

    const emit = (id: Id, source: object, parent: Boundary | undefined, x: number, y: number, make: (parentId: Id | undefined, position: { x: number; y: number }) => CanvasNode) => {
      seen.add(id);
      const isSelected = selected.has(id);
      const parentId = parent?.id;
      const rx = parent ? x - parent.position.x : x;
      const ry = parent ? y - parent.position.y : y;
      const cached = this.nodeCache.get(id);
      if (cached && cached.selected === isSelected && cached.parentId === parentId && cached.x === rx && cached.y === ry) {
        if (cached.source === source) {
          out.push(cached.node);
          return;
        }
        if (cached.node.type !== 'boundary' && cached.node.type !== 'lineBoundary' && cached.node.type !== 'note' && drawsSame(cached.source as ModelElement, source as ModelElement)) {
          cached.source = source;
          out.push(cached.node);
          return;
        }
      }
      const node = make(parentId, { x: rx, y: ry });
      node.selected = isSelected;
      // Keep what React Flow measured, or it would drop the node's handle bounds and measure it all over again.
      if (cached?.node.measured) node.measured = cached.node.measured;
      this.nodeCache.set(id, { source, selected: isSelected, parentId, x: rx, y: ry, node });
      out.push(node);
    };

    for (const b of orderedZones) {
      const parent = parentFor(b.parentId);
      emit(b.id, b, parent, b.position.x, b.position.y, (parentId, position) => ({
        id: b.id,
        type: 'boundary',
        position,
        ...(parentId ? { parentId } : {}),
        data: { boundary: b },
        width: b.size.width,
        height: b.size.height,
        zIndex: Z.zone + depthOf(b),
        ariaLabel: `Trust boundary ${b.name}`,
      }));
      placed.add(b.id);
    }
    for (const b of lines) {
      emit(b.id, b, undefined, b.position.x, b.position.y, (_p, position) => ({
        id: b.id,
        type: 'lineBoundary',
        position,
        data: { boundary: b },
        width: Math.max(1, b.size.width),
        height: Math.max(1, b.size.height),
        zIndex: Z.line,
        ariaLabel: `Line boundary ${b.name}`,
      }));
    }
    for (const e of model.elements) {
      if (e.diagramId !== diagramId) continue;
      const parent = parentFor(e.boundaryId);
      const size = e.size ?? DEFAULT_SIZES.element;
      emit(e.id, e, parent, e.position.x, e.position.y, (parentId, position) => ({
        id: e.id,
        type: e.kind,
        position,
        ...(parentId ? { parentId } : {}),
        data: { element: elementView(e) },
        width: size.width,
        height: size.height,
        zIndex: Z.element,
        ariaLabel: `${e.kind} ${e.name}`,
      }));
    }
    for (const n of model.notes) {
      if (n.diagramId !== diagramId) continue;
      const size = n.size ?? DEFAULT_SIZES.note;
      emit(n.id, n, undefined, n.position.x, n.position.y, (_p, position) => ({
        id: n.id,
        type: 'note',
        position,
        data: { note: n },
        width: size.width,
        height: size.height,
        zIndex: Z.note,
        ariaLabel: 'Note',
      }));
    }
    for (const id of this.nodeCache.keys()) if (!seen.has(id)) this.nodeCache.delete(id);
    if (sameList(out, this.lastNodes)) return this.lastNodes;
    this.lastNodes = out;
    return out;
  }

  /** Flows of one diagram, with their boundary crossings and a sideways offset for parallel flows. */
  buildEdges(model: ThreatModel, diagramId: Id, selected: ReadonlySet<Id>): FlowCanvasEdge[] {
    const onDiagram = new Map<Id, ModelElement>();
    for (const e of model.elements) if (e.diagramId === diagramId) onDiagram.set(e.id, e);
    const { flows, offsets } = this.layoutFlows(model.flows, onDiagram);
    const seen = new Set<Id>();
    const out: FlowCanvasEdge[] = [];
    for (let i = 0; i < flows.length; i++) {
      const f = flows[i];
      const offset = offsets[i];
      seen.add(f.id);
      const crossed = this.crossingsOf(model, f, onDiagram.get(f.source)!, onDiagram.get(f.target)!);
      const isSelected = selected.has(f.id);
      const cached = this.edgeCache.get(f.id);
      if (cached && cached.selected === isSelected && cached.offset === offset && cached.crossed === crossed && flowDrawsSame(cached.flow, f)) {
        cached.flow = f;
        out.push(cached.edge);
        continue;
      }
      const edge: FlowCanvasEdge = {
        id: f.id,
        type: 'flow',
        source: f.source,
        target: f.target,
        selected: isSelected,
        data: { flow: flowView(f), crossings: crossed.map(toCrossing), offset },
        markerEnd: ARROW,
        zIndex: Z.flow,
        ariaLabel: `Data flow ${f.name}`,
      };
      this.edgeCache.set(f.id, { flow: f, selected: isSelected, offset, crossed, edge });
      out.push(edge);
    }
    for (const id of this.edgeCache.keys()) if (!seen.has(id)) this.edgeCache.delete(id);
    for (const id of this.crossingCache.keys()) if (!seen.has(id)) this.crossingCache.delete(id);
    if (sameList(out, this.lastEdges)) return this.lastEdges;
    this.lastEdges = out;
    return out;
  }

  /**
   * The flows between elements of the diagram, with their sideways offsets. Both follow from the flows array and
   * which elements are on the diagram, so they are kept until either changes (a property edit changes neither).
   */
  private layoutFlows(all: readonly Flow[], onDiagram: ReadonlyMap<Id, ModelElement>): FlowLayout {
    const members = [...onDiagram.keys()];
    const last = this.flowLayout;
    if (last && last.all === all && sameList(last.members, members)) return last;
    const flows = all.filter((f) => onDiagram.has(f.source) && onDiagram.has(f.target));
    // Parallel flows: count per unordered pair of endpoints, then spread each pair's flows side by side.
    const pairs = new Map<Id, Map<Id, number>>();
    const pairCount = (a: Id, b: Id, add: number): number => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      let inner = pairs.get(lo);
      if (!inner) pairs.set(lo, (inner = new Map()));
      const n = (inner.get(hi) ?? 0) + add;
      inner.set(hi, n);
      return n;
    };
    for (const f of flows) pairCount(f.source, f.target, 1);
    const totals = flows.map((f) => pairCount(f.source, f.target, 0));
    // Second pass: count again from zero to number each flow within its pair.
    pairs.clear();
    const offsets = flows.map((f, i) => {
      const index = pairCount(f.source, f.target, 1) - 1;
      const count = totals[i];
      // Offsets are laid out along the normal of the pair's canonical direction; a reversed flow's own normal
      // points the other way, hence the sign flip.
      const canonical = f.source < f.target ? 1 : -1;
      return count > 1 ? (index - (count - 1) / 2) * PARALLEL_GAP * canonical : 0;
    });
    this.flowLayout = { all, members, flows, offsets };
    return this.flowLayout;
  }

  /**
   * The boundaries flow `f` crosses. Operations share structure, so while the boundaries array and the zones of
   * both endpoints are the same the previous list is still right, and the model graph (built anew for every new
   * document, milliseconds at 1,000 elements) is not needed: a property edit or a move within a zone reuses it.
   */
  private crossingsOf(model: ThreatModel, f: Flow, source: ModelElement, target: ModelElement): readonly Boundary[] {
    const cached = this.crossingCache.get(f.id);
    if (
      cached &&
      cached.source === f.source &&
      cached.target === f.target &&
      cached.sourceZone === source.boundaryId &&
      cached.targetZone === target.boundaryId &&
      cached.boundaries === model.boundaries
    ) {
      return cached.crossed;
    }
    const fresh = getCrossedBoundaries(model, f.id);
    // An unchanged result keeps its identity, so the edge built from it is reused.
    const crossed = cached && sameList(cached.crossed, fresh) ? cached.crossed : fresh;
    this.crossingCache.set(f.id, { source: f.source, target: f.target, sourceZone: source.boundaryId, targetZone: target.boundaryId, boundaries: model.boundaries, crossed });
    return crossed;
  }

  /**
   * Remembers what React Flow measured, so later rebuilt nodes keep it. Where the measured node is the cached one
   * plus its size (same position), the cache takes that very object: the next build then hands React Flow the
   * objects it already holds, instead of 1,000 look-alikes it would adopt (and re-render) one by one.
   */
  absorbMeasured(nodes: readonly CanvasNode[], ids: ReadonlySet<Id>): void {
    for (const node of nodes) {
      if (!ids.has(node.id)) continue;
      const entry = this.nodeCache.get(node.id);
      if (!entry || !node.measured || entry.node.measured === node.measured) continue;
      const cached = entry.node;
      const sameOtherwise =
        node.position === cached.position &&
        node.data === cached.data &&
        node.selected === cached.selected &&
        node.width === cached.width &&
        node.height === cached.height &&
        !node.resizing;
      entry.node = sameOtherwise ? node : ({ ...cached, measured: node.measured } as CanvasNode);
    }
  }
}
