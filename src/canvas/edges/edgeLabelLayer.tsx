/**
 * Flow labels are HTML (text with a background, a badge, a click target) drawn in React Flow's edge label layer.
 * React Flow's own `EdgeLabelRenderer` finds that layer with a store selector that runs `querySelector` on every
 * store change, once per label: with 2,000 flows that is 2,000 DOM queries per drag step or edit (most of their
 * time). Here the canvas finds the layer once, after React Flow mounted it, and hands it to the labels through
 * context. Labels stay HTML in that layer, so they look and click as before (above flows, below elements).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const EdgeLabelLayerContext = createContext<HTMLElement | null>(null);

export const EdgeLabelLayerProvider = EdgeLabelLayerContext.Provider;

/** React Flow's label layer inside a canvas wrapper, or null before React Flow rendered it. */
export function findEdgeLabelLayer(wrapper: HTMLElement | null): HTMLElement | null {
  return wrapper?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null;
}

/** Renders its children in the edge label layer (nothing until the layer exists). */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const layer = useContext(EdgeLabelLayerContext);
  return layer ? createPortal(children, layer) : null;
}
