/** Small modal dialogs of the canvas: a confirmation and the keyboard shortcut list. Text only, never HTML. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useEditor, useEditorApi } from '../store/context';
import { displayCombo, SHORTCUTS } from './shortcuts';
import './canvas.css';

export function Dialog({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[data-autofocus], button')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="rampart-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="rampart-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          // Keys typed in a dialog are the dialog's, never editor shortcuts.
          e.stopPropagation();
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  return (
    <Dialog title={title} onClose={onCancel} testId={testId}>
      <p>{message}</p>
      <div className="rampart-dialog__actions">
        <button type="button" data-autofocus onClick={onCancel} data-testid={`${testId}-cancel`}>
          Cancel
        </button>
        <button type="button" className="rampart-dialog__danger" onClick={onConfirm} data-testid={`${testId}-confirm`}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The keyboard shortcut list, opened with `?` (ui.helpOpen). */
export function ShortcutsDialog() {
  const open = useEditor((s) => s.ui.helpOpen);
  const store = useEditorApi();
  if (!open) return null;
  const close = () => store.getState().setUi({ helpOpen: false });
  return (
    <Dialog title="Keyboard shortcuts" onClose={close} testId="shortcuts-dialog">
      <table className="rampart-shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id} data-testid={`shortcut-${s.id}`}>
              <td>
                {s.display.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{displayCombo(k, isMac)}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rampart-dialog__actions">
        <button type="button" onClick={close} data-testid="shortcuts-dialog-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}
