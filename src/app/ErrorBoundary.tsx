/**
 * Last line of defence for a render crash: shows the error, offers the last good document as a JSON download and
 * a reload. It never writes to storage: whatever autosave stored before the crash stays as it was.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { serializeEnvelope } from '../model/serialize';
import type { ThreatModel } from '../model/types';
import { downloadText, nativeExportFileName } from './download';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** The last document the editor held, for the rescue export; null when no model is open. */
  getLastDocument: () => ThreatModel | null;
}

interface ErrorBoundaryState {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Rampart crashed', error, info.componentStack);
  }

  private exportModel = (): void => {
    const model = this.props.getLastDocument();
    if (model) downloadText(nativeExportFileName(model.name), serializeEnvelope(model));
  };

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const hasModel = this.props.getLastDocument() !== null;
    return (
      <main className="rp-fullscreen-message" role="alert" data-testid="crash-screen">
        <div className="rp-message-card">
          <h1>Something went wrong</h1>
          <p>Rampart hit an unexpected error. Your stored model has not been changed.</p>
          <pre className="rp-error-text" data-testid="crash-error">
            {error.message || String(error)}
          </pre>
          <div className="rp-button-row">
            {hasModel ? (
              <button type="button" className="rp-button rp-button-primary" data-testid="crash-export" onClick={this.exportModel}>
                Export model JSON
              </button>
            ) : null}
            <button type="button" className="rp-button" data-testid="crash-reload" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        </div>
      </main>
    );
  }
}
