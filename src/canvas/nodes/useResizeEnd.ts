/**
 * What a NodeResizer does when a resize gesture ends: record the new size with the node's absolute position
 * (documents store absolute ones) and grow the zones around the node if it now sticks out, as ONE undo step.
 * NodeResizer reports the intermediate sizes as local node changes only (useCanvasHandlers.ts), so nothing
 * reaches the store before the gesture ends.
 */
import { useReactFlow, type ResizeParams } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorApi } from '../../store/context';
import { commitResize } from '../nesting';

export function useResizeEnd(id: string): (event: unknown, params: ResizeParams) => void {
  const store = useEditorApi();
  const flow = useReactFlow();
  return useCallback(
    (_event: unknown, params: ResizeParams) => {
      // params.x/y are relative to the parent, which does not move while its child is resized.
      const parentId = flow.getInternalNode(id)?.parentId;
      const origin = (parentId && flow.getInternalNode(parentId)?.internals.positionAbsolute) || { x: 0, y: 0 };
      const position = { x: Math.round(origin.x + params.x), y: Math.round(origin.y + params.y) };
      const size = { width: Math.round(params.width), height: Math.round(params.height) };
      commitResize(store, id, size, position);
    },
    [flow, id, store],
  );
}
