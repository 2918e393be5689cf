/**
 * A line trust boundary (Threat Dragon curves, Microsoft line boundaries): a dashed polyline. It contains
 * nothing; the flows it lists in `crossedBy` cross it. The node sits at the boundary's position and draws its
 * absolute points relative to it, overflowing the node box where they must.
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { getBoundaryTypeLabel } from '../../model/stencils';
import type { LineBoundaryFlowNode } from '../types';

export const LineBoundaryNode = memo(function LineBoundaryNode({ id, data }: NodeProps<LineBoundaryFlowNode>) {
  const { boundary } = data;
  const origin = boundary.position;
  const points = boundary.points?.length ? boundary.points : [origin, { x: origin.x + boundary.size.width, y: origin.y + boundary.size.height }];
  const relative = points.map((p) => `${p.x - origin.x},${p.y - origin.y}`).join(' ');
  const first = points[0];
  return (
    <svg className="rampart-line-boundary" data-testid={`boundary-${id}`} data-type={boundary.type} aria-label={`${boundary.name} (line boundary)`}>
      <polyline points={relative} />
      <text x={first.x - origin.x + 4} y={first.y - origin.y - 6}>
        {boundary.name}
        {boundary.name !== getBoundaryTypeLabel(boundary.type) ? ` · ${getBoundaryTypeLabel(boundary.type)}` : ''}
      </text>
    </svg>
  );
});
