/**
 * Stored versions of the open model (DESIGN.md §7 revisions). Restoring one replaces the document as a single
 * undoable step, so a wrong pick is one Undo away; nothing stored is deleted.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Repository, RevisionSummary } from '../persistence/repository';
import { Modal } from '../panels/ui/Modal';
import type { EditorSession } from './editorSession';

function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' });
}

export function HistoryDialog({ session, repository, onClose }: { session: EditorSession; repository: Repository; onClose: () => void }) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setRevisions(await repository.listRevisions(session.modelId));
    } catch (e) {
      setError(`Could not read the history: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [repository, session]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const keep = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.keepRevision();
      await refresh();
    } catch (e) {
      setError(`Could not keep this version: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (seq: number) => {
    setBusy(true);
    setError(null);
    const loaded = await repository.loadRevision(seq);
    setBusy(false);
    if (!loaded.ok) {
      setError(`This version could not be restored: ${loaded.reason}`);
      return;
    }
    session.restoreVersion(loaded.model);
    onClose();
  };

  return (
    <Modal title="History" onCancel={onClose} testId="history-dialog">
      <p className="rp-modal-message">
        A version is kept every minute while you edit and when you close the model. Restoring one replaces the diagram as one step: Undo brings
        back what you had.
      </p>
      {error ? (
        <p className="rp-error-text" role="alert" data-testid="history-error">
          {error}
        </p>
      ) : null}
      {revisions === null ? (
        <p className="rp-muted">Loading…</p>
      ) : revisions.length === 0 ? (
        <p className="rp-muted" data-testid="history-empty">
          No earlier versions yet.
        </p>
      ) : (
        <ul className="rp-history-list" data-testid="history-list">
          {revisions.map((r) => (
            <li key={r.seq} className="rp-history-item" data-testid="history-item">
              <span>
                {formatTime(r.savedAt)}
                <br />
                <span className="rp-muted">
                  {r.name} · {r.elementCount} element{r.elementCount === 1 ? '' : 's'}
                </span>
              </span>
              <button type="button" className="rp-button" data-testid="history-restore" disabled={busy} onClick={() => void restore(r.seq)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="rp-modal-actions">
        <button type="button" className="rp-button" data-testid="history-keep" disabled={busy} onClick={() => void keep()}>
          Keep this version now
        </button>
        <button type="button" className="rp-button rp-button-primary" data-testid="history-close" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
