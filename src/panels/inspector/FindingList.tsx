import { useCallback, useMemo } from 'react';
import type { Finding, Mitigation } from '../../model/findings';
import type { Id, TriageEntry } from '../../model/types';
import { useEditor } from '../../store/context';
import { useActions, useGetState } from '../hooks';
import { resolveControlTarget } from '../lookup';
import { formatValue } from '../ui/format';
import { severityRank } from '../ui/SeverityChip';
import { FindingCard } from './FindingCard';

export interface FindingListProps {
  targetId: Id;
}

/**
 * The findings of one target, worst first, then the rules it satisfies by design. "Mitigate by setting" applies
 * every control of a mitigation inside one gesture, so the whole fix is a single undo step.
 */
export function FindingList({ targetId }: FindingListProps) {
  const allFindings = useEditor((s) => s.findings);
  const allMitigated = useEditor((s) => s.mitigated);
  const model = useEditor((s) => s.model);
  const triage = useEditor((s) => s.model?.triage);
  const actions = useActions();
  const getState = useGetState();

  const findings = useMemo(
    () =>
      allFindings
        .filter((f) => f.targetId === targetId)
        .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.title.localeCompare(b.title)),
    [allFindings, targetId],
  );
  const mitigated = useMemo(() => allMitigated.filter((m) => m.targetId === targetId), [allMitigated, targetId]);

  const onTriage = useCallback((findingId: string, patch: Partial<TriageEntry>) => actions.setTriage(findingId, patch), [actions]);
  const onMitigate = useCallback(
    (finding: Finding, mitigation: Mitigation) => {
      const current = getState().model;
      if (!current) return;
      actions.beginGesture();
      try {
        for (const c of mitigation.controls) {
          const target = resolveControlTarget(current, finding, c.property);
          if (target) actions.setProperty(target, c.property, c.value);
        }
      } finally {
        actions.endGesture();
      }
    },
    [actions, getState],
  );

  if (!model) return null;
  return (
    <section className="rp-section" aria-label="Findings" data-testid="finding-list">
      <h3 className="rp-section-title">
        Rule findings <span className="rp-count" data-testid="finding-count">{findings.length}</span>
      </h3>
      {findings.length === 0 ? (
        <p className="rp-empty" data-testid="finding-list-empty">
          No rule fires on this item.
        </p>
      ) : (
        findings.map((f) => <FindingCard key={f.id} finding={f} triage={triage?.[f.id]} model={model} onTriage={onTriage} onMitigate={onMitigate} />)
      )}
      {mitigated.length > 0 ? (
        <div className="rp-by-design" data-testid="mitigated-list">
          <h4 className="rp-subhead">Mitigated by design</h4>
          <ul className="rp-plain-list">
            {mitigated.map((m) => (
              <li key={m.id} data-testid={`mitigated-${m.id}`} data-threat-id={m.id}>
                <span className="rp-by-design-title">{m.title}</span>{' '}
                <span className="rp-muted">
                  ({m.ruleId}) by {m.controls.map((c) => `${c.property} = ${formatValue(c.value)}`).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
