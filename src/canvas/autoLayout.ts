/**
 * Auto-layout of one diagram with dagre (left to right, following the flows). Zones that contain elements
 * become dagre clusters, so elements stay inside their trust boundaries; a zone with no element inside is laid
 * out as an ordinary box. Returns a plan (moves and resizes); the caller applies it as one undo step.
 */
import dagre from '@dagrejs/dagre';
import type { Id, Point, Size, ThreatModel } from '../model/types';
import { DEFAULT_SIZES } from '../store/geometry';

export interface LayoutPlan {
  moves: { id: Id; position: Point }[];
  resizes: { id: Id; size: Size; position: Point }[];
}

/** Room at the top of a zone for its label, and around its contents. */
const ZONE_PADDING = 32;

export function planAutoLayout(model: ThreatModel, diagramId: Id): LayoutPlan {
  const elements = model.elements.filter((e) => e.diagramId === diagramId);
  const zones = model.boundaries.filter((b) => b.diagramId === diagramId && b.shape === 'zone');
  const zoneIds = new Set(zones.map((z) => z.id));
  const parentOf = new Map<Id, Id | null>(zones.map((z) => [z.id, z.parentId && zoneIds.has(z.parentId) ? z.parentId : null]));

  // A zone is a cluster when some element sits in it or in a zone nested in it.
  const clusters = new Set<Id>();
  for (const e of elements) {
    let z = e.boundaryId && zoneIds.has(e.boundaryId) ? e.boundaryId : null;
    const seen = new Set<Id>();
    while (z && !seen.has(z)) {
      seen.add(z);
      clusters.add(z);
      z = parentOf.get(z) ?? null;
    }
  }

  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 60, ranksep: 120, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const z of zones) {
    if (clusters.has(z.id)) g.setNode(z.id, { paddingTop: ZONE_PADDING, paddingX: ZONE_PADDING, paddingY: ZONE_PADDING });
    else g.setNode(z.id, { width: z.size.width, height: z.size.height });
  }
  for (const z of zones) {
    const parent = parentOf.get(z.id);
    if (parent && clusters.has(parent)) g.setParent(z.id, parent);
  }
  for (const e of elements) {
    const size = e.size ?? DEFAULT_SIZES.element;
    g.setNode(e.id, { width: size.width, height: size.height });
    if (e.boundaryId && clusters.has(e.boundaryId)) g.setParent(e.id, e.boundaryId);
  }
  const onDiagram = new Set(elements.map((e) => e.id));
  for (const f of model.flows) {
    if (onDiagram.has(f.source) && onDiagram.has(f.target) && f.source !== f.target) g.setEdge(f.source, f.target, {}, f.id);
  }
  dagre.layout(g);

  const topLeft = (id: Id): { position: Point; size: Size } | null => {
    const n = g.node(id) as { x?: number; y?: number; width?: number; height?: number } | undefined;
    if (!n || n.x === undefined || n.y === undefined || n.width === undefined || n.height === undefined) return null;
    return { position: { x: Math.round(n.x - n.width / 2), y: Math.round(n.y - n.height / 2) }, size: { width: Math.round(n.width), height: Math.round(n.height) } };
  };
  const plan: LayoutPlan = { moves: [], resizes: [] };
  for (const z of zones) {
    const box = topLeft(z.id);
    if (!box) continue;
    if (clusters.has(z.id)) {
      // Extra room at the top for the zone's label.
      plan.resizes.push({ id: z.id, size: { width: box.size.width, height: box.size.height + ZONE_PADDING }, position: { x: box.position.x, y: box.position.y - ZONE_PADDING } });
    } else {
      plan.moves.push({ id: z.id, position: box.position });
    }
  }
  for (const e of elements) {
    const box = topLeft(e.id);
    if (box) plan.moves.push({ id: e.id, position: box.position });
  }
  return plan;
}
