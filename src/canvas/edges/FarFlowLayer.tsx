/**
 * Every flow of the diagram as one drawing, for the zoomed-out canvas (levelOfDetail.ts). Zoomed out that far a
 * flow is a line and its arrowhead, with no label, badge or crossing marker, and React Flow's own edges cost far
 * more than that: an SVG element and several store subscriptions per flow, all asked about every change on each
 * drag step. Here one component subscribes to the node list and redraws a few paths (plain, crossing and selected
 * flows, arrowheads) from the same geometry as FlowEdge. It lives in the flow label layer, above zones and below
 * elements.
 *
 * Flows touching a node being dragged are drawn apart from the others (`live`): a changed path is repainted over
 * its whole extent, and the extent of all flows is the whole diagram, so the still flows keep a path of their own
 * that does not change while the drag runs and is not repainted on every step.
 *
 * Zoomed out, flows are not hit by the pointer (a line a pixel wide is no click target): they are selected in
 * the register or the inspector, or by zooming in.
 */
import type { InternalNode } from '@xyflow/react';
import { memo, useMemo, useState } from 'react';
import type { Point } from '../../model/types';
import type { FlowCanvasEdge } from '../types';
import { useInternalNodes } from '../useInternalNodes';
import { floatingLine, nodeRect } from './edgeGeometry';
import { EdgeLabelPortal } from './edgeLabelLayer';

/** Arrowhead length and half width in flow units: zoomed out past FAR_ZOOM it is still a few pixels. */
const ARROW_LENGTH = 28;
const ARROW_HALF_WIDTH = 11;

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

function arrowHead(start: Point, end: Point): string {
  const len = Math.hypot(end.x - start.x, end.y - start.y) || 1;
  const ux = (end.x - start.x) / len;
  const uy = (end.y - start.y) / len;
  const bx = end.x - ux * ARROW_LENGTH;
  const by = end.y - uy * ARROW_LENGTH;
  return `M${fmt(end.x)} ${fmt(end.y)}L${fmt(bx - uy * ARROW_HALF_WIDTH)} ${fmt(by + ux * ARROW_HALF_WIDTH)}L${fmt(bx + uy * ARROW_HALF_WIDTH)} ${fmt(by - ux * ARROW_HALF_WIDTH)}Z`;
}

/** Path data of a set of flows, one path per way of drawing them. */
export interface FlowPathSet {
  plain: string;
  crossing: string;
  selected: string;
  arrows: string;
}

export interface FarFlowPaths {
  /** Flows with neither end being dragged. */
  still: FlowPathSet;
  /** Flows with an end being dragged. */
  live: FlowPathSet;
  /** Flows drawn (both ends placed on the canvas). */
  count: number;
}

class PathSetBuilder {
  readonly plain: string[] = [];
  readonly crossing: string[] = [];
  readonly selected: string[] = [];
  readonly arrows: string[] = [];

  add(edge: FlowCanvasEdge, drawn: Drawn): void {
    (edge.selected ? this.selected : edge.data!.crossings.length ? this.crossing : this.plain).push(drawn.segment);
    this.arrows.push(drawn.arrow);
  }

  build(): FlowPathSet {
    return { plain: this.plain.join(''), crossing: this.crossing.join(''), selected: this.selected.join(''), arrows: this.arrows.join('') };
  }
}

/** A flow's drawing, valid while React Flow keeps the same internal objects for its two ends. */
interface Drawn {
  source: InternalNode;
  target: InternalNode;
  segment: string;
  arrow: string;
}

/**
 * Draws flows, keeping what it drew: a flow whose ends did not change is not measured or formatted again, and
 * when no still flow changed the still paths are the previous strings (so React leaves them alone).
 */
export class FarFlowPainter {
  private drawn = new WeakMap<FlowCanvasEdge, Drawn>();
  private stillEdges: FlowCanvasEdge[] = [];
  private still: FlowPathSet = { plain: '', crossing: '', selected: '', arrows: '' };

  /** The path data of every flow whose two ends are on the canvas. */
  paths(edges: readonly FlowCanvasEdge[], nodeOf: (id: string) => InternalNode | undefined): FarFlowPaths {
    const live = new PathSetBuilder();
    const stillEdges: FlowCanvasEdge[] = [];
    let stillChanged = false;
    let count = 0;
    for (const edge of edges) {
      const source = nodeOf(edge.source);
      const target = nodeOf(edge.target);
      if (!source || !target || !edge.data) continue;
      let drawn = this.drawn.get(edge);
      const fresh = !drawn || drawn.source !== source || drawn.target !== target;
      if (fresh) {
        const line = floatingLine(nodeRect(source), nodeRect(target), edge.data.offset);
        drawn = { source, target, segment: `M${fmt(line.start.x)} ${fmt(line.start.y)}L${fmt(line.end.x)} ${fmt(line.end.y)}`, arrow: arrowHead(line.start, line.end) };
        this.drawn.set(edge, drawn);
      }
      count++;
      if (source.dragging || target.dragging) {
        live.add(edge, drawn!);
        continue;
      }
      if (fresh || this.stillEdges[stillEdges.length] !== edge) stillChanged = true;
      stillEdges.push(edge);
    }
    if (stillChanged || stillEdges.length !== this.stillEdges.length) {
      const still = new PathSetBuilder();
      for (const edge of stillEdges) still.add(edge, this.drawn.get(edge)!);
      this.still = still.build();
    }
    this.stillEdges = stillEdges;
    return { still: this.still, live: live.build(), count };
  }
}

/** One set of flow paths; memoised, so a set whose data did not change is not rendered again. */
const FlowPaths = memo(function FlowPaths({ plain, crossing, selected, arrows }: FlowPathSet) {
  return (
    <>
      <path className="rampart-flow" d={plain} />
      <path className="rampart-flow rampart-flow--crossing" d={crossing} />
      <path className="rampart-flow rampart-far-flows__selected" d={selected} />
      <path className="rampart-far-flows__arrows" d={arrows} />
    </>
  );
});

export const FarFlowLayer = memo(function FarFlowLayer({ edges }: { edges: readonly FlowCanvasEdge[] }) {
  const nodes = useInternalNodes();
  const [painter] = useState(() => new FarFlowPainter());
  const paths = useMemo(() => painter.paths(edges, (id) => nodes.lookup.get(id)), [edges, nodes, painter]);
  return (
    <EdgeLabelPortal>
      <svg className="rampart-far-flows" data-testid="far-flows" data-count={paths.count} aria-hidden="true">
        <FlowPaths {...paths.still} />
        <FlowPaths {...paths.live} />
      </svg>
    </EdgeLabelPortal>
  );
});
