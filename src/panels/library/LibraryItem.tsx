import { memo, useState } from 'react';
import { formatRelativeTime } from '../ui/format';
import type { LibraryEntry } from './libraryApi';

export interface LibraryItemProps {
  entry: LibraryEntry;
  now: number;
  current: boolean;
  busy: boolean;
  onOpen: (id: string) => void;
  onRename: (id: string, name: string) => void;
  onDuplicate: (id: string) => void;
  onDelete: (entry: LibraryEntry) => void;
}

/** One stored model: open by its name, rename inline (Enter or blur saves, Escape cancels), duplicate, delete. */
export const LibraryItem = memo(function LibraryItem({ entry, now, current, busy, onOpen, onRename, onDuplicate, onDelete }: LibraryItemProps) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(entry.name);
  const id = entry.id;
  const finish = (save: boolean) => {
    setRenaming(false);
    const name = draft.trim();
    if (save && name && name !== entry.name) onRename(id, name);
    else setDraft(entry.name);
  };
  return (
    <li className={`rp-library-item${current ? ' rp-library-current' : ''}`} data-testid={`library-item-${id}`}>
      {renaming ? (
        <input
          className="rp-input"
          aria-label={`New name for ${entry.name}`}
          value={draft}
          autoFocus
          data-testid={`library-rename-input-${id}`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              finish(true);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              finish(false);
            }
          }}
        />
      ) : (
        <button type="button" className="rp-library-name rp-button-link" data-testid={`library-open-${id}`} disabled={busy} onClick={() => onOpen(id)}>
          {entry.name || '(untitled)'}
        </button>
      )}
      <span className="rp-muted rp-library-meta">
        <time dateTime={entry.updatedAt} title={entry.updatedAt} data-testid={`library-updated-${id}`}>
          updated {formatRelativeTime(entry.updatedAt, now)}
        </time>
        {' · '}
        <span data-testid={`library-count-${id}`}>
          {entry.elementCount} element{entry.elementCount === 1 ? '' : 's'}
        </span>
        {current ? ' · open now' : ''}
      </span>
      <span className="rp-row-actions">
        <button
          type="button"
          className="rp-button rp-button-small"
          aria-label={`Rename ${entry.name}`}
          data-testid={`library-rename-${id}`}
          disabled={busy}
          onClick={() => {
            setDraft(entry.name);
            setRenaming(true);
          }}
        >
          Rename
        </button>
        <button type="button" className="rp-button rp-button-small" aria-label={`Duplicate ${entry.name}`} data-testid={`library-duplicate-${id}`} disabled={busy} onClick={() => onDuplicate(id)}>
          Duplicate
        </button>
        <button
          type="button"
          className="rp-button rp-button-small rp-button-danger"
          aria-label={`Delete ${entry.name}`}
          data-testid={`library-delete-${id}`}
          disabled={busy}
          onClick={() => onDelete(entry)}
        >
          Delete
        </button>
      </span>
    </li>
  );
});
