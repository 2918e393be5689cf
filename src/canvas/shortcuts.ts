/**
 * Every keyboard shortcut of the editor, in one table: the handler and the help dialog both read it.
 * `keys` are written as combos: `Mod` is Ctrl, or Cmd on a Mac; matching ignores the order of modifiers.
 */
import type { EditorStore } from '../store/editorStore';
import { getCanvas } from './bridge';
import { pasteInsideZones } from './nesting';

export interface ShortcutContext {
  store: EditorStore;
  fitView(): void;
}

export interface Shortcut {
  id: string;
  /** Combos, e.g. 'Mod+Shift+Z'; any of them triggers the shortcut (layout variants included). */
  keys: string[];
  /** The combos shown in the help dialog. */
  display: string[];
  label: string;
  run(ctx: ShortcutContext): void;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'delete', keys: ['Delete', 'Backspace'], display: ['Delete', 'Backspace'], label: 'Delete the selection (elements take their flows)', run: ({ store }) => store.getState().removeSelection() },
  { id: 'undo', keys: ['Mod+Z'], display: ['Mod+Z'], label: 'Undo', run: ({ store }) => store.getState().undo() },
  { id: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], display: ['Mod+Shift+Z', 'Mod+Y'], label: 'Redo', run: ({ store }) => store.getState().redo() },
  { id: 'copy', keys: ['Mod+C'], display: ['Mod+C'], label: 'Copy', run: ({ store }) => store.getState().copy() },
  { id: 'paste', keys: ['Mod+V'], display: ['Mod+V'], label: 'Paste', run: ({ store }) => void pasteInsideZones(store, 'paste') },
  { id: 'duplicate', keys: ['Mod+D'], display: ['Mod+D'], label: 'Duplicate', run: ({ store }) => void pasteInsideZones(store, 'duplicate') },
  { id: 'selectAll', keys: ['Mod+A'], display: ['Mod+A'], label: 'Select everything on this diagram', run: ({ store }) => store.getState().selectAll() },
  { id: 'clear', keys: ['Escape'], display: ['Escape'], label: 'Clear the selection', run: ({ store }) => store.getState().clearSelection() },
  { id: 'fit', keys: ['Shift+!', 'Shift+1', 'F'], display: ['Shift+1', 'F'], label: 'Fit the diagram in view', run: ({ fitView }) => fitView() },
  { id: 'layout', keys: ['Mod+Shift+L'], display: ['Mod+Shift+L'], label: 'Auto-layout the diagram', run: ({ store }) => getCanvas(store)?.autoLayout() },
  { id: 'help', keys: ['?', 'Shift+?'], display: ['?'], label: 'Show keyboard shortcuts', run: ({ store }) => store.getState().setUi({ helpOpen: true }) },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The combo of a key event, e.g. 'Mod+Shift+Z' (letters upper-cased). */
export function comboOf(event: KeyLike): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  parts.push(event.key.length === 1 ? event.key.toUpperCase() : event.key);
  return parts.join('+');
}

export function findShortcut(event: KeyLike): Shortcut | undefined {
  const combo = comboOf(event);
  return SHORTCUTS.find((s) => s.keys.some((k) => k.toUpperCase() === combo.toUpperCase()));
}

/** Whether a key event comes from somewhere the user types: shortcuts leave those alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** How a combo is shown in the help dialog. */
export function displayCombo(combo: string, mac: boolean): string {
  return combo.replace('Mod', mac ? 'Cmd' : 'Ctrl');
}
