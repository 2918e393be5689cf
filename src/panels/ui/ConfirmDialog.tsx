import { Modal } from './Modal';

export interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Destructive confirmations are styled as such; the cancel button gets the initial focus then. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/** Asks before a destructive or irreversible action. Escape and the backdrop cancel. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel = 'OK',
  cancelLabel = 'Cancel',
  danger,
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
}: ConfirmDialogProps) {
  return (
    <Modal title={title} onCancel={onCancel} testId={testId}>
      <p className="rp-modal-message">{message}</p>
      <div className="rp-modal-actions">
        <button type="button" className="rp-button" data-testid={`${testId}-cancel`} data-autofocus={danger ? '' : undefined} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={danger ? 'rp-button rp-button-danger' : 'rp-button rp-button-primary'}
          data-testid={`${testId}-confirm`}
          data-autofocus={danger ? undefined : ''}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
