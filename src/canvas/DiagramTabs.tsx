/**
 * Diagram tabs over the canvas: switch, add, rename (double-click or F2), reorder (drag a tab, or the arrow
 * buttons of the active tab) and delete with its contents after a confirmation that says what goes with it.
 */
import { memo, useState, type DragEvent } from 'react';
import type { Diagram, Id } from '../model/types';
import { useEditor, useEditorApi } from '../store/context';
import { countDiagramItems } from '../store/geometry';
import './canvas.css';
import { ConfirmDialog } from './dialogs';

const TAB_MIME = 'application/rampart-diagram-tab';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export const DiagramTabs = memo(function DiagramTabs() {
  const store = useEditorApi();
  const diagrams = useEditor((s) => s.model?.diagrams);
  const active = useEditor((s) => s.activeDiagramId);
  const [editing, setEditing] = useState<{ id: Id; draft: string } | null>(null);
  const [confirmId, setConfirmId] = useState<Id | null>(null);
  if (!diagrams) return null;

  const commitRename = () => {
    if (editing) store.getState().renameDiagram(editing.id, editing.draft);
    setEditing(null);
  };

  const onDrop = (event: DragEvent, target: Diagram) => {
    const dragged = event.dataTransfer.getData(TAB_MIME);
    if (!dragged || dragged === target.id) return;
    event.preventDefault();
    const ids = diagrams.map((d) => d.id).filter((id) => id !== dragged);
    const at = ids.indexOf(target.id);
    const from = diagrams.findIndex((d) => d.id === dragged);
    const to = diagrams.findIndex((d) => d.id === target.id);
    // Dropped on a tab to its right: land after it; to its left: before it.
    ids.splice(from < to ? at + 1 : at, 0, dragged);
    store.getState().reorderDiagrams(ids);
  };

  const confirmDiagram = diagrams.find((d) => d.id === confirmId);
  const confirmMessage = (() => {
    const model = store.getState().model;
    if (!confirmDiagram || !model) return '';
    const c = countDiagramItems(model, confirmDiagram.id);
    const parts = [plural(c.elements, 'element'), plural(c.flows, 'flow'), plural(c.boundaries, 'boundary', 'boundaries'), plural(c.notes, 'note')];
    return c.total === 0
      ? `Delete the diagram “${confirmDiagram.name}”? It is empty.`
      : `Delete the diagram “${confirmDiagram.name}” and the ${plural(c.total, 'item')} on it (${parts.join(', ')})? You can undo this.`;
  })();

  return (
    <div className="rampart-tabs" role="tablist" aria-label="Diagrams" data-testid="diagram-tabs">
      {diagrams.map((d, index) => {
        const isActive = d.id === active;
        return (
          <div
            key={d.id}
            className={`rampart-tab${isActive ? ' rampart-tab--active' : ''}`}
            data-testid={`diagram-tab-${d.id}`}
            data-active={isActive ? 'true' : 'false'}
            draggable={editing?.id !== d.id}
            onDragStart={(e) => {
              e.dataTransfer.setData(TAB_MIME, d.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes(TAB_MIME)) e.preventDefault();
            }}
            onDrop={(e) => onDrop(e, d)}
          >
            {editing?.id === d.id ? (
              <input
                className="rampart-tab__input"
                aria-label="Diagram name"
                data-testid={`diagram-tab-input-${d.id}`}
                autoFocus
                value={editing.draft}
                onChange={(e) => setEditing({ id: d.id, draft: e.target.value })}
                onBlur={commitRename}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commitRename();
                  if (e.key === 'Escape') setEditing(null);
                }}
              />
            ) : (
              <button
                type="button"
                role="tab"
                aria-selected={isActive}
                className="rampart-tab__label"
                data-testid={`diagram-tab-label-${d.id}`}
                title="Double-click to rename"
                onClick={() => store.getState().setActiveDiagram(d.id)}
                onDoubleClick={() => setEditing({ id: d.id, draft: d.name })}
                onKeyDown={(e) => {
                  if (e.key === 'F2') setEditing({ id: d.id, draft: d.name });
                }}
              >
                {d.name}
              </button>
            )}
            {isActive && editing?.id !== d.id && (
              <>
                <button
                  type="button"
                  className="rampart-tab__btn"
                  aria-label={`Rename diagram ${d.name}`}
                  title="Rename"
                  data-testid={`diagram-tab-rename-${d.id}`}
                  onClick={() => setEditing({ id: d.id, draft: d.name })}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="rampart-tab__btn"
                  aria-label={`Move diagram ${d.name} left`}
                  title="Move left"
                  data-testid={`diagram-tab-left-${d.id}`}
                  disabled={index === 0}
                  onClick={() => store.getState().moveDiagram(d.id, -1)}
                >
                  ◀
                </button>
                <button
                  type="button"
                  className="rampart-tab__btn"
                  aria-label={`Move diagram ${d.name} right`}
                  title="Move right"
                  data-testid={`diagram-tab-right-${d.id}`}
                  disabled={index === diagrams.length - 1}
                  onClick={() => store.getState().moveDiagram(d.id, 1)}
                >
                  ▶
                </button>
                <button
                  type="button"
                  className="rampart-tab__btn"
                  aria-label={`Delete diagram ${d.name}`}
                  title={diagrams.length === 1 ? 'A model keeps at least one diagram' : 'Delete diagram'}
                  data-testid={`diagram-tab-delete-${d.id}`}
                  disabled={diagrams.length === 1}
                  onClick={() => setConfirmId(d.id)}
                >
                  ✕
                </button>
              </>
            )}
          </div>
        );
      })}
      <button type="button" className="rampart-tabs__add" aria-label="Add diagram" title="Add diagram" data-testid="diagram-tab-add" onClick={() => store.getState().addDiagram()}>
        +
      </button>
      {confirmDiagram && (
        <ConfirmDialog
          title="Delete diagram"
          message={confirmMessage}
          confirmLabel="Delete diagram"
          testId="diagram-delete-dialog"
          onCancel={() => setConfirmId(null)}
          onConfirm={() => {
            store.getState().removeDiagram(confirmDiagram.id);
            setConfirmId(null);
          }}
        />
      )}
    </div>
  );
});
