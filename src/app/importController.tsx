/**
 * Importing from anywhere in the app: the Import button, the library screen and a file dropped on the window
 * all end here. A refused file shows a dialog naming what is wrong and where; a good one is stored as a new
 * model and opened, with its restore warnings in a notice.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Modal } from '../panels/ui/Modal';
import { describeImportFailure, describeImportWarnings, importFile, type ImportResult } from './importExport';
import { pushNotice } from './notices';
import { navigate } from './routing';
import { getServices } from './services';

export interface ImportFailureInfo {
  fileName: string;
  message: string;
}

interface Importer {
  /** Imports one file: stores it as a new model and opens it, or shows why it was refused. */
  importFile(file: File): Promise<ImportResult>;
}

const ImporterContext = createContext<Importer | null>(null);

export function useImporter(): Importer {
  const importer = useContext(ImporterContext);
  if (!importer) throw new Error('useImporter: no ImportController above this component');
  return importer;
}

/** Stores the file and reports the outcome through notices; used by the library API too. */
export async function importAndReport(file: File): Promise<ImportResult> {
  const result = await importFile(file, getServices().repository);
  if (result.ok) {
    const lines = describeImportWarnings(result);
    if (lines.length > 0) pushNotice({ modelId: result.id, title: `Imported "${result.name}" with changes`, lines });
  }
  return result;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function ImportController({ children }: { children: ReactNode }) {
  const [failure, setFailure] = useState<ImportFailureInfo | null>(null);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  const run = useCallback(async (file: File): Promise<ImportResult> => {
    const result = await importAndReport(file);
    if (result.ok) navigate({ name: 'model', id: result.id });
    else setFailure({ fileName: file.name, message: describeImportFailure(result) });
    return result;
  }, []);

  useEffect(() => {
    // Only file drags are ours: the palette's drag-and-drop onto the canvas carries no files and passes through.
    // Capture phase, so a component that stops propagation (the canvas) cannot swallow a dropped file.
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void run(file);
    };
    window.addEventListener('dragenter', onEnter, true);
    window.addEventListener('dragover', onOver, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragenter', onEnter, true);
      window.removeEventListener('dragover', onOver, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [run]);

  const importer = useMemo<Importer>(() => ({ importFile: run }), [run]);

  return (
    <ImporterContext.Provider value={importer}>
      {children}
      {dragging ? (
        <div className="rp-drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <div className="rp-drop-overlay-box">Drop a Rampart model file to import it</div>
        </div>
      ) : null}
      {failure ? <ImportErrorDialog failure={failure} onClose={() => setFailure(null)} /> : null}
    </ImporterContext.Provider>
  );
}

export function ImportErrorDialog({ failure, onClose }: { failure: ImportFailureInfo; onClose: () => void }) {
  return (
    <Modal title="This file could not be imported" onCancel={onClose} testId="import-error">
      <p className="rp-modal-message">
        <strong>{failure.fileName}</strong> was not imported, and nothing in your library was changed.
      </p>
      <pre className="rp-error-text" data-testid="import-error-message">
        {failure.message}
      </pre>
      <div className="rp-modal-actions">
        <button type="button" className="rp-button rp-button-primary" data-testid="import-error-close" data-autofocus="" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
