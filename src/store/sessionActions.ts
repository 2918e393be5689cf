/**
 * Actions on what is not the document: selection, clipboard, analysis results, focus requests and ui flags.
 * Paste and duplicate are the exception: they read the clipboard and commit one `pasteItems` operation.
 */
import type { Analysis } from '../model/findings';
import { newId } from '../model/ids';
import type { Id, Point } from '../model/types';
import { computeBadges } from './badges';
import { buildClipboard, instantiateClipboard } from './clipboard';
import { findItem, getDiagramItemIds, getItemDiagramId } from './geometry';
import type { StoreKit } from './kit';
import type { ClipboardContent, EditorActions } from './types';

type SessionActions = Pick<
  EditorActions,
  'select' | 'toggleSelect' | 'selectAll' | 'clearSelection' | 'copy' | 'paste' | 'duplicate' | 'setFindings' | 'focusTarget' | 'setUi'
>;

/** Where successive pastes land relative to the originals: one step further each time. */
export const PASTE_OFFSET: Point = { x: 40, y: 40 };

function unique(ids: readonly Id[]): Id[] {
  return [...new Set(ids)];
}

export function sessionActions(kit: StoreKit): SessionActions {
  const { get, set, commit } = kit;

  const pasteContent = (clip: ClipboardContent, offset: Point): Id[] => {
    const { model, activeDiagramId } = get();
    const diagram = activeDiagramId ?? model?.diagrams[0]?.id;
    if (!model || !diagram) return [];
    const items = instantiateClipboard(clip, model, diagram, offset, newId);
    const op = { type: 'pasteItems' as const, elements: items.elements, boundaries: items.boundaries, flows: items.flows, notes: items.notes };
    return commit([op], { selection: items.ids }) ? items.ids : [];
  };

  return {
    select: (ids) => set({ selection: unique(ids) }),
    toggleSelect(id) {
      const selection = get().selection;
      set({ selection: selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id] });
    },
    selectAll() {
      const { model, activeDiagramId } = get();
      if (model && activeDiagramId) set({ selection: getDiagramItemIds(model, activeDiagramId) });
    },
    clearSelection() {
      if (get().selection.length) set({ selection: [] });
    },

    copy() {
      const { model, selection } = get();
      if (!model || selection.length === 0) return;
      const clip = buildClipboard(model, selection);
      if (clip) set({ clipboard: clip });
    },

    paste(offset) {
      const clip = get().clipboard;
      if (!clip) return [];
      const count = clip.pasteCount + 1;
      const ids = pasteContent(clip, offset ?? { x: PASTE_OFFSET.x * count, y: PASTE_OFFSET.y * count });
      if (ids.length) set({ clipboard: { ...clip, pasteCount: count } });
      return ids;
    },

    duplicate() {
      // Duplicating leaves the clipboard alone: the analyst may still want to paste what they copied.
      const { model, selection } = get();
      const clip = model && buildClipboard(model, selection);
      return clip ? pasteContent(clip, PASTE_OFFSET) : [];
    },

    setFindings(analysis: Analysis) {
      const s = get();
      set({
        findings: analysis.findings,
        mitigated: analysis.mitigated,
        analysisProblems: analysis.problems,
        badges: computeBadges(analysis.findings, s.model, s.badges),
      });
    },

    focusTarget(id, findingId) {
      const s = get();
      if (!s.model || !findItem(s.model, id)) return;
      const diagram = getItemDiagramId(s.model, id) ?? s.activeDiagramId;
      const nonce = (s.ui.focusRequest?.nonce ?? 0) + 1;
      // Focusing is about a threat: the inspector shows the Threats tab so the picked finding is on screen.
      set({
        selection: [id],
        activeDiagramId: diagram,
        ui: { ...s.ui, inspectorTab: 'threats', focusRequest: findingId ? { id, nonce, findingId } : { id, nonce } },
      });
    },

    setUi: (patch) => set({ ui: { ...get().ui, ...patch } }),
  };
}
