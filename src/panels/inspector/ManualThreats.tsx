import { useId, useMemo, useState } from 'react';
import { SEVERITIES, type Id, type ManualThreat, type Severity, type ThreatStatus } from '../../model/types';
import { useEditor } from '../../store/context';
import { useActions } from '../hooks';
import { SeverityChip, severityLabel, STRIDE_LETTERS, StrideLetters, strideNames } from '../ui/SeverityChip';
import { StatusSelect, statusLabel } from '../ui/StatusSelect';

export interface ManualThreatsProps {
  /** Element, flow or boundary id; null for model-wide threats. */
  targetId: Id | null;
}

type Draft = Pick<ManualThreat, 'title' | 'description' | 'severity' | 'stride' | 'status' | 'mitigation' | 'owner'>;

const EMPTY: Draft = { title: '', description: '', severity: 'medium', stride: '', status: 'open', mitigation: '', owner: '' };

function ThreatForm({ initial, onSave, onCancel }: { initial: Draft; onSave: (d: Draft) => void; onCancel: () => void }) {
  const id = useId();
  const [d, setD] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const toggleLetter = (letter: string, on: boolean) => {
    const letters = new Set(d.stride.toUpperCase());
    if (on) letters.add(letter);
    else letters.delete(letter);
    set('stride', STRIDE_LETTERS.filter((l) => letters.has(l)).join(''));
  };
  return (
    <form
      className="rp-manual-form"
      data-testid="manual-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (d.title.trim()) onSave({ ...d, title: d.title.trim() });
      }}
    >
      <label className="rp-field-label" htmlFor={`${id}-title`}>
        Title
      </label>
      <input id={`${id}-title`} className="rp-input" required value={d.title} data-testid="manual-title" onChange={(e) => set('title', e.target.value)} />
      <label className="rp-field-label" htmlFor={`${id}-desc`}>
        Description
      </label>
      <textarea id={`${id}-desc`} className="rp-textarea" rows={3} value={d.description} data-testid="manual-description" onChange={(e) => set('description', e.target.value)} />
      <div className="rp-form-row">
        <span>
          <label className="rp-field-label" htmlFor={`${id}-sev`}>
            Severity
          </label>
          <select id={`${id}-sev`} className="rp-select" value={d.severity} data-testid="manual-severity" onChange={(e) => set('severity', e.target.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(s)}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label className="rp-field-label" htmlFor={`${id}-status`}>
            Status
          </label>
          <StatusSelect id={`${id}-status`} value={d.status} testId="manual-status" onChange={(s: ThreatStatus) => set('status', s)} />
        </span>
      </div>
      <fieldset className="rp-field">
        <legend className="rp-field-label">STRIDE</legend>
        <div className="rp-checklist rp-checklist-inline">
          {STRIDE_LETTERS.map((l) => (
            <label key={l} className="rp-check" title={strideNames(l)}>
              <input type="checkbox" checked={d.stride.toUpperCase().includes(l)} data-testid={`manual-stride-${l}`} onChange={(e) => toggleLetter(l, e.target.checked)} />
              <span>{l}</span>
              <span className="rp-visually-hidden"> {strideNames(l)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="rp-field-label" htmlFor={`${id}-mit`}>
        Mitigation
      </label>
      <textarea id={`${id}-mit`} className="rp-textarea" rows={2} value={d.mitigation} data-testid="manual-mitigation" onChange={(e) => set('mitigation', e.target.value)} />
      <label className="rp-field-label" htmlFor={`${id}-owner`}>
        Owner
      </label>
      <input id={`${id}-owner`} className="rp-input" value={d.owner ?? ''} data-testid="manual-owner" onChange={(e) => set('owner', e.target.value)} />
      <div className="rp-modal-actions">
        <button type="button" className="rp-button" data-testid="manual-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="rp-button rp-button-primary" data-testid="manual-save" disabled={!d.title.trim()}>
          Save threat
        </button>
      </div>
    </form>
  );
}

/** Threats the analyst writes by hand for the selection (or the whole model): add, edit, delete (undoable). */
export function ManualThreats({ targetId }: ManualThreatsProps) {
  const all = useEditor((s) => s.model?.manualThreats);
  const actions = useActions();
  const [editing, setEditing] = useState<Id | 'new' | null>(null);
  const threats = useMemo(() => (all ?? []).filter((t) => t.targetId === targetId), [all, targetId]);

  const save = (d: Draft) => {
    const owner = d.owner?.trim() || undefined;
    if (editing === 'new') actions.addManualThreat({ ...d, owner, targetId });
    else if (editing) actions.updateManualThreat(editing, { ...d, owner: owner ?? '' });
    setEditing(null);
  };

  return (
    <section className="rp-section" aria-label="Manual threats" data-testid="manual-threats">
      <h3 className="rp-section-title">
        Manual threats <span className="rp-count">{threats.length}</span>
      </h3>
      <ul className="rp-plain-list">
        {threats.map((t) =>
          editing === t.id ? (
            <li key={t.id}>
              <ThreatForm initial={{ ...EMPTY, ...t }} onSave={save} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={t.id} className="rp-manual" data-testid={`manual-threat-${t.id}`} data-threat-id={t.id} data-status={t.status}>
              <div className="rp-finding-head">
                <SeverityChip severity={t.severity} />
                {t.stride ? <StrideLetters stride={t.stride} /> : null}
                <span className="rp-finding-title">{t.title}</span>
              </div>
              {t.description ? <p className="rp-finding-desc">{t.description}</p> : null}
              <p className="rp-muted">
                {statusLabel(t.status)}
                {t.owner ? ` · ${t.owner}` : ''}
                {t.mitigation ? ` · Mitigation: ${t.mitigation}` : ''}
              </p>
              <div className="rp-row-actions">
                <button type="button" className="rp-button rp-button-small" data-testid={`manual-edit-${t.id}`} onClick={() => setEditing(t.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="rp-button rp-button-small rp-button-danger"
                  data-testid={`manual-delete-${t.id}`}
                  aria-label={`Delete threat ${t.title}`}
                  onClick={() => actions.removeManualThreat(t.id)}
                >
                  Delete
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <ThreatForm initial={EMPTY} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="rp-button" data-testid="manual-add" onClick={() => setEditing('new')}>
          Add threat
        </button>
      )}
    </section>
  );
}
