/** A sticky note: plain text (never HTML), resizable, edited in place on double-click. */
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useEditorApi } from '../../store/context';
import type { NoteFlowNode } from '../types';
import { useResizeEnd } from './useResizeEnd';

export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const store = useEditorApi();
  const onResizeEnd = useResizeEnd(id);
  const [draft, setDraft] = useState<string | null>(null);
  const finish = (commit: boolean) => {
    if (commit && draft !== null) store.getState().updateItem(id, { text: draft });
    setDraft(null);
  };
  return (
    <>
      <NodeResizer isVisible={!!selected && draft === null} minWidth={80} minHeight={40} onResizeEnd={onResizeEnd} />
      {draft === null ? (
        <div className="rampart-note" data-testid={`note-${id}`} onDoubleClick={() => setDraft(data.note.text)}>
          {data.note.text}
        </div>
      ) : (
        <textarea
          className="rampart-note nodrag nowheel"
          data-testid={`note-input-${id}`}
          aria-label="Note text"
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') finish(false);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) finish(true);
            e.stopPropagation();
          }}
        />
      )}
    </>
  );
});
