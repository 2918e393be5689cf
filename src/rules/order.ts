/**
 * Finding id order (`ruleId@targetId`) for a pass's results, and the other stable orders the engine uses. An
 * analysis is sorted by finding id; both engines visit targets in id order so that ordering by rule is all the
 * sorting there is left to do.
 */
import type { RuleProblem } from '../model/findings';
import type { RuleSet } from './ruleset';

/** Sort key comparison that does not depend on the locale. */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A copy of the items in id order: both engines visit targets so (see `orderByRule`). */
export function sortedById<T extends { id: string }>(items: readonly T[]): T[] {
  return items.slice().sort(byId);
}

/** Whether a list sorted by id has no repeated id. */
export function distinctIds(sorted: readonly { id: string }[]): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i].id === sorted[i - 1].id) return false;
  return true;
}

/**
 * Sorts findings (or mitigated entries) by id, `ruleId@targetId`. Because rule ids contain no '@' (compile.ts
 * refuses them), ordering by `ruleId + '@'` and then by target id is the same as ordering by the whole id,
 * and is cheaper: the entries are distributed by rule (a counting sort, stable, into an array of the exact
 * length), and each rule's run is then sorted by target id, which is a check and nothing more when the
 * targets were visited in id order, as both engines do.
 */
export function sortByFindingId<T extends { ruleId: string; targetId: string }>(items: readonly T[]): T[] {
  const n = items.length;
  const groupOf = new Map<string, number>();
  const keys: string[] = [];
  const counts: number[] = [];
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ruleId = items[i].ruleId;
    let g = groupOf.get(ruleId);
    if (g === undefined) {
      g = keys.length;
      groupOf.set(ruleId, g);
      keys.push(`${ruleId}@`);
      counts.push(0);
    }
    group[i] = g;
    counts[g]++;
  }
  const order = keys.map((_, g) => g).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const next = new Int32Array(keys.length);
  let at = 0;
  for (const g of order) {
    next[g] = at;
    at += counts[g];
  }
  const out = items.slice();
  for (let i = 0; i < n; i++) out[next[group[i]]++] = items[i];
  // next[g] is now the end of run g.
  for (const g of order) sortRun(out, next[g] - counts[g], next[g]);
  return out;
}

/**
 * Puts a pass's findings (or mitigated entries) in id order given the slot of the rule behind each
 * (`TargetResult.findingRules`): a stable counting sort by the rules' order, which is the whole sort when the
 * targets were visited in id order and no two targets of a kind share an id (the caller's to ensure). It never
 * reads the entries themselves, tens of thousands of objects spread over the heap.
 */
export function orderByRule<T>(set: RuleSet, items: readonly T[], slots: readonly number[]): T[] {
  const rank = set.rank;
  const start = new Int32Array(rank.length + 1);
  for (let i = 0; i < slots.length; i++) start[rank[slots[i]] + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  const out = items.slice();
  for (let i = 0; i < slots.length; i++) out[start[rank[slots[i]]]++] = items[i];
  return out;
}

/** Sorts out[from, to) by target id, stably; a run already in order is only checked. */
function sortRun<T extends { targetId: string }>(out: T[], from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    if (out[i - 1].targetId > out[i].targetId) {
      const run = out.slice(from, to).sort(byTargetId);
      for (let k = 0; k < run.length; k++) out[from + k] = run[k];
      return;
    }
  }
}

function byTargetId(a: { targetId: string }, b: { targetId: string }): number {
  return a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0;
}

/** Runtime problems in a stable order. */
export function byMessage(a: RuleProblem, b: RuleProblem): number {
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
