/**
 * Turns the document into React Flow nodes and edges for one diagram, with a cache so that an item whose
 * inputs did not change keeps the very same node object: React Flow then skips it, and a drag or a property
 * edit at 1,000 nodes touches only what changed.
 *
 * Documents hold absolute positions; React Flow wants children relative to their parent, parents before
 * children (docs/ARCHITECTURE.md). Children are not confined to their parent (no `extent: 'parent'`), so they
 * can be dragged out of a boundary.
 */
import { MarkerType } from '@xyflow/react';
import { getCrossedBoundaries } from '../model/graph';
import type { Boundary, Id, ThreatModel } from '../model/types';
import { DEFAULT_SIZES } from '../store/geometry';
import type { BoundaryCrossing, CanvasNode, FlowCanvasEdge } from './types';

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
  flow: object;
  selected: boolean;
  offset: number;
  crossed: readonly Boundary[];
  edge: FlowCanvasEdge;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function toCrossing(b: Boundary): BoundaryCrossing {
  if (b.shape === 'line') return { kind: 'line', boundaryId: b.id, points: b.points ?? [] };
  return { kind: 'zone', boundaryId: b.id, x: b.position.x, y: b.position.y, width: b.size.width, height: b.size.height };
}

export class FlowElementsBuilder {
  private nodeCache = new Map<Id, NodeEntry>();
  private edgeCache = new Map<Id, EdgeEntry>();

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
      if (cached && cached.source === source && cached.selected === isSelected && cached.parentId === parentId && cached.x === rx && cached.y === ry) {
        out.push(cached.node);
        return;
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
        data: { element: e },
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
    return out;
  }

  /** Flows of one diagram, with their boundary crossings and a sideways offset for parallel flows. */
  buildEdges(model: ThreatModel, diagramId: Id, selected: ReadonlySet<Id>): FlowCanvasEdge[] {
    const onDiagram = new Set<Id>();
    for (const e of model.elements) if (e.diagramId === diagramId) onDiagram.add(e.id);
    const flows = model.flows.filter((f) => onDiagram.has(f.source) && onDiagram.has(f.target));
    const pairs = new Map<string, number>();
    const pairKey = (a: Id, b: Id) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
    for (const f of flows) pairs.set(pairKey(f.source, f.target), (pairs.get(pairKey(f.source, f.target)) ?? 0) + 1);
    const seenInPair = new Map<string, number>();
    const seen = new Set<Id>();
    const out: FlowCanvasEdge[] = [];
    for (const f of flows) {
      seen.add(f.id);
      const key = pairKey(f.source, f.target);
      const count = pairs.get(key)!;
      const index = seenInPair.get(key) ?? 0;
      seenInPair.set(key, index + 1);
      // Offsets are laid out along the normal of the pair's canonical direction; a reversed flow's own normal
      // points the other way, hence the sign flip.
      const canonical = f.source < f.target ? 1 : -1;
      const offset = count > 1 ? (index - (count - 1) / 2) * PARALLEL_GAP * canonical : 0;
      const crossed = getCrossedBoundaries(model, f.id);
      const isSelected = selected.has(f.id);
      const cached = this.edgeCache.get(f.id);
      if (cached && cached.flow === f && cached.selected === isSelected && cached.offset === offset && sameList(cached.crossed, crossed)) {
        out.push(cached.edge);
        continue;
      }
      const edge: FlowCanvasEdge = {
        id: f.id,
        type: 'flow',
        source: f.source,
        target: f.target,
        selected: isSelected,
        data: { flow: f, crossings: crossed.map(toCrossing), offset },
        markerEnd: ARROW,
        zIndex: Z.flow,
        ariaLabel: `Data flow ${f.name}`,
      };
      this.edgeCache.set(f.id, { flow: f, selected: isSelected, offset, crossed, edge });
      out.push(edge);
    }
    for (const id of this.edgeCache.keys()) if (!seen.has(id)) this.edgeCache.delete(id);
    return out;
  }

  /** Remembers what React Flow measured, so later rebuilt nodes keep it. */
  absorbMeasured(nodes: readonly CanvasNode[], ids: ReadonlySet<Id>): void {
    for (const node of nodes) {
      if (!ids.has(node.id)) continue;
      const entry = this.nodeCache.get(node.id);
      if (entry && node.measured && entry.node.measured !== node.measured) {
        entry.node = { ...entry.node, measured: node.measured } as CanvasNode;
      }
    }
  }
}
