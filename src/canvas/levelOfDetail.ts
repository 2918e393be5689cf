/**
 * Level of detail. Below FAR_ZOOM the canvas text is a few pixels high and cannot be read, yet drawing it is most
 * of what a frame costs on a large diagram (Chromium re-layerizes every paint chunk on each drag step, and icons,
 * names, handles and flow labels are thousands of chunks). Zoomed out that far, element nodes draw their shape and
 * threat badge (no icon, name or type line; the name stays the node's accessible name and tooltip) and flows
 * their line (no label or crossing marker; a crossing flow keeps its darker stroke). Connection handles stay laid
 * out, so React Flow's handle measurements stay right, but are hidden unless the node is selected (canvas.css).
 * Zooming in brings everything back.
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
