/**
 * What the canvas does with React Flow's events. Positions live in local node state while a drag runs (no
 * store commit per frame: analysis and autosave follow every document change), and the drop is committed as
 * one undo step: the moves, then each moved item re-parented to the innermost zone under its centre.
 */
import { applyNodeChanges, type Connection, type EdgeChange, type NodeChange, type ReactFlowInstance } from '@xyflow/react';
import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import type { Id, Point } from '../model/types';
import type { EditorStore } from '../store/editorStore';
import { centreOf, findItem, findZoneAt, getDescendantIds, getItemSize } from '../store/geometry';
import type { FlowElementsBuilder } from './buildFlowElements';
import type { CanvasNode, FlowCanvasEdge } from './types';

type Flow = ReactFlowInstance<CanvasNode, FlowCanvasEdge>;

function applySelection(store: EditorStore, changes: readonly { id: string; selected: boolean }[]): void {
  if (!changes.length) return;
  const current = store.getState().selection;
  const next = new Set(current);
  for (const c of changes) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  if (next.size === current.length && current.every((id) => next.has(id))) return;
  store.getState().select([...current.filter((id) => next.has(id)), ...[...next].filter((id) => !current.includes(id))]);
}

export function useCanvasHandlers(store: EditorStore, flow: Flow, builder: FlowElementsBuilder, setNodes: Dispatch<SetStateAction<CanvasNode[]>>) {
  const dragging = useRef(false);

  /** Absolute position of a node whose relative position is `position` (parents do not move with a child). */
  const absolute = useCallback(
    (node: { parentId?: string; position: Point }): Point => {
      const parent = node.parentId ? flow.getInternalNode(node.parentId) : undefined;
      const origin = parent?.internals.positionAbsolute ?? { x: 0, y: 0 };
      return { x: Math.round(origin.x + node.position.x), y: Math.round(origin.y + node.position.y) };
    },
    [flow],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const local: NodeChange<CanvasNode>[] = [];
      const selection: { id: string; selected: boolean }[] = [];
      const measured = new Set<Id>();
      let resizing = false;
      for (const c of changes) {
        if (c.type === 'select') selection.push(c);
        else if (c.type === 'position') local.push(c);
        else if (c.type === 'dimensions') {
          local.push(c);
          measured.add(c.id);
          if (c.resizing !== undefined) resizing = true;
        }
        // 'remove' is ignored: deleting goes through the store (shortcut table), which removes flows too.
      }
      if (local.length) {
        setNodes((nodes) => {
          const next = applyNodeChanges(local, nodes);
          if (measured.size) builder.absorbMeasured(next, measured);
          return next;
        });
      }
      applySelection(store, selection);
      // Arrow keys move selected nodes without a drag: commit those moves at once, one step per key press.
      if (!dragging.current && !resizing) {
        const moves = changes.flatMap((c) => (c.type === 'position' && c.position && !c.dragging ? [{ id: c.id, position: c.position }] : []));
        if (moves.length) {
          store.getState().moveItems(
            moves.map((m) => {
              const node = flow.getNode(m.id);
              return { id: m.id, position: absolute({ parentId: node?.parentId, position: m.position }) };
            }),
          );
        }
      }
    },
    [absolute, builder, flow, setNodes, store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowCanvasEdge>[]) => {
      applySelection(
        store,
        changes.flatMap((c) => (c.type === 'select' ? [c] : [])),
      );
    },
    [store],
  );

  const onDragStart = useCallback(() => {
    dragging.current = true;
  }, []);

  const onDragStop = useCallback(
    (_event: unknown, _node: unknown, dragged: CanvasNode[]) => {
      if (!dragging.current) return;
      dragging.current = false;
      const s = store.getState();
      if (!s.model || dragged.length === 0) return;
      const moves = dragged.map((n) => ({ id: n.id, position: absolute(n) }));
      s.beginGesture();
      try {
        s.moveItems(moves);
        const model = store.getState().model!;
        for (const { id, position } of moves) {
          const found = findItem(model, id);
          if (!found || (found.kind !== 'element' && !(found.kind === 'boundary' && found.item.shape === 'zone'))) continue;
          const exclude = found.kind === 'boundary' ? new Set([id, ...getDescendantIds(model, id)]) : undefined;
          const zone = findZoneAt(model, found.item.diagramId, centreOf(position, getItemSize(found)), exclude);
          const current = found.kind === 'element' ? found.item.boundaryId : found.item.parentId;
          if ((zone?.id ?? null) !== current) store.getState().setParent(id, zone?.id ?? null);
        }
      } finally {
        store.getState().endGesture();
      }
    },
    [absolute, store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target) store.getState().addFlow(c.source, c.target);
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | FlowCanvasEdge) => {
      if (!c.source || !c.target || c.source === c.target) return false;
      const model = store.getState().model;
      return !!model && model.elements.some((e) => e.id === c.source) && model.elements.some((e) => e.id === c.target);
    },
    [store],
  );

  return { onNodesChange, onEdgesChange, onDragStart, onDragStop, onConnect, isValidConnection };
}
