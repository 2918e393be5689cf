/** Shown when a stored model cannot be opened. It writes nothing; it offers the stored file as a download. */
import { useState } from 'react';
import type { LoadFailure } from '../persistence/repository';
import { downloadText, sanitizeFileName } from './download';
import { getServices } from './services';

export function LoadErrorScreen({ modelId, failure }: { modelId: string; failure: LoadFailure }) {
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const where = failure.path && failure.path !== '$' ? ` (at ${failure.path})` : '';

  const downloadStored = async () => {
    try {
      const raw = await getServices().repository.loadRawDocument(modelId);
      if (raw === undefined) {
        setDownloadError('Nothing is stored under this id.');
        return;
      }
      downloadText(`${sanitizeFileName(modelId)}.stored.json`, `${JSON.stringify(raw, null, 2)}\n`);
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="rp-fullscreen-message" data-testid="load-error">
      <div className="rp-message-card" role="alert">
        <h1>This model could not be opened</h1>
        <p data-testid="load-error-reason">
          This model could not be opened: {failure.reason}
          {where}
        </p>
        <p className="rp-muted">Nothing was changed: what is stored stays exactly as it is.</p>
        {downloadError ? <p className="rp-error-text">{downloadError}</p> : null}
        <div className="rp-button-row">
          <a className="rp-button rp-button-primary" href="#/" data-testid="load-error-back">
            Back to the library
          </a>
          {failure.code === 'invalid' ? (
            <button type="button" className="rp-button" data-testid="load-error-download" onClick={() => void downloadStored()}>
              Download the stored file
            </button>
          ) : null}
        </div>
      </div>
    </main>
  );
}
