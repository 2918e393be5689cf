/**
 * The diagram canvas: React Flow over the active diagram of the store's model. Mount it once a model is
 * loaded (it renders nothing before); it fills its parent. Nodes and edges are derived from the document
 * (buildFlowElements.ts); the store stays the single source of truth for positions, selection and content.
 */
import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useEditor, useEditorApi } from '../store/context';
import { planAutoLayout } from './autoLayout';
import { registerCanvas } from './bridge';
import { FlowElementsBuilder } from './buildFlowElements';
import './canvas.css';
import { ShortcutsDialog } from './dialogs';
import { EdgeLabelLayerProvider, findEdgeLabelLayer } from './edges/edgeLabelLayer';
import { FarFlowLayer } from './edges/FarFlowLayer';
import { FAR_ZOOM, FarProvider } from './levelOfDetail';
import { OverviewMap } from './OverviewMap';
import { EDGE_TYPES, NODE_TYPES } from './nodes/nodeTypes';
import { addPaletteItem, parseToken, STENCIL_MIME } from './paletteItems';
import type { CanvasNode, FlowCanvasEdge } from './types';
import { useCanvasHandlers } from './useCanvasHandlers';
import { useShortcuts } from './useShortcuts';

const FIT_OPTIONS = { padding: 0.15, maxZoom: 1.2 } as const;
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** Zoomed out, React Flow gets no edges: FarFlowLayer draws them all at once (see there). */
const NO_EDGES: FlowCanvasEdge[] = [];

export interface DiagramCanvasProps {
  className?: string;
}

export function DiagramCanvas({ className }: DiagramCanvasProps) {
  const hasModel = useEditor((s) => s.model !== null && s.activeDiagramId !== null);
  if (!hasModel) return null;
  return (
    <ReactFlowProvider>
      <CanvasInner className={className} />
    </ReactFlowProvider>
  );
}

function CanvasInner({ className }: DiagramCanvasProps) {
  const store = useEditorApi();
  const flow = useReactFlow<CanvasNode, FlowCanvasEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const model = useEditor((s) => s.model)!;
  const diagramId = useEditor((s) => s.activeDiagramId)!;
  const selection = useEditor((s) => s.selection);
  const [builder] = useState(() => new FlowElementsBuilder());
  // A boolean selector: the canvas re-renders when the zoom crosses the threshold, not on every zoom step.
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);

  const selected = useMemo(() => new Set(selection), [selection]);
  const { elements, boundaries, notes } = model;
  const derivedNodes = useMemo(
    () => builder.buildNodes({ elements, boundaries, notes }, diagramId, selected),
    [builder, elements, boundaries, notes, diagramId, selected],
  );
  const edges = useMemo(() => builder.buildEdges(model, diagramId, selected), [builder, model, diagramId, selected]);

  // Local node state: derived from the document, then moved locally while a drag runs.
  const [nodes, setNodes] = useState<CanvasNode[]>(derivedNodes);
  const [shownNodes, setShownNodes] = useState(derivedNodes);
  if (shownNodes !== derivedNodes) {
    setShownNodes(derivedNodes);
    setNodes(derivedNodes);
  }

  const handlers = useCanvasHandlers(store, flow, builder, setNodes);

  // Zoomed out, element nodes have no handles (levelOfDetail.ts): coming back, React Flow must measure the handles
  // of the nodes on screen again, or it has nothing to attach their flows to.
  const flowStore = useStoreApi();
  const wasFar = useRef(far);
  useEffect(() => {
    if (wasFar.current === far) return;
    wasFar.current = far;
    if (far) return;
    const frame = requestAnimationFrame(() => {
      const updates = new Map<string, { id: string; nodeElement: HTMLDivElement; force: boolean }>();
      for (const el of wrapper.current?.querySelectorAll<HTMLDivElement>('.react-flow__node') ?? []) {
        const id = el.dataset.id;
        if (id) updates.set(id, { id, nodeElement: el, force: true });
      }
      flowStore.getState().updateNodeInternals(updates, { triggerFitView: false });
    });
    return () => cancelAnimationFrame(frame);
  }, [far, flowStore]);

  // Found once, after React Flow rendered it (not by every flow label on every store change): edgeLabelLayer.tsx.
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (labelLayer?.isConnected) return;
    const layer = findEdgeLabelLayer(wrapper.current);
    if (layer) {
      setLabelLayer(layer);
      return;
    }
    // Not there yet (React Flow has not rendered its viewport): look again next frame.
    const frame = requestAnimationFrame(() => setLabelLayer(findEdgeLabelLayer(wrapper.current)));
    return () => cancelAnimationFrame(frame);
  }, [labelLayer]);

  const fitView = useCallback(() => void flow.fitView({ ...FIT_OPTIONS, duration: 250 }), [flow]);
  const autoLayout = useCallback(() => {
    const s = store.getState();
    if (!s.model || !s.activeDiagramId) return;
    const plan = planAutoLayout(s.model, s.activeDiagramId);
    s.beginGesture();
    try {
      for (const r of plan.resizes) store.getState().resizeItem(r.id, r.size, r.position);
      store.getState().moveItems(plan.moves);
    } finally {
      store.getState().endGesture();
    }
    window.setTimeout(fitView, 50);
  }, [fitView, store]);

  useShortcuts(store, fitView);

  useEffect(
    () =>
      registerCanvas(store, {
        viewportCentre: () => {
          const rect = wrapper.current?.getBoundingClientRect();
          if (!rect) return { x: 0, y: 0 };
          return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        },
        fitView,
        autoLayout,
      }),
    [autoLayout, fitView, flow, store],
  );

  // Frame a newly shown diagram or model; the first one is framed by the fitView prop.
  const modelId = model.id;
  const shown = useRef(`${modelId}/${diagramId}`);
  useEffect(() => {
    const key = `${modelId}/${diagramId}`;
    if (shown.current === key) return;
    shown.current = key;
    const timer = window.setTimeout(() => void flow.fitView(FIT_OPTIONS), 30);
    return () => window.clearTimeout(timer);
  }, [diagramId, flow, modelId]);

  const fitRequest = useEditor((s) => s.ui.fitViewRequest);
  useEffect(() => {
    if (fitRequest > 0) fitView();
  }, [fitRequest, fitView]);

  // Zoom to a focus request (a register row, a finding): the target, or both ends of a flow.
  const focus = useEditor((s) => s.ui.focusRequest);
  useEffect(() => {
    if (!focus) return;
    const timer = window.setTimeout(() => {
      const m = store.getState().model;
      const f = m?.flows.find((x) => x.id === focus.id);
      const ids = f ? [f.source, f.target] : [focus.id];
      void flow.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.5, maxZoom: 1.4, duration: 350 });
    }, 60);
    return () => window.clearTimeout(timer);
  }, [focus, flow, store]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer?.types.includes(STENCIL_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const item = parseToken(event.dataTransfer?.getData(STENCIL_MIME) ?? '');
      if (!item) return;
      event.preventDefault();
      addPaletteItem(store, item, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow, store],
  );

  return (
    <div
      ref={wrapper}
      className={`rampart-canvas${far ? ' rampart-canvas--far' : ''}${className ? ` ${className}` : ''}`}
      data-testid="diagram-canvas"
      data-detail={far ? 'far' : 'full'}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <FarProvider value={far}>
        <EdgeLabelLayerProvider value={labelLayer}>
          <ReactFlow<CanvasNode, FlowCanvasEdge>
            nodes={nodes}
            edges={far ? NO_EDGES : edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            onNodesChange={handlers.onNodesChange}
            onEdgesChange={handlers.onEdgesChange}
            onNodeDragStart={handlers.onDragStart}
            onNodeDragStop={handlers.onDragStop}
            onSelectionDragStart={handlers.onDragStart}
            onSelectionDragStop={handlers.onSelectionDragStop}
            onConnect={handlers.onConnect}
            isValidConnection={handlers.isValidConnection}
            connectionMode={ConnectionMode.Loose}
            deleteKeyCode={null}
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            selectionKeyCode="Shift"
            zIndexMode="manual"
            minZoom={0.05}
            maxZoom={2.5}
            fitView
            fitViewOptions={FIT_OPTIONS}
            onlyRenderVisibleElements
            elevateNodesOnSelect={false}
            elevateEdgesOnSelect={false}
            aria-label="Diagram canvas"
          >
            <Background gap={24} />
            {far ? <FarFlowLayer edges={edges} /> : null}
            <OverviewMap />
            <Controls aria-label="Zoom controls" fitViewOptions={FIT_OPTIONS}>
              <ControlButton onClick={autoLayout} title="Auto-layout" aria-label="Auto-layout the diagram" data-testid="canvas-auto-layout">
                <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                  <path d="M3 5h6v5H3zM15 5h6v5h-6zM9 16h6v5H9zM6 10v3h12v-3M12 13v3" />
                </svg>
              </ControlButton>
              <ControlButton onClick={() => store.getState().setUi({ helpOpen: true })} title="Keyboard shortcuts" aria-label="Keyboard shortcuts" data-testid="canvas-shortcuts">
                ?
              </ControlButton>
            </Controls>
          </ReactFlow>
        </EdgeLabelLayerProvider>
      </FarProvider>
      <ShortcutsDialog />
    </div>
  );
}
