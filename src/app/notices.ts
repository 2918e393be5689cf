/**
 * Dismissible notices that must survive a screen change: an import done from the library (or by dropping a
 * file) reports its restore warnings in the editor of the model it opens.
 */
import { useSyncExternalStore } from 'react';

export interface Notice {
  id: string;
  /** The model the notice is about; null shows it on every screen. */
  modelId: string | null;
  title: string;
  lines: string[];
}

let notices: readonly Notice[] = [];
const listeners = new Set<() => void>();
let counter = 0;

function emit(): void {
  for (const listener of [...listeners]) listener();
}

export function pushNotice(notice: Omit<Notice, 'id'>): string {
  const id = `notice-${++counter}`;
  notices = [...notices, { ...notice, id }];
  emit();
  return id;
}

export function dismissNotice(id: string): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const getNotices = () => notices;

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(subscribe, getNotices, getNotices);
}
