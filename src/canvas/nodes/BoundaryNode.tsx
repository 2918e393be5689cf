/**
 * A trust boundary zone: a group node (elements and nested zones are its children), dashed, labelled with its
 * name and type, resizable when selected. A resize is one undo step, recorded when it ends.
 */
import { NodeResizer, useReactFlow, type NodeProps, type ResizeParams } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { getBoundaryTypeLabel } from '../../model/stencils';
import { useEditorApi } from '../../store/context';
import { ThreatBadge } from '../ThreatBadge';
import type { BoundaryFlowNode } from '../types';

/** Records a finished resize in the store with the node's absolute position (documents store absolute ones). */
export function useResizeEnd(id: string): (event: unknown, params: ResizeParams) => void {
  const store = useEditorApi();
  const flow = useReactFlow();
  return useCallback(
    (_event: unknown, params: ResizeParams) => {
      const internal = flow.getInternalNode(id);
      const position = internal?.internals.positionAbsolute ?? { x: params.x, y: params.y };
      store.getState().resizeItem(id, { width: Math.round(params.width), height: Math.round(params.height) }, { x: position.x, y: position.y });
    },
    [flow, id, store],
  );
}

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
