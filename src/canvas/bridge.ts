/**
 * Lets components outside the React Flow tree (the palette, the app's toolbar) reach the mounted canvas of a
 * store: the viewport centre for click-to-add, fit view, auto-layout. Keyed by store, so two editors on one
 * page (or tests) never share a canvas.
 */
import type { Point } from '../model/types';
import type { EditorStore } from '../store/editorStore';

export interface CanvasHandle {
  /** The diagram point at the centre of the visible canvas. */
  viewportCentre(): Point;
  fitView(): void;
  autoLayout(): void;
}

const handles = new WeakMap<EditorStore, CanvasHandle>();

export function registerCanvas(store: EditorStore, handle: CanvasHandle): () => void {
  handles.set(store, handle);
  return () => {
    if (handles.get(store) === handle) handles.delete(store);
  };
}

export function getCanvas(store: EditorStore): CanvasHandle | undefined {
  return handles.get(store);
}
