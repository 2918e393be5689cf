/**
 * Analyses as changes: the worker diffs each analysis against the previous one it sent, the client applies the
 * change to the analysis it holds. Both sides rely on what the engine guarantees: findings and mitigated entries
 * have unique ids and are sorted by id, and the incremental analyzer hands back the very same object for an
 * entry that did not change, so identity is the change test in the worker.
 */
import type { Analysis, RuleProblem } from '../model/findings';
import type { AnalysisDelta, ListDelta } from './protocol';

interface Keyed {
  id: string;
}

/** The delta that sends `analysis` whole. */
export function fullDelta(analysis: Analysis): AnalysisDelta {
  return {
    full: true,
    findings: { upserted: analysis.findings, removed: [] },
    mitigated: { upserted: analysis.mitigated, removed: [] },
    problems: analysis.problems,
  };
}

/** What turns `previous` into `next`, comparing entries by identity. */
export function diffAnalysis(previous: Analysis, next: Analysis): AnalysisDelta {
  return {
    full: false,
    findings: diffList(previous.findings, next.findings),
    mitigated: diffList(previous.mitigated, next.mitigated),
    problems: next.problems,
  };
}

function diffList<T extends Keyed>(previous: readonly T[], next: readonly T[]): ListDelta<T> {
  if (previous === next) return { upserted: [], removed: [] };
  // Both lists are sorted by id: one merge walk finds what is new, replaced and gone.
  const upserted: T[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < previous.length || j < next.length) {
    const a = previous[i];
    const b = next[j];
    if (a === b) {
      i++;
      j++;
    } else if (b === undefined || (a !== undefined && a.id < b.id)) {
      removed.push(a.id);
      i++;
    } else if (a === undefined || b.id < a.id) {
      upserted.push(b);
      j++;
    } else {
      upserted.push(b); // same id, new object
      i++;
      j++;
    }
  }
  return { upserted, removed };
}

/**
 * `previous` with `delta` applied (`previous` is ignored for a full delta). Entries that did not change are
 * the previous objects, lists that did not change are the previous arrays, and when nothing changed at all the
 * result is `previous` itself, so identity checks downstream still tell what changed.
 */
export function applyDelta(previous: Analysis | null, delta: AnalysisDelta): Analysis {
  if (delta.full || previous === null) {
    return { findings: delta.findings.upserted, mitigated: delta.mitigated.upserted, problems: delta.problems };
  }
  const findings = applyList(previous.findings, delta.findings);
  const mitigated = applyList(previous.mitigated, delta.mitigated);
  const problems = sameProblems(previous.problems, delta.problems) ? previous.problems : delta.problems;
  if (findings === previous.findings && mitigated === previous.mitigated && problems === previous.problems) return previous;
  return { findings, mitigated, problems };
}

/** A new list sorted by id (the engine's order): `list` without the removed and replaced ids, plus `upserted`. */
function applyList<T extends Keyed>(list: readonly T[], delta: ListDelta<T>): T[] {
  if (delta.upserted.length === 0 && delta.removed.length === 0) return list as T[];
  const drop = new Set(delta.removed);
  for (const item of delta.upserted) drop.add(item.id);
  const added = delta.upserted.slice().sort(byId); // already in order from the worker; the sort then only checks
  const out: T[] = [];
  let a = 0;
  for (const item of list) {
    if (drop.has(item.id)) continue;
    while (a < added.length && added[a].id < item.id) out.push(added[a++]);
    out.push(item);
  }
  while (a < added.length) out.push(added[a++]);
  return out;
}

/** The engine's order: plain code-unit comparison of ids (ruleset.ts `byId`). */
function byId(a: Keyed, b: Keyed): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sameProblems(a: readonly RuleProblem[], b: readonly RuleProblem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.packId === b[i].packId && p.ruleId === b[i].ruleId && p.message === b[i].message && p.position === b[i].position)
  );
}
