/**
 * The always-visible head of the inspector for one item: name, description, kind and type, and where it sits
 * relative to trust boundaries. The property form and the threats live in the tabs below (InspectorTabs.tsx).
 */
import { useId, useMemo } from 'react';
import { getAllowedKinds, getBoundaryTypeLabel, getStencil, STENCIL_GROUPS, STENCILS } from '../../model/stencils';
import { getBoundaryChain, getCrossedBoundaries } from '../../model/graph';
import { BOUNDARY_TYPES, type Boundary, type ElementKind, type Flow, type Id, type ModelElement, type Note } from '../../model/types';
import { useEditor } from '../../store/context';
import { useActions } from '../hooks';
import { CommitTextArea, CommitTextInput } from '../ui/CommitInput';

const KIND_LABELS: Record<ElementKind, string> = { actor: 'External actor', process: 'Process', store: 'Data store' };

function NameField({ id, value, label = 'Name' }: { id: Id; value: string; label?: string }) {
  const fieldId = useId();
  const { updateItem } = useActions();
  return (
    <div className="rp-field">
      <label className="rp-field-label" htmlFor={fieldId}>
        {label}
      </label>
      <CommitTextInput id={fieldId} value={value} testId="inspector-name" onCommit={(v) => updateItem(id, { name: v })} />
    </div>
  );
}

function DescriptionField({ id, value }: { id: Id; value: string }) {
  const fieldId = useId();
  const { updateItem } = useActions();
  return (
    <div className="rp-field">
      <label className="rp-field-label" htmlFor={fieldId}>
        Description
      </label>
      <CommitTextArea id={fieldId} rows={2} value={value} testId="inspector-description" onCommit={(v) => updateItem(id, { description: v })} />
    </div>
  );
}

export function ElementHeader({ element }: { element: ModelElement }) {
  const kindId = useId();
  const typeId = useId();
  const { updateItem } = useActions();
  const model = useEditor((s) => s.model);
  const stencil = getStencil(element.type);
  const allowedKinds = getAllowedKinds(element.type);
  const boundaryPath = useMemo(
    () => (model && element.boundaryId ? getBoundaryChain(model, element.id).map((b) => b.name || getBoundaryTypeLabel(b.type)) : []),
    [model, element.id, element.boundaryId],
  );
  // Types offered: every stencil that may take the element's current kind, grouped as in the palette.
  const groups = useMemo(
    () =>
      STENCIL_GROUPS.map((g) => ({
        group: g,
        stencils: STENCILS.filter((st) => st.group === g.id && (st.kind === element.kind || st.altKinds?.includes(element.kind))),
      })).filter((g) => g.stencils.length > 0),
    [element.kind],
  );
  const typeListed = groups.some((g) => g.stencils.some((st) => st.id === element.type));

  return (
    <div className="rp-item-inspector" data-testid="inspector-element" data-kind={element.kind} data-type={element.type}>
      <NameField key={`n-${element.id}`} id={element.id} value={element.name} />
      <DescriptionField key={`d-${element.id}`} id={element.id} value={element.description} />
      <div className="rp-form-row">
        <div className="rp-field">
          <label className="rp-field-label" htmlFor={kindId}>
            Kind
          </label>
          {allowedKinds.length > 1 ? (
            <select id={kindId} className="rp-select" value={element.kind} data-testid="inspector-kind" onChange={(e) => updateItem(element.id, { kind: e.target.value as ElementKind })}>
              {allowedKinds.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          ) : (
            <output id={kindId} className="rp-readonly" data-testid="inspector-kind">
              {KIND_LABELS[element.kind]}
            </output>
          )}
        </div>
        <div className="rp-field">
          <label className="rp-field-label" htmlFor={typeId}>
            Type
          </label>
          <select id={typeId} className="rp-select" value={element.type} data-testid="inspector-type" onChange={(e) => updateItem(element.id, { type: e.target.value })}>
            {!typeListed ? <option value={element.type}>{stencil ? stencil.label : `${element.type} (unknown type)`}</option> : null}
            {groups.map(({ group, stencils }) => (
              <optgroup key={group.id} label={group.label}>
                {stencils.map((st) => (
                  <option key={st.id} value={st.id}>
                    {st.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </div>
      {!stencil ? (
        <p className="rp-help" data-testid="inspector-unknown-type">
          “{element.type}” is no known stencil; it behaves as a generic {element.kind}.
        </p>
      ) : null}
      <p className="rp-muted" data-testid="inspector-boundary">
        {boundaryPath.length ? `Inside: ${boundaryPath.join(' ⊂ ')}` : 'Not inside any trust boundary'}
      </p>
    </div>
  );
}

export function FlowHeader({ flow }: { flow: Flow }) {
  const { select } = useActions();
  const sourceName = useEditor((s) => s.model?.elements.find((e) => e.id === flow.source)?.name);
  const targetName = useEditor((s) => s.model?.elements.find((e) => e.id === flow.target)?.name);
  const model = useEditor((s) => s.model);
  const crossed = useMemo(() => (model ? getCrossedBoundaries(model, flow.id) : []), [model, flow.id]);
  return (
    <div className="rp-item-inspector" data-testid="inspector-flow">
      <NameField key={`n-${flow.id}`} id={flow.id} value={flow.name} />
      <DescriptionField key={`d-${flow.id}`} id={flow.id} value={flow.description ?? ''} />
      <p className="rp-flow-ends" data-testid="inspector-flow-ends">
        <button type="button" className="rp-button rp-button-link" data-testid="inspector-flow-source" onClick={() => select([flow.source])}>
          {sourceName || '(unnamed)'}
        </button>
        <span aria-label="flows to"> → </span>
        <button type="button" className="rp-button rp-button-link" data-testid="inspector-flow-target" onClick={() => select([flow.target])}>
          {targetName || '(unnamed)'}
        </button>
      </p>
      <p className="rp-muted" data-testid="inspector-flow-crossings">
        {crossed.length
          ? `Crosses: ${crossed.map((b) => `${b.name || getBoundaryTypeLabel(b.type)} (${getBoundaryTypeLabel(b.type)})`).join(', ')}`
          : 'Crosses no trust boundary'}
      </p>
    </div>
  );
}

export function BoundaryHeader({ boundary }: { boundary: Boundary }) {
  const typeId = useId();
  const { updateItem } = useActions();
  const known = (BOUNDARY_TYPES as readonly string[]).includes(boundary.type);
  return (
    <div className="rp-item-inspector" data-testid="inspector-boundary-item" data-type={boundary.type}>
      <NameField key={`n-${boundary.id}`} id={boundary.id} value={boundary.name} />
      <div className="rp-field">
        <label className="rp-field-label" htmlFor={typeId}>
          Trust boundary type
        </label>
        <select id={typeId} className="rp-select" value={boundary.type} data-testid="inspector-type" onChange={(e) => updateItem(boundary.id, { type: e.target.value })}>
          {!known ? <option value={boundary.type}>{boundary.type} (unknown type)</option> : null}
          {BOUNDARY_TYPES.map((t) => (
            <option key={t} value={t}>
              {getBoundaryTypeLabel(t)}
            </option>
          ))}
        </select>
      </div>
      <p className="rp-muted">
        {boundary.shape === 'line' ? `Line boundary crossed by ${boundary.crossedBy?.length ?? 0} flow(s)` : 'Zone: contains elements and other boundaries'}
      </p>
    </div>
  );
}

export function NoteInspector({ note }: { note: Note }) {
  const fieldId = useId();
  const { updateItem } = useActions();
  return (
    <div className="rp-item-inspector" data-testid="inspector-note">
      <label className="rp-field-label" htmlFor={fieldId}>
        Note text
      </label>
      <CommitTextArea key={note.id} id={fieldId} rows={6} value={note.text} testId="inspector-note-text" onCommit={(v) => updateItem(note.id, { text: v })} />
    </div>
  );
}
