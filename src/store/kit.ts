/**
 * The store's core: how a document change is applied and recorded. Every action that changes the document
 * builds `Operation`s and calls `commit`, which applies them with the pure `applyOperations` (model/), stamps
 * `updatedAt`, bumps `revision` and records ONE undo entry, unless a gesture is open, in which case the whole
 * gesture becomes one entry when it ends (see history.ts).
 */
import type { StoreApi } from 'zustand/vanilla';
import { applyOperations, type Operation } from '../model/operations';
import type { Id, ThreatModel } from '../model/types';
import { computeBadges } from './badges';
import type { EditorData, EditorState } from './types';

export const HISTORY_LIMIT = 200;

export interface CommitOptions {
  /** Selection after the change; the current selection is kept when omitted. */
  selection?: Id[];
  activeDiagramId?: Id | null;
}

export interface StoreKit {
  get: StoreApi<EditorState>['getState'];
  set: StoreApi<EditorState>['setState'];
  /** Applies operations as one document change. Returns false (and changes nothing) when nothing changed. */
  commit(ops: Operation[], options?: CommitOptions): boolean;
  now(): string;
}

export function pushBounded<T>(list: readonly T[], item: T): T[] {
  const next = list.length >= HISTORY_LIMIT ? list.slice(list.length - HISTORY_LIMIT + 1) : list.slice();
  next.push(item);
  return next;
}

/** Badges depend on triage and manual threats besides findings: recompute only when those changed. */
export function badgesFor(state: EditorData, next: ThreatModel | null): EditorData['badges'] {
  const prev = state.model;
  if (prev && next && prev.triage === next.triage && prev.manualThreats === next.manualThreats) return state.badges;
  return computeBadges(state.findings, next, state.badges);
}

export function createKit(get: StoreKit['get'], set: StoreKit['set'], now: () => string): StoreKit {
  const commit = (ops: Operation[], options: CommitOptions = {}): boolean => {
    const state = get();
    const model = state.model;
    if (!model || ops.length === 0) return false;
    let applied: ThreatModel;
    try {
      applied = applyOperations(model, ops);
    } catch (error) {
      // An operation refusing its input (a cycle, a missing id) is a no-op for the user, not a crash.
      console.warn('rampart: operation refused', error);
      return false;
    }
    if (applied === model) return false;
    const next: ThreatModel = { ...applied, updatedAt: now() };
    const inGesture = state.gestureDepth > 0;
    const patch: Partial<EditorData> = {
      model: next,
      revision: state.revision + 1,
      past: inGesture ? state.past : pushBounded(state.past, model),
      future: [],
      badges: badgesFor(state, next),
    };
    if (options.selection) patch.selection = options.selection;
    if (options.activeDiagramId !== undefined) patch.activeDiagramId = options.activeDiagramId;
    set(patch);
    return true;
  };
  return { get, set, commit, now };
}
