import { useState, type KeyboardEvent } from 'react';

/**
 * Text inputs that keep a local draft and commit once, on blur or Enter, so one edit is one undo step rather
 * than one per keystroke. Escape puts the stored value back. When the stored value changes underneath
 * (undo, another panel), the draft follows it.
 */
function useDraft(value: string) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  return [draft, setDraft] as const;
}

interface CommonProps {
  id?: string;
  value: string;
  /** Called only when the draft differs from the stored value; returning false rejects it (the draft resets). */
  onCommit: (value: string) => boolean | void;
  className?: string;
  placeholder?: string;
  testId?: string;
  ariaLabel?: string;
  ariaDescribedBy?: string;
  title?: string;
  disabled?: boolean;
}

export function CommitTextInput(props: CommonProps & { type?: 'text' | 'number'; step?: string }) {
  const { id, value, onCommit, className = 'rp-input', placeholder, testId, ariaLabel, ariaDescribedBy, title, type = 'text', step, disabled } = props;
  const [draft, setDraft] = useDraft(value);
  const commit = () => {
    if (draft !== value && onCommit(draft) === false) setDraft(value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setDraft(value);
    }
  };
  return (
    <input
      id={id}
      type={type}
      step={step}
      className={className}
      value={draft}
      placeholder={placeholder}
      data-testid={testId}
      aria-label={ariaLabel}
      aria-describedby={ariaDescribedBy}
      title={title}
      disabled={disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

/** Multi-line: commits on blur or Ctrl/Cmd+Enter (plain Enter is a new line). */
export function CommitTextArea(props: CommonProps & { rows?: number }) {
  const { id, value, onCommit, className = 'rp-textarea', placeholder, testId, ariaLabel, ariaDescribedBy, title, rows = 3, disabled } = props;
  const [draft, setDraft] = useDraft(value);
  const commit = () => {
    if (draft !== value && onCommit(draft) === false) setDraft(value);
  };
  return (
    <textarea
      id={id}
      rows={rows}
      className={className}
      value={draft}
      placeholder={placeholder}
      data-testid={testId}
      aria-label={ariaLabel}
      aria-describedby={ariaDescribedBy}
      title={title}
      disabled={disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          setDraft(value);
        }
      }}
    />
  );
}
