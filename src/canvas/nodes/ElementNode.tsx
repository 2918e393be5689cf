/**
 * Actor, process and data store nodes: DFD shapes (rectangle, rounded, open-ended parallel lines) with the
 * stencil icon, the name as text (up to two lines) and the threat badge. Four handles; any of them starts or
 * ends a flow. Resizable when selected; the size is recorded when the resize ends (one undo step). Zoomed far
 * out, only the shape and the badge are drawn, and handles only on a selected node (levelOfDetail.ts).
 */
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { getElementIcon, getStencil } from '../../model/stencils';
import { StencilIcon } from '../StencilIcon';
import { ThreatBadge } from '../ThreatBadge';
import { useIsFar } from '../levelOfDetail';
import type { ElementFlowNode } from '../types';
import { useResizeEnd } from './useResizeEnd';

/** Room for the icon, a few letters of the name and the four handles. */
export const ELEMENT_MIN_SIZE = { width: 100, height: 48 } as const;

const SIDES = [
  { id: 'top', position: Position.Top },
  { id: 'right', position: Position.Right },
  { id: 'bottom', position: Position.Bottom },
  { id: 'left', position: Position.Left },
] as const;

export const ElementNode = memo(function ElementNode({ id, data, selected }: NodeProps<ElementFlowNode>) {
  const { element } = data;
  const stencil = getStencil(element.type);
  const typeLabel = stencil?.label ?? element.type;
  const onResizeEnd = useResizeEnd(id);
  const far = useIsFar();
  // The tooltip repeats the name: a long one is cut off after two lines.
  const title = element.description ? `${element.name}\n${element.description}` : element.name;
  return (
    <>
      <NodeResizer isVisible={!!selected} minWidth={ELEMENT_MIN_SIZE.width} minHeight={ELEMENT_MIN_SIZE.height} onResizeEnd={onResizeEnd} />
      <div
        className={`rampart-node rampart-node--${element.kind}`}
        data-testid={`element-${id}`}
        data-kind={element.kind}
        data-type={element.type}
        title={title}
      >
        {(!far || selected) &&
          SIDES.map((side) => <Handle key={side.id} id={side.id} type="source" position={side.position} aria-label={`Connect from ${side.id}`} />)}
        {!far && (
          <>
            <StencilIcon className="rampart-node__icon" icon={getElementIcon(element.type, element.kind)} />
            <div className="rampart-node__text">
              <span className="rampart-node__name" data-testid={`element-name-${id}`}>
                {element.name}
              </span>
              {typeLabel !== element.name && <span className="rampart-node__type">{typeLabel}</span>}
            </div>
          </>
        )}
        <ThreatBadge targetId={id} />
      </div>
    </>
  );
});
