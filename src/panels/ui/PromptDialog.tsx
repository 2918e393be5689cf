import { useId, useState } from 'react';
import { Modal } from './Modal';

export interface PromptDialogProps {
  title: string;
  label: string;
  initialValue?: string;
  confirmLabel?: string;
  onConfirm: (value: string) => void;
  onCancel: () => void;
  testId?: string;
}

/** Asks for one line of text (a model name, say). Empty or blank input cannot be confirmed. */
export function PromptDialog({ title, label, initialValue = '', confirmLabel = 'OK', onConfirm, onCancel, testId = 'prompt-dialog' }: PromptDialogProps) {
  const [value, setValue] = useState(initialValue);
  const inputId = useId();
  const trimmed = value.trim();
  return (
    <Modal title={title} onCancel={onCancel} testId={testId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onConfirm(trimmed);
        }}
      >
        <label className="rp-field-label" htmlFor={inputId}>
          {label}
        </label>
        <input
          id={inputId}
          className="rp-input"
          data-testid={`${testId}-input`}
          data-autofocus=""
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="rp-modal-actions">
          <button type="button" className="rp-button" data-testid={`${testId}-cancel`} onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="rp-button rp-button-primary" data-testid={`${testId}-confirm`} disabled={!trimmed}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
