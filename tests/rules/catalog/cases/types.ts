/**
 * The shape of a catalog test case. Each rule has at least one case that fires; every firing case has a twin
 * that must not fire, normally the same document with the rule's own mitigation controls set on the target
 * (which proves that those controls close it), otherwise with the triggering condition removed.
 */
import type { Id, ThreatModel } from '../../../../src/model/types';
import type { PropPatch } from '../build';

export type Close =
  /** Set every control of this mitigation (by key) on the finding's target; the rule must then be mitigated. */
  | { mitigation: string }
  /** Change the document so the trigger is gone; `because` says why that is the fix. */
  | { patch: Record<Id, PropPatch>; because: string }
  /** A redrawn document (for topology findings no property closes); `because` says what changed. */
  | { rebuild: () => ThreatModel; because: string };

export interface FiresCase {
  rule: string;
  name: string;
  build: () => ThreatModel;
  target: Id;
  confidence: 'confirmed' | 'unverified';
  close: Close;
}

/** A document on which the rule must stay quiet: a look-alike its condition deliberately excludes. */
export interface QuietCase {
  rule: string;
  name: string;
  build: () => ThreatModel;
  target: Id;
  quiet: true;
}

export type RuleCase = FiresCase | QuietCase;

export function isFiresCase(c: RuleCase): c is FiresCase {
  return !('quiet' in c);
}
