import '../panels.css';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { PromptDialog } from '../ui/PromptDialog';
import { Toast } from '../ui/Toast';
import { formatRelativeTime } from '../ui/format';
import { LibraryItem } from './LibraryItem';
import type { DeletedEntry, LibraryApi, LibraryEntry } from './libraryApi';

export type { DeletedEntry, ImportOutcome, LibraryApi, LibraryEntry, TemplateInfo } from './libraryApi';

export interface ModelLibraryProps {
  api: LibraryApi;
}

export const EMPTY_LIBRARY_TEXT = 'No threat models yet. Create one, start from a template, or import a Rampart JSON file.';

/** How often "x minutes ago" is refreshed. */
const CLOCK_MS = 30_000;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The model library: every stored model, newest change first, with create, open, rename, duplicate, delete
 * (undoable from a toast, and restorable later from "recently deleted"), import and templates.
 */
export function ModelLibrary({ api }: ModelLibraryProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [models, setModels] = useState<readonly LibraryEntry[] | null>(null);
  const [deleted, setDeleted] = useState<readonly DeletedEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [toast, setToast] = useState<{ id: string; name: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [now, setNow] = useState(() => Date.now());
  // Responses can arrive out of order (a slow list after a fast one); only the latest request's answer counts.
  const requestRef = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++requestRef.current;
    try {
      const [list, gone] = await Promise.all([api.listModels(), api.listDeleted()]);
      if (request !== requestRef.current) return;
      setModels(list);
      setDeleted(gone);
      setNow(Date.now());
    } catch (e) {
      if (request === requestRef.current) setError(`Could not read the library: ${message(e)}`);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    const unsubscribe = api.subscribe?.(() => void refresh());
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => {
      unsubscribe?.();
      clearInterval(timer);
    };
  }, [api, refresh]);

  /** Runs one library operation: one at a time, errors shown in the alert region, the list refreshed after. */
  const run = useCallback(
    async <T,>(label: string, op: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await op();
      } catch (e) {
        setError(`${label} failed: ${message(e)}`);
        return undefined;
      } finally {
        setBusy(false);
        void refresh();
      }
    },
    [refresh],
  );

  const open = useCallback((id: string) => void run('Opening the model', async () => api.openModel(id)), [api, run]);
  const rename = useCallback((id: string, name: string) => void run('Renaming', () => api.renameModel(id, name)), [api, run]);
  const duplicate = useCallback(
    (id: string) =>
      void run('Duplicating', async () => {
        await api.duplicateModel(id);
        setNotice('Copy created.');
      }),
    [api, run],
  );
  const remove = useCallback(
    (entry: LibraryEntry) =>
      void run('Deleting', async () => {
        await api.deleteModel(entry.id);
        setToast({ id: entry.id, name: entry.name });
      }),
    [api, run],
  );
  const restore = useCallback(
    (id: string) =>
      void run('Restoring', async () => {
        await api.restoreDeleted(id);
        setNotice('Model restored.');
      }),
    [api, run],
  );
  const closeToast = useCallback(() => setToast(null), []);

  const create = async (name: string) => {
    setCreating(false);
    const id = await run('Creating the model', () => api.createModel(name));
    if (id) await run('Opening the model', async () => api.openModel(id));
  };
  const fromTemplate = async (templateId: string) => {
    const id = await run('Creating from the template', () => api.createFromTemplate(templateId));
    if (id) await run('Opening the model', async () => api.openModel(id));
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setNotice(null);
    const outcome = await run('Import', () => api.importFile(file));
    if (!outcome) return;
    if (!outcome.ok) {
      setError(`Could not import ${file.name}: ${outcome.message}${outcome.path ? ` (at ${outcome.path})` : ''}`);
      return;
    }
    if (outcome.warnings?.length) setNotice(`Imported ${file.name} with ${outcome.warnings.length} warning(s): ${outcome.warnings.join('; ')}`);
    await run('Opening the model', async () => api.openModel(outcome.id));
  };

  const sorted = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (models ?? []).filter((m) => !q || m.name.toLowerCase().includes(q)).sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.name.localeCompare(b.name));
  }, [models, query]);

  return (
    <section className="rp-panel rp-library" aria-labelledby="rp-library-title" data-testid="model-library">
      <header className="rp-panel-head">
        <h2 id="rp-library-title" className="rp-panel-title">
          Threat models
        </h2>
        <div className="rp-row-actions">
          <button type="button" className="rp-button rp-button-primary" data-testid="library-create" disabled={busy} onClick={() => setCreating(true)}>
            New model
          </button>
          <button type="button" className="rp-button" data-testid="library-import" disabled={busy} onClick={() => fileRef.current?.click()}>
            Import file…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,.yaml,.yml,.tm7,application/json"
            className="rp-visually-hidden"
            tabIndex={-1}
            aria-label="Import a threat model file"
            data-testid="library-import-input"
            onChange={onFile}
          />
        </div>
      </header>

      <div role="alert" className={error ? 'rp-alert' : undefined} data-testid="library-error">
        {error}
      </div>
      {notice ? (
        <p className="rp-notice" role="status" data-testid="library-notice">
          {notice}
        </p>
      ) : null}

      {models === null ? (
        <p className="rp-muted" data-testid="library-loading">
          Loading…
        </p>
      ) : models.length === 0 ? (
        <p className="rp-empty rp-library-empty" data-testid="library-empty">
          {EMPTY_LIBRARY_TEXT}
        </p>
      ) : (
        <>
          {models.length > 8 ? (
            <input type="search" className="rp-input" aria-label="Find a model" placeholder="Find a model" value={query} data-testid="library-search" onChange={(e) => setQuery(e.target.value)} />
          ) : null}
          <ul className="rp-library-list" data-testid="library-list">
            {sorted.map((m) => (
              <LibraryItem
                key={m.id}
                entry={m}
                now={now}
                current={m.id === api.currentModelId}
                busy={busy}
                onOpen={open}
                onRename={rename}
                onDuplicate={duplicate}
                onDelete={remove}
              />
            ))}
          </ul>
        </>
      )}

      {api.templates.length > 0 ? (
        <section className="rp-section" aria-label="Templates" data-testid="library-templates">
          <h3 className="rp-section-title">Start from a template</h3>
          <ul className="rp-template-list">
            {api.templates.map((t) => (
              <li key={t.id}>
                <button type="button" className="rp-template" data-testid={`library-template-${t.id}`} disabled={busy} onClick={() => void fromTemplate(t.id)}>
                  <span className="rp-template-name">{t.name}</span>
                  <span className="rp-muted">{t.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {deleted.length > 0 ? (
        <details className="rp-section" data-testid="library-deleted">
          <summary className="rp-section-title">Recently deleted ({deleted.length})</summary>
          <ul className="rp-library-list">
            {deleted.map((d) => (
              <li key={d.id} className="rp-library-item" data-testid={`library-deleted-item-${d.id}`}>
                <span className="rp-library-name">{d.name || '(untitled)'}</span>
                <span className="rp-muted">deleted {formatRelativeTime(d.deletedAt, now)}</span>
                <button type="button" className="rp-button rp-button-small" data-testid={`library-restore-${d.id}`} disabled={busy} onClick={() => restore(d.id)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {creating ? (
        <PromptDialog title="New threat model" label="Name" initialValue="Untitled model" confirmLabel="Create" testId="library-create-dialog" onConfirm={(name) => void create(name)} onCancel={() => setCreating(false)} />
      ) : null}
      {toast ? (
        <Toast
          message={`Deleted “${toast.name}”.`}
          actionLabel="Undo"
          onAction={() => restore(toast.id)}
          onClose={closeToast}
          testId="library-toast"
        />
      ) : null}
    </section>
  );
}
