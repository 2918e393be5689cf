import { memo, useMemo } from 'react';
import type { RuleProblem } from '../../model/findings';
import type { Severity } from '../../model/types';
import { SeverityChip, StrideLetters } from '../ui/SeverityChip';
import { withPosition, type RuleData } from './ruleDraft';

export interface PackRuleRow {
  id: string;
  title?: string;
  severity?: Severity;
  stride?: string;
  /** Index in the pack's rules (custom packs), for edit and delete. */
  index: number;
  rule?: RuleData;
}

export interface PackCardProps {
  packId: string;
  name: string;
  version: string;
  description?: string;
  rules: readonly PackRuleRow[];
  enabled: boolean;
  disabledRules: ReadonlySet<string>;
  problems: readonly RuleProblem[];
  custom: boolean;
  query: string;
  onTogglePack: (packId: string, on: boolean) => void;
  onToggleRule: (ruleId: string, on: boolean) => void;
  onExport: (packId: string) => void;
  onEditRule?: (packId: string, index: number) => void;
  onDeleteRule?: (packId: string, index: number) => void;
  onDeletePack?: (packId: string) => void;
}

/** One pack: its switch, its rules with their own switches, and for custom packs edit and delete actions. */
export const PackCard = memo(function PackCard(p: PackCardProps) {
  const q = p.query.trim().toLowerCase();
  const rules = useMemo(
    () => (q ? p.rules.filter((r) => r.id.toLowerCase().includes(q) || (r.title ?? '').toLowerCase().includes(q)) : p.rules),
    [p.rules, q],
  );
  const off = p.rules.filter((r) => p.disabledRules.has(r.id)).length;
  const problemsByRule = useMemo(() => {
    const map = new Map<string, RuleProblem[]>();
    for (const pr of p.problems) map.set(pr.ruleId, [...(map.get(pr.ruleId) ?? []), pr]);
    return map;
  }, [p.problems]);
  if (q && rules.length === 0) return null;
  return (
    // The pack switch sits outside the collapsible part: turning a pack off must not need the rule list open.
    <section className="rp-pack" data-testid={`pack-${p.packId}`} data-enabled={p.enabled} aria-label={`Rule pack ${p.name}`}>
      <div className="rp-pack-bar">
        <label className="rp-check">
          <input type="checkbox" checked={p.enabled} data-testid={`pack-toggle-${p.packId}`} onChange={(e) => p.onTogglePack(p.packId, e.target.checked)} />
          <span className="rp-pack-name">{p.name}</span>
        </label>
        <span className="rp-muted">
          {p.packId} v{p.version} · {p.rules.length} rules{off ? `, ${off} off` : ''}
          {p.problems.length ? `, ${p.problems.length} with errors` : ''}
        </span>
      </div>
      <details open={q !== '' || undefined}>
        <summary className="rp-pack-head" data-testid={`pack-rules-${p.packId}`}>Rules</summary>
        <div className="rp-pack-tools">
          <button type="button" className="rp-button rp-button-small" data-testid={`pack-export-${p.packId}`} onClick={() => p.onExport(p.packId)}>
            Export JSON
          </button>
          {p.onDeletePack ? (
            <button type="button" className="rp-button rp-button-small rp-button-danger" data-testid={`pack-delete-${p.packId}`} onClick={() => p.onDeletePack!(p.packId)}>
              Delete pack
            </button>
          ) : null}
        </div>
        {p.description ? <p className="rp-help">{p.description}</p> : null}
        <ul className="rp-rule-list">
          {rules.map((r) => {
            const errors = problemsByRule.get(r.id) ?? [];
            return (
              <li key={`${r.index}-${r.id}`} className={`rp-rule${errors.length ? ' rp-rule-broken' : ''}`} data-testid={`rule-${p.packId}-${r.id}`}>
                <label className="rp-check">
                  <input
                    type="checkbox"
                    checked={!p.disabledRules.has(r.id)}
                    disabled={!p.enabled}
                    aria-label={`Rule ${r.id} enabled`}
                    data-testid={`rule-toggle-${r.id}`}
                    onChange={(e) => p.onToggleRule(r.id, e.target.checked)}
                  />
                  <code>{r.id}</code>
                </label>
                {r.severity ? <SeverityChip severity={r.severity} /> : null}
                {r.stride ? <StrideLetters stride={r.stride} /> : null}
                <span className="rp-rule-title">{r.title ?? '(no title)'}</span>
                {p.custom && p.onEditRule ? (
                  <button type="button" className="rp-button rp-button-small" data-testid={`rule-edit-${r.id}`} onClick={() => p.onEditRule!(p.packId, r.index)}>
                    Edit
                  </button>
                ) : null}
                {p.custom && p.onDeleteRule ? (
                  <button
                    type="button"
                    className="rp-button rp-button-small rp-button-danger"
                    aria-label={`Delete rule ${r.id}`}
                    data-testid={`rule-delete-${r.id}`}
                    onClick={() => p.onDeleteRule!(p.packId, r.index)}
                  >
                    Delete
                  </button>
                ) : null}
                {errors.map((e, i) => (
                  <p key={i} className="rp-panel-error" role="note" data-testid={`rule-problem-${r.id}`}>
                    {withPosition(e.message, e.position)} (this rule is skipped; the others still run)
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
});
