import { useEffect } from 'react';

export interface ToastProps {
  message: string;
  /** An optional action, e.g. Undo after a delete. */
  actionLabel?: string;
  onAction?: () => void;
  onClose: () => void;
  /** Auto-dismiss delay; 0 keeps the toast until closed. */
  timeoutMs?: number;
  testId?: string;
}

/**
 * A transient message in a polite live region. It stays long enough (8 s by default) to reach its action by
 * keyboard, and the action and the close button are real buttons.
 */
export function Toast({ message, actionLabel, onAction, onClose, timeoutMs = 8000, testId = 'toast' }: ToastProps) {
  useEffect(() => {
    if (!timeoutMs) return undefined;
    const timer = setTimeout(onClose, timeoutMs);
    return () => clearTimeout(timer);
  }, [onClose, timeoutMs, message]);

  return (
    <div className="rp-toast" role="status" aria-live="polite" data-testid={testId}>
      <span className="rp-toast-message">{message}</span>
      {actionLabel && onAction ? (
        <button
          type="button"
          className="rp-button rp-button-link"
          data-testid={`${testId}-action`}
          onClick={() => {
            onAction();
            onClose();
          }}
        >
          {actionLabel}
        </button>
      ) : null}
      <button type="button" className="rp-button rp-button-icon" aria-label="Dismiss" data-testid={`${testId}-close`} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
