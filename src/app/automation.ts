/**
 * window.rampart (DESIGN.md §10): the automation hook for tests, benchmarks and power users. It grants nothing the
 * UI cannot already do: loading goes through `restore` and is stored as a new model like any import, edits go
 * through the store's own actions (one undo step each).
 */
import { version } from '../../package.json';
import type { Finding } from '../model/findings';
import { restore, type RestoreWarning } from '../model/restore';
import { serializeEnvelope } from '../model/serialize';
import type { Envelope, PropValue } from '../model/types';
import { getActiveSession, waitForSession } from './activeSession';
import { describeImportWarnings, storeAsNewModel } from './importExport';
import { pushNotice } from './notices';
import { navigate } from './routing';
import { getServices } from './services';

export type LoadDocumentResult =
  | { ok: true; warnings: RestoreWarning[]; modelId: string; idChanged: boolean }
  | { ok: false; reason: string; path: string };

export interface RampartAutomation {
  readonly version: string;
  /** The open model as a native envelope (a fresh copy), or null on the library screen. */
  getDocument(): Envelope | null;
  /** Restores `envelope`, stores it as a new model and opens it; resolves once the editor shows it. */
  loadDocument(envelope: unknown): Promise<LoadDocumentResult>;
  /** The inspector's own action: one undo step. `undefined` unsets the property (it becomes unknown). */
  setProperty(targetId: string, name: string, value: PropValue | undefined): void;
  /** The current findings of the open model ([] when none is open). */
  getFindings(): Finding[];
  /** Resolves when analysis has caught up with the last change and autosave has stored it. */
  whenIdle(): Promise<void>;
}

declare global {
  interface Window {
    rampart: RampartAutomation;
  }
}

const OPEN_TIMEOUT_MS = 30_000;

function requireSession() {
  const session = getActiveSession();
  if (!session) throw new Error('No model is open.');
  return session;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function createAutomation(): RampartAutomation {
  return {
    version,

    getDocument() {
      const model = getActiveSession()?.store.getState().model;
      // Parsed from the deterministic serialisation: a plain copy the caller cannot use to mutate the store.
      return model ? (JSON.parse(serializeEnvelope(model)) as Envelope) : null;
    },

    async loadDocument(envelope) {
      const restored = restore(envelope);
      if (!restored.ok) return { ok: false, reason: restored.reason, path: restored.path };
      const stored = await storeAsNewModel(restored.model, restored.warnings, getServices().repository);
      if (!stored.ok) return { ok: false, reason: stored.reason, path: stored.path };
      const lines = describeImportWarnings(stored);
      if (lines.length > 0) pushNotice({ modelId: stored.id, title: `Loaded "${stored.name}" with changes`, lines });
      const shown = waitForSession(stored.id);
      navigate({ name: 'model', id: stored.id });
      await withTimeout(shown, OPEN_TIMEOUT_MS, `The editor did not open model ${stored.id} within ${OPEN_TIMEOUT_MS / 1000} s.`);
      return { ok: true, warnings: stored.warnings, modelId: stored.id, idChanged: stored.idChanged };
    },

    setProperty(targetId, name, value) {
      requireSession().store.getState().setProperty(targetId, name, value);
    },

    getFindings() {
      return [...(getActiveSession()?.store.getState().findings ?? [])];
    },

    whenIdle() {
      return getActiveSession()?.whenIdle() ?? Promise.resolve();
    },
  };
}

let installed = false;

/** Installs window.rampart once, at startup (never during render). */
export function installAutomation(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  Object.defineProperty(window, 'rampart', { value: createAutomation(), configurable: false, enumerable: false, writable: false });
}
