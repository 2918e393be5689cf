/**
 * Level of detail. Below FAR_ZOOM the canvas text is a few pixels high and cannot be read, yet drawing it is most
 * of what a frame costs on a large diagram (Chromium re-layerizes every paint chunk on each drag step, and icons,
 * names, handles and flow labels are thousands of chunks). Zoomed out that far, element nodes draw their shape and
 * threat badge (no icon, name or type line; the name stays the node's accessible name and tooltip), flows are
 * one drawing of lines and arrowheads (FarFlowLayer), and only a selected node has connection handles: four per
 * node would be four thousand React Flow store subscriptions at 1,000 elements, asked about every drag step.
 * Zooming in brings everything back, and the canvas has React Flow measure the handles again.
 */
import { createContext, useContext } from 'react';

/** Zoom below which the canvas draws the simplified diagram. */
export const FAR_ZOOM = 0.4;

const FarContext = createContext(false);

export const FarProvider = FarContext.Provider;

/** True while the canvas is zoomed out past FAR_ZOOM. */
export function useIsFar(): boolean {
  return useContext(FarContext);
}
