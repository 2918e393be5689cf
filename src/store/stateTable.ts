/**
 * Where each piece of editor state goes (DESIGN.md §2 "Declare once which state goes where"):
 *
 * - `document`: part of the threat model; saved, exported, diffed in git, carried by undo.
 * - `session`: this browser's preference for the editor (panels open, last diagram); may be kept in local
 *   settings, never in the document or an export.
 * - `nowhere`: memory only (selection, history, analysis results that are recomputed, gesture bookkeeping).
 *
 * `toDocument` and `toSession` are derived from the tables, and the `satisfies` clauses make adding a state key
 * without placing it a compile error. React Flow's own state (viewport, measured sizes, dragging flags) never
 * reaches the store at all, so it cannot leak into a file.
 */
import type { ThreatModel } from '../model/types';
import type { EditorData, UiState } from './types';

export type Placement = 'document' | 'session' | 'nowhere';

export const STATE_TABLE = {
  model: 'document',
  revision: 'nowhere',
  activeDiagramId: 'session',
  selection: 'nowhere',
  past: 'nowhere',
  future: 'nowhere',
  findings: 'nowhere',
  mitigated: 'nowhere',
  analysisProblems: 'nowhere',
  badges: 'nowhere',
  clipboard: 'nowhere',
  gestureDepth: 'nowhere',
  gestureBase: 'nowhere',
  ui: 'session',
} as const satisfies Record<keyof EditorData, Placement>;

/** Placement of each ui key; `ui` as a whole is session state, but requests and dialogs are not kept. */
export const UI_TABLE = {
  registerOpen: 'session',
  inspectorOpen: 'session',
  paletteOpen: 'session',
  helpOpen: 'nowhere',
  inspectorTab: 'session',
  focusRequest: 'nowhere',
  fitViewRequest: 'nowhere',
  registerFilters: 'session',
} as const satisfies Record<keyof UiState, Placement>;

type KeysPlaced<T extends Record<string, Placement>, P extends Placement> = {
  [K in keyof T]: T[K] extends P ? K : never;
}[keyof T];

export type DocumentKeys = KeysPlaced<typeof STATE_TABLE, 'document'>;
export type SessionUiKeys = KeysPlaced<typeof UI_TABLE, 'session'>;

export interface SessionState {
  activeDiagramId?: string | null;
  ui?: Partial<Pick<UiState, SessionUiKeys>>;
}

function keysWith<T extends Record<string, Placement>>(table: T, placement: Placement): (keyof T)[] {
  return (Object.keys(table) as (keyof T)[]).filter((k) => table[k] === placement);
}

/** The document part of the state: what is saved and exported. Null when no model is open. */
export function toDocument(state: Pick<EditorData, DocumentKeys>): ThreatModel | null {
  const keys = keysWith(STATE_TABLE, 'document');
  // The table has exactly one document key today; the loop keeps the derivation honest if that ever changes.
  const picked: Partial<Pick<EditorData, DocumentKeys>> = {};
  for (const k of keys) (picked as Record<string, unknown>)[k] = state[k as DocumentKeys];
  return picked.model ?? null;
}

/** The session part: what the app may keep in local settings between visits. */
export function toSession(state: Pick<EditorData, 'activeDiagramId' | 'ui'>): SessionState {
  const ui: Record<string, unknown> = {};
  for (const k of keysWith(UI_TABLE, 'session')) ui[k] = state.ui[k];
  const session: SessionState = { ui: ui as SessionState['ui'] };
  if (STATE_TABLE.activeDiagramId === 'session') session.activeDiagramId = state.activeDiagramId;
  return session;
}

export function placementOf(key: keyof EditorData): Placement {
  return STATE_TABLE[key];
}
