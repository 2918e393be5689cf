/**
 * A data flow: a floating straight arrow between its two elements, its name as a label with its threat badge,
 * and a small marker wherever it crosses a trust boundary. Follows its endpoints live while they are dragged.
 */
import { BaseEdge, useStore, type EdgeProps, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { useBadge, useEditorApi } from '../../store/context';
import { useIsFar } from '../levelOfDetail';
import { ThreatBadge } from '../ThreatBadge';
import type { FlowCanvasEdge } from '../types';
import { EdgeLabelPortal } from './edgeLabelLayer';
import { floatingLine, nodeRect, pointAlong, polylineCrossings, rectCrossings } from './edgeGeometry';

/** Where along the flow its label may sit, in order of preference. */
const LABEL_SPOTS = [0.5, 0.35, 0.65, 0.22, 0.78];

/**
 * React Flow's own node: its `useInternalNode` compares the node shallowly on every store update, for 4,000
 * subscriptions at 2,000 flows; React Flow replaces an internal node whenever it changes, so identity is enough.
 */
function useNode(id: string): InternalNode | undefined {
  return useStore(useCallback((s: ReactFlowState) => s.nodeLookup.get(id), [id]));
}

export const FlowEdge = memo(function FlowEdge({ id, source, target, data, selected, markerEnd }: EdgeProps<FlowCanvasEdge>) {
  const sourceNode = useNode(source);
  const targetNode = useNode(target);
  const store = useEditorApi();
  const hasBadge = (useBadge(id)?.open ?? 0) > 0;
  const far = useIsFar();
  if (!sourceNode || !targetNode || !data) return null;
  const line = floatingLine(nodeRect(sourceNode), nodeRect(targetNode), data.offset);
  const path = `M ${line.start.x} ${line.start.y} L ${line.end.x} ${line.end.y}`;
  const crossing = data.crossings.length > 0;
  // Zoomed out (levelOfDetail.ts) a flow is its line: the darker stroke still shows that it crosses a boundary.
  if (far) {
    return <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`rampart-flow${crossing ? ' rampart-flow--crossing' : ''}`} interactionWidth={14} />;
  }
  const markers = data.crossings.flatMap((c) =>
    c.kind === 'zone' ? rectCrossings(line.start, line.end, c).slice(0, 1) : polylineCrossings(line.start, line.end, c.points).slice(0, 1),
  );
  // Keep the label off the crossing markers (a flow into a zone often crosses near its middle).
  const labelAt =
    LABEL_SPOTS.map((t) => pointAlong(line.start, line.end, t)).find((p) => markers.every((m) => Math.hypot(m.x - p.x, m.y - p.y) > 30)) ?? line.mid;
  const name = data.flow.name;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`rampart-flow${crossing ? ' rampart-flow--crossing' : ''}`}
        interactionWidth={14}
      />
      {markers.map((p, i) => (
        <rect
          key={i}
          className="rampart-crossing"
          data-testid={`crossing-${id}`}
          x={p.x - 5}
          y={p.y - 5}
          width={10}
          height={10}
          transform={`rotate(45 ${p.x} ${p.y})`}
        />
      ))}
      {(name || hasBadge) && (
        <EdgeLabelPortal>
          <div
            className={`rampart-flow-label nodrag nopan${selected ? ' rampart-flow-label--selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelAt.x}px, ${labelAt.y}px)` }}
            data-testid={`flow-label-${id}`}
            onClick={(event) => {
              const state = store.getState();
              if (event.shiftKey || event.metaKey || event.ctrlKey) state.toggleSelect(id);
              else state.select([id]);
            }}
          >
            {name && <span className="rampart-flow-label__name">{name}</span>}
            <ThreatBadge targetId={id} />
          </div>
        </EdgeLabelPortal>
      )}
    </>
  );
});
