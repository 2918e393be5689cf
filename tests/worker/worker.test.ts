import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ThreatModel } from '../../src/model/types';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import type { AnalysisRequest, AnalysisResponse } from '../../src/worker/protocol';
import { botModel } from './factories';

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
    worker.send({ type: 'analyze', revision: 7, model, changed: null });
    expect(worker.posted).toEqual([{ type: 'result', revision: 7, analysis: analyze(model, getEnabledPacks(model)) }]);
  });

  it('answers a failing analysis with a one-line error for its revision', async () => {
    const worker = await loadWorker();
    worker.send({ type: 'analyze', revision: 3, model: { broken: true } as unknown as ThreatModel, changed: null });
    expect(worker.posted).toHaveLength(1);
    const [reply] = worker.posted;
    expect(reply).toMatchObject({ type: 'error', revision: 3 });
    expect(reply.type === 'error' && reply.message.length > 0 && !reply.message.includes('\n')).toBe(true);
  });
});
