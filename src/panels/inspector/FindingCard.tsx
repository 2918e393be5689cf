import { memo, useId } from 'react';
import type { Finding, Mitigation } from '../../model/findings';
import { getPropertyDecl } from '../../model/properties';
import type { Id, MitigationStatus, ThreatModel, ThreatStatus, TriageEntry } from '../../model/types';
import { findItem, resolveControlTarget } from '../lookup';
import { referenceText, referenceUrl } from '../references';
import { CommitTextArea, CommitTextInput } from '../ui/CommitInput';
import { formatValue } from '../ui/format';
import { SeverityChip, severityLabel, StrideLetters } from '../ui/SeverityChip';
import { StatusSelect } from '../ui/StatusSelect';

export interface FindingCardProps {
  finding: Finding;
  triage: TriageEntry | undefined;
  model: ThreatModel;
  onTriage: (findingId: string, patch: Partial<TriageEntry>) => void;
  onMitigate: (finding: Finding, mitigation: Mitigation) => void;
}

const MITIGATION_STATUSES: readonly MitigationStatus[] = ['proposed', 'planned', 'implemented', 'rejected'];

function propLabel(name: string): string {
  return getPropertyDecl(name)?.label ?? name;
}

function itemName(model: ThreatModel, id: Id): string {
  const item = findItem(model, id);
  if (!item) return id;
  return 'name' in item ? item.name || '(unnamed)' : 'note';
}

/** Where each control of a mitigation goes and whether it is already asserted there. */
function planControls(model: ThreatModel, finding: Finding, mitigation: Mitigation) {
  return mitigation.controls.map((c) => {
    const targetId = resolveControlTarget(model, finding, c.property);
    const item = targetId ? findItem(model, targetId) : undefined;
    const current = item && 'props' in item ? item.props[c.property] : undefined;
    const done = current !== undefined && JSON.stringify(current) === JSON.stringify(c.value);
    return { control: c, targetId, done };
  });
}

/**
 * One finding: what fired and why (evidence, confidence, severity changes), where it comes from (rule, pack,
 * references), how to close it (mitigations with one-click "mitigate by setting" actions) and the analyst's
 * decision (status, owner, justification, per-mitigation status). Everything is on the card at once, laid out
 * tightly for the narrow inspector: an analyst triaging a list should not have to open each card.
 */
export const FindingCard = memo(function FindingCard({ finding, triage, model, onTriage, onMitigate }: FindingCardProps) {
  const id = useId();
  const f = finding;
  const unverified = f.confidence === 'unverified';
  const unknowns = f.evidence.filter((ev) => ev.unknown);
  const status: ThreatStatus = triage?.status ?? 'open';
  const testId = `finding-${f.id}`;

  return (
    <article
      className={`rp-finding${unverified ? ' rp-finding-unverified' : ''}`}
      data-testid={testId}
      data-threat-id={f.id}
      data-severity={f.severity}
      data-confidence={f.confidence}
      data-status={status}
      aria-labelledby={`${id}-title`}
    >
      <header className="rp-finding-head">
        <SeverityChip severity={f.severity} unverified={unverified} />
        <StrideLetters stride={f.stride} />
        <span className={`rp-confidence rp-confidence-${f.confidence}`} data-testid={`${testId}-confidence`}>
          {unverified ? 'Unverified' : 'Confirmed'}
        </span>
        <span className="rp-finding-meta rp-muted">
          {f.ruleId} · {f.packId}
        </span>
        <h4 id={`${id}-title`} className="rp-finding-title">
          {f.title}
        </h4>
      </header>
      <p className="rp-finding-desc">{f.description}</p>

      {unverified ? (
        <p className="rp-unverified-note" data-testid={`${testId}-unverified`}>
          Unverified: depends on unknown{' '}
          {unknowns.length
            ? unknowns.map((ev) => `${propLabel(ev.property)} (${ev.property})${ev.targetName !== undefined ? ` of ${ev.targetName}` : ''}`).join(', ')
            : 'properties'}
          . Set them to confirm or clear this finding.
        </p>
      ) : null}

      {f.severityAdjustments.length > 0 ? (
        <ul className="rp-plain-list rp-adjustments" aria-label="Severity adjustments">
          {f.severityAdjustments.map((a, i) => (
            <li key={i}>
              {severityLabel(a.from)} → {severityLabel(a.to)}: {a.reason}
            </li>
          ))}
        </ul>
      ) : null}

      {f.evidence.length > 0 ? (
        <div className="rp-finding-facts" data-testid={`${testId}-evidence`}>
          <span className="rp-finding-label" id={`${id}-evidence`}>
            Evidence
          </span>
          <ul className="rp-inline-list" aria-labelledby={`${id}-evidence`}>
            {f.evidence.map((ev, i) => (
              <li key={i} className={ev.unknown ? 'rp-unknown' : undefined}>
                {ev.targetName !== undefined ? `${ev.targetName}: ` : null}
                <code>{ev.property}</code> {ev.unknown ? 'is unknown' : `= ${formatValue(ev.value)}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {f.references.length > 0 ? (
        <div className="rp-finding-facts">
          <span className="rp-finding-label" id={`${id}-refs`}>
            References
          </span>
          <ul className="rp-inline-list rp-references" aria-labelledby={`${id}-refs`}>
            {f.references.map((r, i) => {
              const url = referenceUrl(r);
              return (
                <li key={i}>
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer" title={r.type}>
                      {referenceText(r)}
                    </a>
                  ) : (
                    <span title={r.type}>{referenceText(r)}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {f.mitigations.length > 0 ? (
        <section className="rp-mitigations" aria-label="Mitigations">
          <h5 className="rp-finding-label">Mitigations</h5>
          {f.mitigations.map((m) => {
            const plan = planControls(model, f, m);
            const applicable = plan.filter((p) => p.targetId);
            const allDone = applicable.length > 0 && applicable.every((p) => p.done);
            const mStatus = triage?.mitigations?.[m.key];
            return (
              <div key={m.key} className="rp-mitigation" data-testid={`mitigation-${f.id}-${m.key}`}>
                <p>{m.text}</p>
                <div className="rp-mitigation-actions">
                  {applicable.length > 0 ? (
                    <button
                      type="button"
                      className="rp-button rp-button-small"
                      data-testid={`mitigate-${f.id}-${m.key}`}
                      disabled={allDone}
                      onClick={() => onMitigate(f, m)}
                    >
                      {allDone ? 'Already set: ' : 'Mitigate by setting '}
                      {applicable
                        .map((p) => `${p.control.property} = ${formatValue(p.control.value)}${p.targetId !== f.targetId ? ` on ${itemName(model, p.targetId!)}` : ''}`)
                        .join(', ')}
                    </button>
                  ) : null}
                  <label className="rp-inline-label">
                    <span>Mitigation status</span>
                    <select
                      className="rp-select rp-select-small"
                      value={mStatus ?? ''}
                      data-testid={`mitigation-status-${f.id}-${m.key}`}
                      onChange={(e) => {
                        const next = { ...(triage?.mitigations ?? {}) };
                        if (e.target.value) next[m.key] = e.target.value as MitigationStatus;
                        else delete next[m.key];
                        onTriage(f.id, { mitigations: next });
                      }}
                    >
                      <option value="">Not tracked</option>
                      {MITIGATION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              </div>
            );
          })}
        </section>
      ) : null}

      <section className="rp-triage" aria-label="Triage">
        <div className="rp-triage-row">
          <div className="rp-triage-cell">
            <label htmlFor={`${id}-status`} className="rp-finding-label">
              Status
            </label>
            <StatusSelect id={`${id}-status`} value={status} testId={`triage-status-${f.id}`} onChange={(s) => onTriage(f.id, { status: s })} />
          </div>
          <div className="rp-triage-cell">
            <label htmlFor={`${id}-owner`} className="rp-finding-label">
              Owner
            </label>
            <CommitTextInput id={`${id}-owner`} value={triage?.owner ?? ''} placeholder="Who acts on it" testId={`triage-owner-${f.id}`} onCommit={(v) => onTriage(f.id, { owner: v.trim() })} />
          </div>
        </div>
        <label htmlFor={`${id}-just`} className="rp-finding-label">
          Justification
        </label>
        <CommitTextArea
          id={`${id}-just`}
          rows={2}
          value={triage?.justification ?? ''}
          placeholder="Why this status (required to accept a risk)"
          testId={`triage-justification-${f.id}`}
          onCommit={(v) => onTriage(f.id, { justification: v })}
        />
      </section>
    </article>
  );
});
