import { afterEach, describe, expect, it, vi } from 'vitest';
import { changedIds } from '../../src/model/diff';
import { applyOperation } from '../../src/model/operations';
import type { ThreatModel } from '../../src/model/types';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import type { AnalysisRequest, AnalysisResponse } from '../../src/worker/protocol';
import { botModel, ids } from './factories';

/** Loads the worker entry against a fake worker scope and returns a function that sends it one message. */
async function loadWorker() {
  const posted: AnalysisResponse[] = [];
  let onMessage: ((event: MessageEvent<AnalysisRequest>) => void) | undefined;
  vi.stubGlobal('self', {
    addEventListener: (type: string, listener: (event: MessageEvent<AnalysisRequest>) => void) => {
      if (type === 'message') onMessage = listener;
    },
    postMessage: (message: AnalysisResponse) => posted.push(message),
  });
  vi.resetModules();
  await import('../../src/worker/analysis.worker');
  return {
    posted,
    send(request: AnalysisRequest) {
      onMessage?.({ data: request } as MessageEvent<AnalysisRequest>);
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('analysis worker entry', () => {
  it('answers an analyze request with the result for its revision', async () => {
    const worker = await loadWorker();
    const model = botModel();
    worker.send({ type: 'analyze', revision: 7, seq: 1, base: null, model, patch: null, changed: null });
    const expected = analyze(model, getEnabledPacks(model));
    expect(worker.posted).toEqual([
      {
        type: 'result',
        revision: 7,
        seq: 1,
        base: null,
        delta: { full: true, findings: { upserted: expected.findings, removed: [] }, mitigated: { upserted: expected.mitigated, removed: [] }, problems: expected.problems },
      },
    ]);
  });

  it('answers the next request as a change to the previous reply', async () => {
    const worker = await loadWorker();
    const model = botModel();
    worker.send({ type: 'analyze', revision: 1, seq: 1, base: null, model, patch: null, changed: null });
    const next = applyOperation(model, { type: 'setProperty', targetId: ids.order, name: 'protocol', value: 'https' });
    worker.send({ type: 'analyze', revision: 2, seq: 2, base: 1, model: structuredClone(next), patch: null, changed: [...changedIds(model, next)] });
    expect(worker.posted[1]).toMatchObject({ type: 'result', revision: 2, seq: 2, base: 1, delta: { full: false } });
  });

  it('answers a failing analysis with a one-line error for its revision', async () => {
    const worker = await loadWorker();
    worker.send({ type: 'analyze', revision: 3, seq: 1, base: null, model: { broken: true } as unknown as ThreatModel, patch: null, changed: null });
    expect(worker.posted).toHaveLength(1);
    const [reply] = worker.posted;
    expect(reply).toMatchObject({ type: 'error', revision: 3 });
    expect(reply.type === 'error' && reply.message.length > 0 && !reply.message.includes('\n')).toBe(true);
  });
});
