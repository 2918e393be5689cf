/** The model name in the top bar, editable in place: Enter or leaving the field commits (one undo step), Escape reverts. */
import { useRef, useState } from 'react';
import { useEditor, useEditorApi } from '../store/context';

export function ModelNameInput() {
  const name = useEditor((s) => s.model?.name ?? '');
  const store = useEditorApi();
  const [draft, setDraft] = useState<string | null>(null);
  // The draft as of the last keystroke: blur fires right after Enter/Escape, before React re-renders.
  const draftRef = useRef<string | null>(null);

  const update = (value: string | null) => {
    draftRef.current = value;
    setDraft(value);
  };

  const commit = () => {
    const value = draftRef.current;
    if (value === null) return;
    update(null);
    const next = value.trim();
    const current = store.getState().model?.name;
    if (next !== '' && next !== current) store.getState().updateModel({ name: next });
  };

  const shown = draft ?? name;
  return (
    <input
      className="rp-topbar-name"
      aria-label="Model name"
      data-testid="topbar-model-name"
      value={shown}
      size={Math.min(36, Math.max(8, shown.length + 1))}
      onChange={(e) => update(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          update(null);
          e.currentTarget.blur();
        }
      }}
    />
  );
}
