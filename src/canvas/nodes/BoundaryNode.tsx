/**
 * A trust boundary zone: a group node (elements and nested zones are its children), dashed, labelled with its
 * name and type, resizable when selected. A resize is one undo step, recorded when it ends.
 */
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { getBoundaryTypeLabel } from '../../model/stencils';
import { ThreatBadge } from '../ThreatBadge';
import type { BoundaryFlowNode } from '../types';
import { useResizeEnd } from './useResizeEnd';

export const BoundaryNode = memo(function BoundaryNode({ id, data, selected }: NodeProps<BoundaryFlowNode>) {
  const { boundary } = data;
  const onResizeEnd = useResizeEnd(id);
  const typeLabel = getBoundaryTypeLabel(boundary.type);
  return (
    <>
      <NodeResizer isVisible={!!selected} minWidth={120} minHeight={80} onResizeEnd={onResizeEnd} />
      <div className="rampart-boundary" data-testid={`boundary-${id}`} data-type={boundary.type}>
        <div className="rampart-boundary__label">
          <span className="rampart-boundary__name" data-testid={`boundary-name-${id}`}>
            {boundary.name}
          </span>
          {typeLabel !== boundary.name && <span className="rampart-boundary__type">{typeLabel}</span>}
        </div>
        <ThreatBadge targetId={id} />
      </div>
    </>
  );
});
