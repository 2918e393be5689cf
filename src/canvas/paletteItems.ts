/**
 * What can be dropped on the canvas and how it travels in a drag: the dataTransfer type
 * `application/rampart-stencil` carries a token, `element:<stencilId>`, `boundary:<type>` or `note`.
 */
import type { Point } from '../model/types';
import type { EditorStore } from '../store/editorStore';
import { DEFAULT_SIZES } from '../store/geometry';
import { fitParentsOf, inGesture } from './nesting';

export const STENCIL_MIME = 'application/rampart-stencil';

export type PaletteItem = { kind: 'element'; stencilId: string } | { kind: 'boundary'; type: string } | { kind: 'note' };

export function toToken(item: PaletteItem): string {
  switch (item.kind) {
    case 'element':
      return `element:${item.stencilId}`;
    case 'boundary':
      return `boundary:${item.type}`;
    case 'note':
      return 'note';
  }
}

export function parseToken(token: string): PaletteItem | null {
  if (token === 'note') return { kind: 'note' };
  const [kind, value] = [token.slice(0, token.indexOf(':')), token.slice(token.indexOf(':') + 1)];
  if (kind === 'element' && value) return { kind: 'element', stencilId: value };
  if (kind === 'boundary' && value) return { kind: 'boundary', type: value };
  return null;
}

/**
 * Adds a palette item centred on a diagram point; returns the new id. A zone it lands in grows to enclose it,
 * in the same undo step.
 */
export function addPaletteItem(store: EditorStore, item: PaletteItem, centre: Point): string | null {
  return inGesture(store, () => {
    const id = addAt(store, item, centre);
    if (id) fitParentsOf(store, [id]);
    return id;
  });
}

function addAt(store: EditorStore, item: PaletteItem, centre: Point): string | null {
  const s = store.getState();
  const at = (size: { width: number; height: number }): Point => ({ x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) });
  switch (item.kind) {
    case 'element':
      return s.addElement(item.stencilId, at(DEFAULT_SIZES.element));
    case 'boundary':
      return s.addBoundary(item.type, at(DEFAULT_SIZES.boundary));
    case 'note':
      return s.addNote(at(DEFAULT_SIZES.note));
  }
}
