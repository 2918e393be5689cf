/**
 * The catalog on a realistic trading architecture (./architecture.ts): what a first review should report, and
 * that setting every control the findings offer closes them all (mitigated by design) without a conflict.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/model/findings';
import type { ThreatModel } from '../../../src/model/types';
import { analyze } from '../../../src/rules/engine';
import { createAnalyzer } from '../../../src/rules/incremental';
import { BUILTIN_PACKS } from '../../../src/rules/packs';
import { tradingArchitecture } from './architecture';
import { patch, type PropPatch } from './build';

const run = (model: ThreatModel): Analysis => analyze(model, BUILTIN_PACKS);
const ids = (a: Analysis, confidence: 'confirmed' | 'unverified') =>
  a.findings.filter((f) => f.confidence === confidence).map((f) => f.id).sort();

/** The explicit gaps of the drawing: each is a value the analyst recorded. */
const EXPECTED_CONFIRMED = [
  'AUTH-02@bot->binance', // 60 s recvWindow
  'AUTH-04@bot->binance', // signature leaves out method and path
  'AUTH-09@bot->binance', // HMAC secret for order entry
  'CUST-07@withdrawals->signer', // the signer trusts a bare API key
  'DEFI-02@bot->rpc', // swaps broadcast through the public mempool
  'DEFI-04@oracle->risk', // oracle answer used without a staleness check
  'DEFI-05@bot->dex', // unlimited approval to the router
  'DEFI-07@bot', // one RPC provider, no cross-check
  'FIX-02@hedger->lp', // FIX logon with a password
  'KEY-01@bot', // exchange secret in a .env file
  'KEY-03@bot', // bot key can withdraw
  'KEY-08@gateway->audit', // JWTs in the access log
  'LP-01@lp->hedger', // LP quotes not checked
  'MON-01@gateway', // no anomaly detection on the API
  'MON-07@bot', // bot dependencies not pinned
  'NET-04@risk', // risk engine fails open
  'OAPI-06@gateway', // withdrawals open to automation
  'RL-03@mdws', // no connection caps on the market-data socket
];

/** What the drawing leaves unknown: the STRIDE baseline and a few specific checks the analyst still owes. */
const EXPECTED_UNVERIFIED = [
  'DEFI-07@signer', 'RL-01@bot->binance', 'STR-03@withdrawals->signer',
  'STR-06@bot', 'STR-06@engine', 'STR-06@hedger', 'STR-06@hsm', 'STR-06@risk', 'STR-06@signer', 'STR-06@withdrawals',
  'STRIDE-F-D@gateway->audit', 'STRIDE-F-D@lp->hedger',
  'STRIDE-P-D@engine', 'STRIDE-P-D@hsm', 'STRIDE-P-D@signer', 'STRIDE-P-D@withdrawals',
  'STRIDE-P-I@bot', 'STRIDE-P-I@engine', 'STRIDE-P-I@hedger', 'STRIDE-P-I@signer', 'STRIDE-P-I@withdrawals',
  'STRIDE-P-R@hsm', 'STRIDE-P-R@signer', 'STRIDE-P-T@hsm', 'STRIDE-P-T@signer',
  'WS-06@engine->mdws', 'WS-06@mdws->trader',
];

/** Controls the drawing already asserts, so these rules report "mitigated by design". */
const EXPECTED_MITIGATED = [
  'AUTH-07@bot', 'AUTH-11@gateway', 'CUST-02@signer', 'CUST-03@signer', 'CUST-04@withdrawals',
  'CUST-09@signer', 'CUST-11@hsm', 'DEFI-01@bot->dex', 'FIX-03@hedger->lp', 'KEY-05@bot', 'KEY-06@bot',
  'KEY-10@bot', 'MON-04@risk', 'MON-05@hsm', 'MON-05@secrets', 'OAPI-01@gateway', 'OAPI-04@gateway', 'ORD-01@bot->binance',
  'ORD-02@hedger', 'ORD-04@engine', 'ORD-06@bot', 'STR-04@ledger', 'STR-05@audit', 'STRIDE-S-D@ledger', 'WS-02@mdws',
];

describe('a realistic trading architecture', () => {
  const analysis = run(tradingArchitecture());

  it('compiles and evaluates every rule without a problem', () => {
    expect(analysis.problems).toEqual([]);
  });

  it('confirms exactly the gaps the analyst recorded', () => {
    expect(ids(analysis, 'confirmed')).toEqual([...EXPECTED_CONFIRMED].sort());
  });

  it('reports what is still unknown as unverified', () => {
    expect(ids(analysis, 'unverified')).toEqual([...EXPECTED_UNVERIFIED].sort());
  });

  it('lists controls already in the drawing as mitigated by design', () => {
    const mitigated = analysis.mitigated.map((m) => m.id);
    for (const id of EXPECTED_MITIGATED) expect(mitigated, id).toContain(id);
    const fired = new Set(analysis.findings.map((f) => f.id));
    for (const id of mitigated) expect(fired.has(id), `${id} both fired and mitigated`).toBe(false);
  });

  it('raises severity where the stakes are: the signer link and the withdraw-capable bot key', () => {
    const byId = new Map(analysis.findings.map((f) => [f.id, f]));
    expect(byId.get('CUST-07@withdrawals->signer')!.severity).toBe('critical');
    expect(byId.get('KEY-01@bot')!.severity).toBe('critical');
  });
});

/** Sets every control of every mitigation of the given findings on their targets. */
function applyAllControls(model: ThreatModel, analysis: Analysis): { model: ThreatModel; changed: boolean; ids: Set<string> } {
  const changes: Record<string, PropPatch> = {};
  for (const f of analysis.findings) {
    for (const m of f.mitigations) {
      for (const c of m.controls) (changes[f.targetId] ??= {})[c.property] = c.value;
    }
  }
  const ids = new Set(Object.keys(changes));
  return { model: ids.size ? patch(model, changes) : model, changed: ids.size > 0, ids };
}

describe('the same architecture with every offered control set', () => {
  const before = run(tradingArchitecture());
  const closable = before.findings.filter((f) => f.mitigations.some((m) => m.controls.length > 0));

  // Controls can reveal a rule the first values hid (a stated replay window now has a clock to keep), so keep
  // applying the controls of whatever fires until nothing changes; a pair of rules fighting over one
  // property would never settle and fails the test.
  let model = tradingArchitecture();
  let after = before;
  let rounds = 0;
  for (; rounds < 6; rounds++) {
    const next = applyAllControls(model, after);
    if (!next.changed) break;
    model = next.model;
    after = run(model);
  }

  it('settles: controls of different rules do not fight', () => {
    expect(rounds).toBeLessThan(6);
    expect(after.problems).toEqual([]);
  });

  it('closes every finding that offers a control', () => {
    expect(closable.length).toBeGreaterThan(40);
    const remaining = after.findings.map((f) => f.id);
    for (const f of closable) expect(remaining, f.id).not.toContain(f.id);
  });

  it('reports each closed finding as mitigated by design', () => {
    const mitigated = new Set(after.mitigated.map((m) => m.id));
    for (const f of closable) expect(mitigated.has(f.id), f.id).toBe(true);
  });

  it('gives the same result when re-analysed incrementally', () => {
    const analyzer = createAnalyzer(BUILTIN_PACKS);
    analyzer.full(tradingArchitecture());
    const next = applyAllControls(tradingArchitecture(), before);
    expect(analyzer.update(next.model, next.ids)).toEqual(run(next.model));
  });

  it('leaves only findings no property can close', () => {
    const left = after.findings.filter((f) => f.mitigations.some((m) => m.controls.length > 0));
    expect(left.map((f) => f.id)).toEqual([]);
    // Secrets in the access log: closed by redaction, i.e. by changing what the flow carries.
    expect(after.findings.map((f) => f.id)).toEqual(['KEY-08@gateway->audit']);
  });
});
