/**
 * Geometry of floating flows: a flow runs between the borders of its two nodes along the line joining their
 * centres (DFD style, no fixed ports), and a crossing marker sits where that line meets a trust boundary.
 */
import type { InternalNode } from '@xyflow/react';
import type { Point } from '../../model/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangle React Flow measured for a node, in flow coordinates. */
export function nodeRect(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

export const centreOfRect = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Parameters t in [0, 1] where segment a→b meets the segment c→d, or null when they do not meet. */
function segmentIntersection(a: Point, b: Point, c: Point, d: Point): number | null {
  const r = { x: b.x - a.x, y: b.y - a.y };
  const s = { x: d.x - c.x, y: d.y - c.y };
  const denom = r.x * s.y - r.y * s.x;
  if (denom === 0) return null;
  const t = ((c.x - a.x) * s.y - (c.y - a.y) * s.x) / denom;
  const u = ((c.x - a.x) * r.y - (c.y - a.y) * r.x) / denom;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : null;
}

function rectSides(r: Rect): [Point, Point][] {
  const tl = { x: r.x, y: r.y };
  const tr = { x: r.x + r.width, y: r.y };
  const br = { x: r.x + r.width, y: r.y + r.height };
  const bl = { x: r.x, y: r.y + r.height };
  return [
    [tl, tr],
    [tr, br],
    [br, bl],
    [bl, tl],
  ];
}

/** The point a fraction t of the way from a to b. */
export const pointAlong = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
const lerp = pointAlong;

/** Points where segment a→b crosses the border of a rectangle, nearest to a first. */
export function rectCrossings(a: Point, b: Point, r: Rect): Point[] {
  const ts: number[] = [];
  for (const [c, d] of rectSides(r)) {
    const t = segmentIntersection(a, b, c, d);
    if (t !== null) ts.push(t);
  }
  return ts.sort((x, y) => x - y).map((t) => lerp(a, b, t));
}

/** Where segment a→b leaves rectangle r (a inside r); a itself when it never leaves. */
export function exitPoint(a: Point, b: Point, r: Rect): Point {
  const ts: number[] = [];
  for (const [c, d] of rectSides(r)) {
    const t = segmentIntersection(a, b, c, d);
    if (t !== null) ts.push(t);
  }
  return ts.length ? lerp(a, b, Math.max(...ts.filter((t) => t <= 1))) : a;
}

/** Points where segment a→b crosses a polyline. */
export function polylineCrossings(a: Point, b: Point, points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const t = segmentIntersection(a, b, points[i - 1], points[i]);
    if (t !== null) out.push(lerp(a, b, t));
  }
  return out;
}

export interface FlowLine {
  start: Point;
  end: Point;
  mid: Point;
}

/** The visible line of a flow between two node rectangles, shifted sideways by `offset`. */
export function floatingLine(source: Rect, target: Rect, offset: number): FlowLine {
  let a = centreOfRect(source);
  let b = centreOfRect(target);
  if (offset !== 0) {
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const nx = (-(b.y - a.y) / len) * offset;
    const ny = ((b.x - a.x) / len) * offset;
    a = { x: a.x + nx, y: a.y + ny };
    b = { x: b.x + nx, y: b.y + ny };
  }
  const start = exitPoint(a, b, source);
  const end = exitPoint(b, a, target);
  return { start, end, mid: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 } };
}
