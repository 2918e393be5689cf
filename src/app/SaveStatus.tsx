/**
 * The autosave status in the top bar (DESIGN.md §7: saving, saved, error are visible). A failure names the
 * browser's reason and offers the way out: export a copy.
 */
import type { PersistenceErrorData } from '../persistence/errors';
import { useEditorApi } from '../store/context';
import type { EditorSession, SessionStatus } from './editorSession';
import { exportNative } from './importExport';
import { useNow, useSessionStatus } from './useSessionStatus';

export function formatSavedAgo(savedAt: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - savedAt) / 1000));
  if (seconds < 60) return `Saved ${seconds}s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `Saved ${minutes} min ago`;
  return `Saved at ${new Date(savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

type SaveView = { state: string; text: string; failed: boolean };

/** The top bar has room for a few words; the banner below it explains the way out in full. */
function shortReason(error: PersistenceErrorData | undefined): string {
  if (error?.kind === 'quota') return 'storage full';
  if (error?.kind === 'blocked') return 'storage blocked by another tab';
  if (error?.kind === 'conflict') return 'changed in another tab';
  return error?.message || 'unknown error';
}

export function describeSaveStatus(status: SessionStatus, now: number): SaveView {
  if (status.conflict) return { state: 'conflict', text: 'Not saved: changed in another tab', failed: true };
  const save = status.save;
  switch (save.state) {
    case 'pending':
    case 'saving':
      return { state: save.state, text: 'Saving…', failed: false };
    case 'error':
      return { state: 'error', text: `Save failed: ${shortReason(save.error)}`, failed: true };
    case 'saved':
      return { state: 'saved', text: save.lastSavedAt === undefined ? 'Saved' : formatSavedAgo(save.lastSavedAt, now), failed: false };
    case 'idle':
    default:
      return { state: 'idle', text: 'All changes saved', failed: false };
  }
}

export function SaveStatus({ session }: { session: EditorSession }) {
  const status = useSessionStatus(session);
  const store = useEditorApi();
  const now = useNow(1000, status.save.state === 'saved');
  const view = describeSaveStatus(status, now);
  const exportCopy = () => {
    const model = store.getState().model;
    if (model) exportNative(model);
  };
  return (
    <span className="rp-save-status" role="status" aria-live="polite" data-testid="save-status" data-state={view.state}>
      <span className="rp-save-status-text" title={status.save.error?.message ?? view.text}>
        {view.text}
      </span>
      {view.failed ? (
        <button type="button" data-testid="save-status-export" onClick={exportCopy}>
          Export a copy
        </button>
      ) : null}
    </span>
  );
}
