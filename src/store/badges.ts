/**
 * Badge per target: how many open threats it has and the worst open severity. Derived from findings, manual
 * threats and triage; recomputed when any of them changes, reusing the previous badge objects when equal so a
 * node that selects its own badge re-renders only when its badge really changed.
 */
import type { Finding } from '../model/findings';
import type { Id, Severity, ThreatModel, ThreatStatus } from '../model/types';
import type { TargetBadge } from './types';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function isOpenStatus(status: ThreatStatus | undefined): boolean {
  return status === undefined || status === 'open' || status === 'investigating';
}

/** A finding's status: its triage entry's, open when it has none. */
export function getFindingStatus(model: ThreatModel | null, findingId: string): ThreatStatus {
  return model?.triage[findingId]?.status ?? 'open';
}

interface Acc {
  open: number;
  severity: Severity | null;
  confirmed: boolean;
}

function add(map: Map<Id, Acc>, targetId: Id, severity: Severity, confirmed: boolean): void {
  const acc = map.get(targetId) ?? { open: 0, severity: null, confirmed: false };
  acc.open++;
  if (acc.severity === null || RANK[severity] > RANK[acc.severity]) acc.severity = severity;
  acc.confirmed ||= confirmed;
  map.set(targetId, acc);
}

export function computeBadges(
  findings: readonly Finding[],
  model: ThreatModel | null,
  previous: Record<Id, TargetBadge>,
): Record<Id, TargetBadge> {
  const acc = new Map<Id, Acc>();
  for (const f of findings) {
    if (isOpenStatus(model?.triage[f.id]?.status)) add(acc, f.targetId, f.severity, f.confidence === 'confirmed');
  }
  for (const t of model?.manualThreats ?? []) {
    if (t.targetId && isOpenStatus(t.status)) add(acc, t.targetId, t.severity, true);
  }
  const next: Record<Id, TargetBadge> = {};
  for (const [id, a] of acc) {
    const badge: TargetBadge = { open: a.open, severity: a.severity, unverifiedOnly: !a.confirmed };
    const old = previous[id];
    next[id] = old && old.open === badge.open && old.severity === badge.severity && old.unverifiedOnly === badge.unverifiedOnly ? old : badge;
  }
  return next;
}
