import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/model/findings';
import { changedIds } from '../../src/model/diff';
import { applyOperation, type Operation } from '../../src/model/operations';
import type { ThreatModel } from '../../src/model/types';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { createAnalysisClient } from '../../src/worker/client';
import { applyDelta, diffAnalysis, fullDelta } from '../../src/worker/delta';
import { FakeWorker } from './fakeWorker';
import { botModel, ids } from './factories';
import { SessionWorker } from './sessionWorker';

const expected = (model: ThreatModel): Analysis => analyze(model, getEnabledPacks(model));

function setup() {
  const worker = new SessionWorker();
  const client = createAnalysisClient({ createWorker: () => worker });
  return { worker, client };
}

/** One analysis round trip through the client and the real session. */
async function roundTrip(worker: SessionWorker, pending: Promise<Analysis | null>): Promise<Analysis | null> {
  while (worker.deliver()) {
    // answer everything the client posts, including a request it posts after a reply
  }
  return pending;
}

const edits: Operation[] = [
  { type: 'setProperty', targetId: ids.bot, name: 'secretStorage', value: 'vault' },
  { type: 'setProperty', targetId: ids.order, name: 'protocol', value: 'https' },
  { type: 'setProperty', targetId: ids.bot, name: 'keyPermissions', value: ['read'] },
  { type: 'setProperty', targetId: ids.order, name: 'authentication', value: undefined },
  { type: 'setProperty', targetId: ids.bot, name: 'secretStorage', value: 'envFile' },
];

describe('analysis deltas through the client and the real worker session', () => {
  it('yields exactly a full analysis after every edit, sending deltas after the first reply', async () => {
    const { worker, client } = setup();
    let model = botModel();
    let previous = await roundTrip(worker, client.analyze(model, 1, null));
    expect(previous).toEqual(expected(model));
    expect(worker.replies[0]).toMatchObject({ type: 'result', delta: { full: true } });
    let revision = 1;
    for (const op of edits) {
      const next = applyOperation(model, op);
      const result = await roundTrip(worker, client.analyze(next, ++revision, changedIds(model, next)));
      expect(result).toEqual(expected(next));
      expect(worker.replies.at(-1)).toMatchObject({ type: 'result', delta: { full: false } });
      // Findings that did not change are the objects the previous result held.
      const before = new Map(previous!.findings.map((f) => [f.id, f]));
      for (const finding of result!.findings) {
        const old = before.get(finding.id);
        if (old !== undefined && JSON.stringify(old) === JSON.stringify(finding)) expect(finding).toBe(old);
      }
      previous = result;
      model = next;
    }
  });

  it('stays exact after a reply dropped as stale, and answers the newer request with a delta', async () => {
    const { worker, client } = setup();
    let model = botModel();
    await roundTrip(worker, client.analyze(model, 1, null));
    const second = applyOperation(model, edits[0]);
    const stale = client.analyze(second, 2, changedIds(model, second));
    const third = applyOperation(second, edits[1]);
    const latest = client.analyze(third, 3, changedIds(second, third));
    worker.deliver(); // the reply to revision 2 arrives after revision 3 was asked for
    await expect(stale).resolves.toBeNull();
    expect(worker.requests.at(-1)).toMatchObject({ revision: 3, base: worker.requests[1].seq });
    worker.deliver();
    await expect(latest).resolves.toEqual(expected(third));
    expect(worker.replies.at(-1)).toMatchObject({ revision: 3, delta: { full: false } });
    model = third;
    const fourth = applyOperation(model, edits[2]);
    await expect(roundTrip(worker, client.analyze(fourth, 4, changedIds(model, fourth)))).resolves.toEqual(expected(fourth));
  });

  it('sends a full reply after a rule-pack change and stays exact', async () => {
    const { worker, client } = setup();
    const model = botModel();
    const first = await roundTrip(worker, client.analyze(model, 1, null));
    const next = applyOperation(model, { type: 'setRulePacks', settings: { ...model.rulePacks, disabledRules: [first!.findings[0].ruleId] } });
    await expect(roundTrip(worker, client.analyze(next, 2, changedIds(model, next)))).resolves.toEqual(expected(next));
    expect(worker.replies.at(-1)).toMatchObject({ delta: { full: true } });
  });

  it('recovers with a full reply after a failed analysis', async () => {
    const { worker, client } = setup();
    const model = botModel();
    await roundTrip(worker, client.analyze(model, 1, null));
    const broken = { ...model, elements: null } as unknown as ThreatModel;
    await expect(roundTrip(worker, client.analyze(broken, 2, ['x']))).rejects.toThrow();
    const next = applyOperation(model, edits[1]);
    await expect(roundTrip(worker, client.analyze(next, 3, changedIds(model, next)))).resolves.toEqual(expected(next));
    expect(worker.replies.at(-1)).toMatchObject({ delta: { full: true } });
  });

  it('asks again for everything when a delta does not apply to the analysis it holds', async () => {
    const fake = new FakeWorker();
    const client = createAnalysisClient({ createWorker: () => fake });
    const model = botModel();
    const pending = client.analyze(model, 1, null);
    const seq = fake.posted[0].seq;
    const empty = { upserted: [], removed: [] };
    fake.reply({ type: 'result', revision: 1, seq, base: 999, delta: { full: false, findings: empty, mitigated: empty, problems: [] } });
    expect(fake.posted[1]).toMatchObject({ revision: 1, seq, base: null, changed: null });
    fake.reply({ type: 'result', revision: 1, seq, base: null, delta: fullDelta(expected(model)) });
    await expect(pending).resolves.toEqual(expected(model));
  });
});

describe('diffAnalysis and applyDelta', () => {
  it('round-trip to the next analysis and keep it when nothing changed', () => {
    const model = botModel();
    const before = expected(model);
    const next = applyOperation(model, edits[1]);
    const after = expected(next);
    expect(applyDelta(before, structuredClone(diffAnalysis(before, after)))).toEqual(after);
    expect(applyDelta(before, diffAnalysis(before, before))).toBe(before);
  });
});
