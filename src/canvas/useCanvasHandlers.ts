/**
 * What the canvas does with React Flow's events. Positions live in local node state while a drag runs (no
 * store commit per frame: analysis and autosave follow every document change), and the drop is committed as
 * one undo step by commitDrop (nesting.ts): the moves, each moved item re-parented to the innermost zone under
 * its centre, the zones they end up in grown to enclose them. A dragged zone never captures what it overlaps.
 */
import { applyNodeChanges, type Connection, type EdgeChange, type NodeChange, type ReactFlowInstance } from '@xyflow/react';
import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import type { Id, Point } from '../model/types';
import type { EditorStore } from '../store/editorStore';
import type { FlowElementsBuilder } from './buildFlowElements';
import { commitDrop } from './nesting';
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
      commitDrop(store, dragged.map((n) => ({ id: n.id, position: absolute(n) })));
    },
    [absolute, store],
  );

  // Every handler keeps its identity across renders: React Flow copies changed props into its store, and each
  // store update runs thousands of node and edge selectors (twice per drag step with an inline handler).
  const onSelectionDragStop = useCallback((event: unknown, dragged: CanvasNode[]) => onDragStop(event, undefined, dragged), [onDragStop]);

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

  return { onNodesChange, onEdgesChange, onDragStart, onDragStop, onSelectionDragStop, onConnect, isValidConnection };
}
