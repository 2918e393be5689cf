import { useId, useMemo } from 'react';
import { SEVERITIES, type Severity } from '../../model/types';
import { isOpenStatus } from '../../store/badges';
import { useEditor } from '../../store/context';
import { useActions } from '../hooks';
import { CommitTextArea, CommitTextInput } from '../ui/CommitInput';
import { SeverityChip } from '../ui/SeverityChip';

/** Shown when nothing is selected: the model's own fields and what the analysis says about it as a whole. */
export function ModelOverview() {
  const nameId = useId();
  const descId = useId();
  const ownerId = useId();
  const model = useEditor((s) => s.model);
  const findings = useEditor((s) => s.findings);
  const problems = useEditor((s) => s.analysisProblems);
  const triage = useEditor((s) => s.model?.triage);
  const manualThreats = useEditor((s) => s.model?.manualThreats);
  const { updateModel } = useActions();

  // Depends on triage and manual threats only, not the whole model: a property edit must not recount every finding.
  const summary = useMemo(() => {
    const open: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    let openCount = 0;
    let unverified = 0;
    for (const f of findings) {
      if (!isOpenStatus(triage?.[f.id]?.status)) continue;
      openCount++;
      open[f.severity] = (open[f.severity] ?? 0) + 1;
      if (f.confidence === 'unverified') unverified++;
    }
    for (const t of manualThreats ?? []) {
      if (!isOpenStatus(t.status)) continue;
      openCount++;
      open[t.severity] = (open[t.severity] ?? 0) + 1;
    }
    return { open, openCount, unverified };
  }, [findings, triage, manualThreats]);

  if (!model) return null;
  return (
    <div className="rp-item-inspector" data-testid="inspector-model">
      <div className="rp-field">
        <label className="rp-field-label" htmlFor={nameId}>
          Model name
        </label>
        <CommitTextInput id={nameId} value={model.name} testId="inspector-model-name" onCommit={(v) => updateModel({ name: v })} />
      </div>
      <div className="rp-field">
        <label className="rp-field-label" htmlFor={descId}>
          Description
        </label>
        <CommitTextArea id={descId} value={model.description} testId="inspector-model-description" onCommit={(v) => updateModel({ description: v })} />
      </div>
      <div className="rp-field">
        <label className="rp-field-label" htmlFor={ownerId}>
          Owner
        </label>
        <CommitTextInput id={ownerId} value={model.owner} testId="inspector-model-owner" onCommit={(v) => updateModel({ owner: v })} />
      </div>
      <h3 className="rp-section-title">Summary</h3>
      <dl className="rp-summary" data-testid="model-summary">
        <dt>Diagrams</dt>
        <dd data-testid="summary-diagrams">{model.diagrams.length}</dd>
        <dt>Elements</dt>
        <dd data-testid="summary-elements">{model.elements.length}</dd>
        <dt>Data flows</dt>
        <dd data-testid="summary-flows">{model.flows.length}</dd>
        <dt>Trust boundaries</dt>
        <dd data-testid="summary-boundaries">{model.boundaries.length}</dd>
        <dt>Open threats</dt>
        <dd data-testid="summary-open">{summary.openCount}</dd>
        <dt>Unverified</dt>
        <dd data-testid="summary-unverified">{summary.unverified}</dd>
      </dl>
      <ul className="rp-sev-counts" aria-label="Open threats by severity">
        {SEVERITIES.map((sev) => (
          <li key={sev} data-testid={`summary-severity-${sev}`}>
            <SeverityChip severity={sev} /> {summary.open[sev]}
          </li>
        ))}
      </ul>
      {problems.length > 0 ? (
        <p className="rp-alert" role="alert" data-testid="summary-rule-problems">
          {problems.length} rule problem{problems.length === 1 ? '' : 's'}: those rules were skipped. See Rule packs.
        </p>
      ) : null}
      <p className="rp-help">Select an element, flow or boundary to edit its properties and see its threats.</p>
    </div>
  );
}
