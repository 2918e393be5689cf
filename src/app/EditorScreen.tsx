/**
 * `#/model/<id>`: loads the model and runs one editor session for it. A model that fails to load gets an
 * error screen and NO session, so nothing can ever be saved over it.
 */
import { useEffect, useState } from 'react';
import type { LoadFailure } from '../persistence/repository';
import { clearActiveSession, reportOpenFailure } from './activeSession';
import { createEditorSession, type EditorSession } from './editorSession';
import { EditorLayout } from './EditorLayout';
import { LoadErrorScreen } from './LoadErrorScreen';
import { pushNotice } from './notices';
import { getServices } from './services';

type LoadState = { phase: 'loading' } | { phase: 'failed'; failure: LoadFailure } | { phase: 'ready'; session: EditorSession; inBin: boolean };

/** Mount with `key={modelId}`: one screen instance per model. */
export function EditorScreen({ modelId }: { modelId: string }) {
  const [state, setState] = useState<LoadState>({ phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let session: EditorSession | null = null;
    const { repository, coordinator } = getServices();
    const fail = (failure: LoadFailure) => {
      reportOpenFailure(modelId, failure.reason);
      setState({ phase: 'failed', failure });
    };
    repository.loadModel(modelId).then(
      (result) => {
        if (cancelled) return;
        if (!result.ok) {
          fail(result);
          return;
        }
        if (result.warnings.length > 0) {
          pushNotice({
            modelId,
            title: 'This model was repaired while opening; the repaired version is saved with your next change',
            lines: result.warnings.map((w) => (w.path && w.path !== '$' ? `${w.path}: ${w.message}` : w.message)),
          });
        }
        session = createEditorSession({ model: result.model, saveCount: result.saveCount, repository, coordinator, lifecycleTarget: window });
        setState({ phase: 'ready', session, inBin: result.deletedAt !== null });
      },
      (error: unknown) => {
        if (!cancelled) fail({ ok: false, code: 'storage', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
      if (session) {
        clearActiveSession(session);
        void session.dispose();
      }
    };
  }, [modelId]);

  if (state.phase === 'loading') {
    return (
      <main className="rp-fullscreen-message" data-testid="editor-loading" aria-busy="true">
        <p>Opening the model…</p>
      </main>
    );
  }
  if (state.phase === 'failed') return <LoadErrorScreen modelId={modelId} failure={state.failure} />;
  return (
    <EditorLayout
      session={state.session}
      inBin={state.inBin}
      onRestoredFromBin={() => setState((s) => (s.phase === 'ready' ? { ...s, inBin: false } : s))}
    />
  );
}
