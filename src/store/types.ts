/**
 * The editor state's shape. Kept apart from the store factory so panels, canvas and tests can name the types
 * without pulling in the implementation.
 */
import type { Analysis, Finding, MitigatedByDesign, RuleProblem } from '../model/findings';
import type { ItemPatch, ModelPatch } from '../model/operations';
import type {
  Boundary,
  BoundaryType,
  Flow,
  Id,
  ManualThreat,
  ModelElement,
  Note,
  Point,
  PropValue,
  RulePackSettings,
  Severity,
  Size,
  ThreatModel,
  ThreatStatus,
  TriageEntry,
} from '../model/types';

/** A ui request the canvas answers by zooming to the target; `nonce` makes a repeated request distinct. */
export interface FocusRequest {
  id: Id;
  nonce: number;
  /** The finding (or manual threat) the analyst picked on that target; the inspector scrolls its card into view. */
  findingId?: string;
}

/** Which tab the inspector shows for a selected item; the analyst's last choice is kept. */
export type InspectorTab = 'threats' | 'properties';

export interface RegisterFilters {
  severity: Severity[];
  status: ThreatStatus[];
  stride: string[];
  pack: string[];
  owasp: string[];
  search: string;
}

export interface UiState {
  registerOpen: boolean;
  inspectorOpen: boolean;
  paletteOpen: boolean;
  helpOpen: boolean;
  inspectorTab: InspectorTab;
  /** Set by focusTarget; the canvas zooms to it. */
  focusRequest: FocusRequest | null;
  /** Bumped to ask the canvas to fit the whole diagram in view. */
  fitViewRequest: number;
  registerFilters: RegisterFilters;
}

/** Items on the clipboard: a self-contained snapshot, so later edits of the originals do not change it. */
export interface ClipboardContent {
  elements: ModelElement[];
  boundaries: Boundary[];
  flows: Flow[];
  notes: Note[];
  /** How many times it was pasted: each paste lands one offset further away from the originals. */
  pasteCount: number;
}

/** What a node or edge badge shows for one target: open threats and the worst open severity. */
export interface TargetBadge {
  open: number;
  severity: Severity | null;
  /** Every open finding is unverified (fired only because a control is unknown): drawn paler. */
  unverifiedOnly: boolean;
}

export interface Move {
  id: Id;
  position: Point;
}

export type { ItemPatch, ModelPatch };

export type ManualThreatInit = Partial<Omit<ManualThreat, 'id'>>;

/** The data part of the editor state. Every key is placed in `stateTable.ts` (document, session or nowhere). */
export interface EditorData {
  model: ThreatModel | null;
  /** Bumped on every document change (edit, undo, redo, load); analysis replies carry it. */
  revision: number;
  activeDiagramId: Id | null;
  selection: Id[];
  past: ThreatModel[];
  future: ThreatModel[];
  findings: Finding[];
  mitigated: MitigatedByDesign[];
  analysisProblems: RuleProblem[];
  /** Badge per target id, derived from findings, manual threats and triage; entries keep identity when equal. */
  badges: Record<Id, TargetBadge>;
  clipboard: ClipboardContent | null;
  /** Depth of open gestures (beginGesture/endGesture); > 0 while dragging. */
  gestureDepth: number;
  /** The document as it was when the outermost gesture began; pushed to `past` on endGesture if it changed. */
  gestureBase: ThreatModel | null;
  ui: UiState;
}

export interface EditorActions {
  loadModel(model: ThreatModel | null): void;
  /**
   * Replaces the open document with another version of the same model (a stored revision) as ONE undoable
   * step; the model keeps its id. Refused (false) with no model open or while a gesture runs.
   */
  replaceModel(model: ThreatModel): boolean;
  addElement(stencilId: string, position: Point, diagramId?: Id): Id | null;
  addBoundary(type: BoundaryType | string, position: Point, size?: Size, diagramId?: Id): Id | null;
  addFlow(source: Id, target: Id): Id | null;
  addNote(position: Point, diagramId?: Id, text?: string): Id | null;
  moveItems(moves: Move[]): void;
  resizeItem(id: Id, size: Size, position?: Point): void;
  setParent(id: Id, parentId: Id | null): boolean;
  removeSelection(): void;
  removeItems(ids: Id[]): void;
  updateItem(id: Id, patch: ItemPatch): void;
  setProperty(targetId: Id, name: string, value: PropValue | undefined): void;
  updateModel(patch: ModelPatch): void;
  setTriage(findingId: string, entry: Partial<TriageEntry> | undefined): void;
  addManualThreat(init: ManualThreatInit): Id | null;
  updateManualThreat(id: Id, patch: ManualThreatInit): void;
  removeManualThreat(id: Id): void;
  setRulePacks(settings: RulePackSettings): void;
  addDiagram(name?: string): Id | null;
  renameDiagram(id: Id, name: string): void;
  reorderDiagrams(ids: Id[]): void;
  /** Moves a diagram one place left (-1) or right (+1). */
  moveDiagram(id: Id, delta: -1 | 1): void;
  /** Removes a diagram with its contents; refuses to remove the last one. */
  removeDiagram(id: Id): boolean;
  setActiveDiagram(id: Id): void;
  select(ids: Id[]): void;
  toggleSelect(id: Id): void;
  selectAll(): void;
  clearSelection(): void;
  copy(): void;
  paste(offset?: Point): Id[];
  duplicate(): Id[];
  undo(): void;
  redo(): void;
  beginGesture(): void;
  endGesture(): void;
  setFindings(analysis: Analysis): void;
  /** Selects and zooms to a target and shows the inspector's Threats tab, scrolled to `findingId` when given. */
  focusTarget(id: Id, findingId?: string): void;
  setUi(patch: Partial<UiState>): void;
}

export type EditorState = EditorData & EditorActions;

