/**
 * The minimap: the whole diagram in miniature with the visible part outlined; click or drag in it to move the
 * view there, scroll in it to zoom. React Flow's own MiniMap draws one component per node, each subscribed to
 * the flow store, so on a large diagram every drag step asks thousands of them whether they moved. This one
 * subscribes once and draws every node of a colour as one path, formatting again only the nodes React Flow
 * replaced (it replaces the internal node of whatever moved or changed).
 */
import { Panel, useReactFlow, useStore, useStoreApi, type InternalNode } from '@xyflow/react';
import { memo, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { nodeRect, type Rect } from './edges/edgeGeometry';
import { useInternalNodes } from './useInternalNodes';

const WIDTH = 200;
const HEIGHT = 150;
/** Room around the diagram, as a share of its larger side. */
const MARGIN = 0.05;

/** Fill of each kind of node (a line boundary is not drawn: it has no area). */
type Shade = 'zone' | 'note' | 'element';

function shadeOf(node: InternalNode): Shade | null {
  switch (node.type) {
    case 'boundary':
      return 'zone';
    case 'note':
      return 'note';
    case 'lineBoundary':
      return null;
    default:
      return 'element';
  }
}

const round = (n: number) => Math.round(n).toString();

export interface MapShapes {
  zone: string;
  note: string;
  element: string;
  /** The union of all node boxes, or null for an empty diagram. */
  bounds: Rect | null;
}

/** Keeps each node's rectangle as path data by internal node object, and draws the shapes of all nodes. */
export class MapPainter {
  private drawn = new WeakMap<InternalNode, { rect: string; box: Rect }>();

  shapes(nodes: Iterable<InternalNode>): MapShapes {
    const parts: Record<Shade, string[]> = { zone: [], note: [], element: [] };
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const node of nodes) {
      if (node.hidden) continue;
      const shade = shadeOf(node);
      if (!shade) continue;
      let drawn = this.drawn.get(node);
      if (!drawn) {
        const box = nodeRect(node);
        drawn = { box, rect: `M${round(box.x)} ${round(box.y)}h${round(box.width)}v${round(box.height)}h${round(-box.width)}Z` };
        this.drawn.set(node, drawn);
      }
      parts[shade].push(drawn.rect);
      const b = drawn.box;
      minX = Math.min(minX, b.x);
      minY = Math.min(minY, b.y);
      maxX = Math.max(maxX, b.x + b.width);
      maxY = Math.max(maxY, b.y + b.height);
    }
    return {
      zone: parts.zone.join(''),
      note: parts.note.join(''),
      element: parts.element.join(''),
      bounds: minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
    };
  }
}

/** The map's view box: the diagram and the visible part, with a margin, in the map's proportions. */
export function mapViewBox(diagram: Rect | null, view: Rect): Rect {
  const minX = Math.min(diagram?.x ?? view.x, view.x);
  const minY = Math.min(diagram?.y ?? view.y, view.y);
  const maxX = Math.max(diagram ? diagram.x + diagram.width : view.x + view.width, view.x + view.width);
  const maxY = Math.max(diagram ? diagram.y + diagram.height : view.y + view.height, view.y + view.height);
  const scale = Math.max((maxX - minX) / WIDTH, (maxY - minY) / HEIGHT, 1e-6);
  const width = WIDTH * scale;
  const height = HEIGHT * scale;
  const margin = Math.max(width, height) * MARGIN;
  return {
    x: minX - (width - (maxX - minX)) / 2 - margin,
    y: minY - (height - (maxY - minY)) / 2 - margin,
    width: width + 2 * margin,
    height: height + 2 * margin,
  };
}

const NodeShapes = memo(function NodeShapes({ zone, note, element }: Pick<MapShapes, 'zone' | 'note' | 'element'>) {
  return (
    <>
      <path className="rampart-map__zone" d={zone} />
      <path className="rampart-map__note" d={note} />
      <path className="rampart-map__element" d={element} />
    </>
  );
});

export function OverviewMap() {
  const api = useStoreApi();
  const flow = useReactFlow();
  const nodes = useInternalNodes();
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const [painter] = useState(() => new MapPainter());
  const shapes = useMemo(() => painter.shapes(nodes.lookup.values()), [nodes, painter]);
  const view: Rect = { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
  const box = mapViewBox(shapes.bounds, view);
  const svg = useRef<SVGSVGElement>(null);
  const panning = useRef(false);

  /** The diagram point under a pointer position on the map. */
  const pointAt = (clientX: number, clientY: number) => {
    const rect = svg.current!.getBoundingClientRect();
    return { x: box.x + ((clientX - rect.left) / rect.width) * box.width, y: box.y + ((clientY - rect.top) / rect.height) * box.height };
  };
  const centreAt = (event: PointerEvent<SVGSVGElement>) => {
    const p = pointAt(event.clientX, event.clientY);
    void flow.setCenter(p.x, p.y, { zoom: api.getState().transform[2] });
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => {
    const p = pointAt(event.clientX, event.clientY);
    const { minZoom, maxZoom, transform } = api.getState();
    const next = Math.min(maxZoom, Math.max(minZoom, transform[2] * (event.deltaY < 0 ? 1.2 : 1 / 1.2)));
    void flow.setCenter(p.x, p.y, { zoom: next });
  };

  const outer = `M${box.x} ${box.y}h${box.width}v${box.height}h${-box.width}Z`;
  const inner = `M${view.x} ${view.y}h${view.width}v${view.height}h${-view.width}Z`;
  return (
    <Panel position="bottom-right" className="rampart-map">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        role="img"
        aria-label="Diagram overview"
        data-testid="overview-map"
        className="nopan nowheel"
        onPointerDown={(event) => {
          panning.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          centreAt(event);
        }}
        onPointerMove={(event) => {
          if (panning.current) centreAt(event);
        }}
        onPointerUp={() => {
          panning.current = false;
        }}
        onWheel={onWheel}
      >
        <NodeShapes zone={shapes.zone} note={shapes.note} element={shapes.element} />
        <path className="rampart-map__mask" d={outer + inner} fillRule="evenodd" data-testid="overview-map-view" />
      </svg>
    </Panel>
  );
}
