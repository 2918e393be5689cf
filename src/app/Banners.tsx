/**
 * Visible storage state with a way out (DESIGN.md §7): a full disk, a blocked database, another tab's changes,
 * plus dismissible notices (import warnings). Each banner says what happened and offers the next step.
 */
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useEditorApi } from '../store/context';
import type { EditorSession } from './editorSession';
import { exportNative } from './importExport';
import { dismissNotice, useNotices } from './notices';
import { navigate } from './routing';
import { clearConnectionProblem, getConnectionProblem, subscribeConnectionProblem } from './services';
import { useSessionStatus } from './useSessionStatus';

type Tone = 'warning' | 'danger' | 'info';

export function Banner({ tone = 'warning', testId, children, actions }: { tone?: Tone; testId: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="rp-banner" data-tone={tone} role={tone === 'info' ? 'status' : 'alert'} data-testid={testId}>
      <div className="rp-banner-text">{children}</div>
      {actions ? <div className="rp-button-row">{actions}</div> : null}
    </div>
  );
}

/** Database-wide trouble, shown on every screen. */
export function ConnectionBanners() {
  const problem = useSyncExternalStore(subscribeConnectionProblem, getConnectionProblem, getConnectionProblem);
  if (problem === 'blocked') {
    return (
      <Banner
        tone="danger"
        testId="banner-blocked"
        actions={
          <button type="button" className="rp-button" data-testid="banner-blocked-dismiss" onClick={clearConnectionProblem}>
            Dismiss
          </button>
        }
      >
        Rampart cannot open its storage because another Rampart tab is still using an older version. Close the other Rampart tabs, then
        reload this one.
      </Banner>
    );
  }
  if (problem === 'versionchange') {
    return (
      <Banner
        tone="warning"
        testId="banner-version"
        actions={
          <button type="button" className="rp-button" data-testid="banner-version-reload" onClick={() => window.location.reload()}>
            Reload
          </button>
        }
      >
        A newer version of Rampart was opened in another tab. Reload this tab to keep saving safely.
      </Banner>
    );
  }
  return null;
}

/** Notices about one model (or all screens when modelId is null). */
export function NoticeBanners({ modelId }: { modelId: string | null }) {
  const notices = useNotices().filter((n) => n.modelId === null || n.modelId === modelId);
  return (
    <>
      {notices.map((n) => (
        <Banner
          key={n.id}
          tone="info"
          testId="banner-notice"
          actions={
            <button type="button" className="rp-button" data-testid="notice-dismiss" onClick={() => dismissNotice(n.id)}>
              Dismiss
            </button>
          }
        >
          <strong>{n.title}</strong>
          <ul className="rp-banner-list">
            {n.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Banner>
      ))}
    </>
  );
}

/** The open model's storage state. */
export function SessionBanners({ session, inBin, onRestoreFromBin }: { session: EditorSession; inBin: boolean; onRestoreFromBin: () => void }) {
  const status = useSessionStatus(session);
  const store = useEditorApi();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const exportCopy = () => {
    const model = store.getState().model;
    if (model) exportNative(model);
  };
  const exportButton = (testId: string) => (
    <button type="button" className="rp-button rp-button-primary" data-testid={testId} onClick={exportCopy}>
      Export
    </button>
  );
  const retry = (testId: string) => (
    <button type="button" className="rp-button" data-testid={testId} onClick={() => void session.saveNow().catch(() => undefined)}>
      Retry
    </button>
  );
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const banners: ReactNode[] = [];
  const error = status.save.state === 'error' ? status.save.error : undefined;

  if (status.conflict) {
    banners.push(
      <Banner
        key="conflict"
        tone="danger"
        testId="banner-conflict"
        actions={
          <>
            <button
              type="button"
              className="rp-button"
              data-testid="banner-conflict-reload"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const result = await session.reloadFromStorage();
                  if (!result.ok) throw new Error(`Reload failed: ${result.reason}`);
                })
              }
            >
              Reload
            </button>
            <button
              type="button"
              className="rp-button rp-button-primary"
              data-testid="banner-conflict-keep"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const id = await session.keepMineAsCopy();
                  navigate({ name: 'model', id });
                })
              }
            >
              Keep mine as a copy
            </button>
          </>
        }
      >
        This model was changed in another tab. Your changes here are not saved. Reload to see the other tab&apos;s version, or keep yours as a
        separate copy.
        {actionError ? <div data-testid="banner-conflict-error">{actionError}</div> : null}
      </Banner>,
    );
  } else if (error?.kind === 'quota') {
    banners.push(
      <Banner
        key="quota"
        tone="danger"
        testId="banner-quota"
        actions={
          <>
            {exportButton('banner-quota-export')}
            {retry('banner-quota-retry')}
          </>
        }
      >
        Your browser refused to store more data (storage full). Export the model to keep a copy.
      </Banner>,
    );
  } else if (error?.kind === 'blocked') {
    banners.push(
      <Banner
        key="blocked"
        tone="danger"
        testId="banner-save-blocked"
        actions={
          <>
            {exportButton('banner-save-blocked-export')}
            {retry('banner-save-blocked-retry')}
          </>
        }
      >
        Rampart cannot save because its storage is held by another tab. Close the other Rampart tabs, then Retry.
      </Banner>,
    );
  } else if (error) {
    banners.push(
      <Banner
        key="error"
        tone="danger"
        testId="banner-save-error"
        actions={
          <>
            {exportButton('banner-save-error-export')}
            {retry('banner-save-error-retry')}
          </>
        }
      >
        Saving failed: {error.message}. Export the model to keep a copy.
      </Banner>,
    );
  }

  if (inBin) {
    banners.push(
      <Banner
        key="bin"
        tone="info"
        testId="banner-in-bin"
        actions={
          <button type="button" className="rp-button" data-testid="banner-in-bin-restore" onClick={onRestoreFromBin}>
            Restore
          </button>
        }
      >
        This model is in the bin. Restore it to list it in the library again.
      </Banner>,
    );
  }

  return <>{banners}</>;
}
