import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/model/findings';
import type { PropValue } from '../../src/model/types';
import { changedIds } from '../../src/model/diff';
import { applyOperation } from '../../src/model/operations';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { createAnalysisClient } from '../../src/worker/client';
import { fullDelta } from '../../src/worker/delta';
import type { AnalysisResponse } from '../../src/worker/protocol';
import { FakeWorker } from './fakeWorker';
import { botModel, ids } from './factories';

const emptyAnalysis = (marker: string): Analysis => ({ findings: [], mitigated: [], problems: [{ packId: marker, ruleId: '', message: marker }] });

/** A full result reply to the request posted `index`-th. */
function fullReply(fake: FakeWorker, index: number, analysis: Analysis, revision = fake.posted[index].revision): AnalysisResponse {
  return { type: 'result', revision, seq: fake.posted[index].seq, base: null, delta: fullDelta(analysis) };
}

/** Lets queued promise callbacks and zero-delay timers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function setup() {
  const fake = new FakeWorker();
  const client = createAnalysisClient({ createWorker: () => fake });
  return { fake, client };
}

describe('analysis client with a worker', () => {
  it('posts the revision, the model and the changed ids, and resolves with a full reply', async () => {
    const { fake, client } = setup();
    const model = botModel();
    const pending = client.analyze(model, 1, new Set(['a', 'b']));
    expect(fake.posted).toEqual([{ type: 'analyze', revision: 1, seq: expect.any(Number), base: null, model, patch: null, changed: ['a', 'b'] }]);
    fake.reply(fullReply(fake, 0, emptyAnalysis('r1')));
    await expect(pending).resolves.toEqual(emptyAnalysis('r1'));
    expect(client.getMode()).toBe('worker');
  });

  it('sends null for a full analysis', () => {
    const { fake, client } = setup();
    void client.analyze(botModel(), 1, null);
    expect(fake.posted[0].changed).toBeNull();
  });

  it('drops a reply that a newer request superseded, then delivers the newer one', async () => {
    const { fake, client } = setup();
    const first = client.analyze(botModel(), 1, null);
    const second = client.analyze(botModel(), 2, ['x']);
    // One request in flight at a time: the second waits for the first reply.
    expect(fake.posted.map((m) => m.revision)).toEqual([1]);
    fake.reply(fullReply(fake, 0, emptyAnalysis('r1')));
    await expect(first).resolves.toBeNull();
    expect(fake.posted.map((m) => m.revision)).toEqual([1, 2]);
    expect(fake.posted[1].changed).toEqual(['x']);
    fake.reply(fullReply(fake, 1, emptyAnalysis('r2')));
    await expect(second).resolves.toEqual(emptyAnalysis('r2'));
  });

  it('merges requests made while one is in flight, uniting their changed ids', async () => {
    const { fake, client } = setup();
    void client.analyze(botModel(), 1, null);
    const second = client.analyze(botModel(), 2, ['a']);
    const third = client.analyze(botModel(), 3, ['b', 'a']);
    // The second was never sent and is already superseded.
    await expect(second).resolves.toBeNull();
    fake.reply(fullReply(fake, 0, emptyAnalysis('r1')));
    await settle();
    expect(fake.posted.map((m) => m.revision)).toEqual([1, 3]);
    expect([...(fake.posted[1].changed ?? [])].sort()).toEqual(['a', 'b']);
    fake.reply(fullReply(fake, 1, emptyAnalysis('r3')));
    await expect(third).resolves.toEqual(emptyAnalysis('r3'));
  });

  it('turns a merge with a full request into a full request', async () => {
    const { fake, client } = setup();
    void client.analyze(botModel(), 1, null);
    void client.analyze(botModel(), 2, null);
    void client.analyze(botModel(), 3, ['a']);
    fake.reply(fullReply(fake, 0, emptyAnalysis('r1')));
    await settle();
    expect(fake.posted[1]).toMatchObject({ revision: 3, changed: null });
  });

  it('ignores messages that are not replies to the request in flight', async () => {
    const { fake, client } = setup();
    const pending = client.analyze(botModel(), 5, null);
    fake.reply({ type: 'result', revision: 4, seq: 99, base: null, delta: fullDelta(emptyAnalysis('old')) });
    fake.reply({ type: 'result', revision: 5, analysis: emptyAnalysis('the old protocol') });
    fake.reply({ hello: 'extension' });
    fake.reply(fullReply(fake, 0, emptyAnalysis('r5')));
    await expect(pending).resolves.toEqual(emptyAnalysis('r5'));
  });

  it('rejects with the worker error message for the latest request', async () => {
    const { fake, client } = setup();
    const pending = client.analyze(botModel(), 1, null);
    fake.reply({ type: 'error', revision: 1, seq: fake.posted[0].seq, message: 'boom' });
    await expect(pending).rejects.toThrow('boom');
  });

  it('resolves pending calls with null on dispose and stops the worker', async () => {
    const { fake, client } = setup();
    const first = client.analyze(botModel(), 1, null);
    const second = client.analyze(botModel(), 2, null);
    client.dispose();
    await expect(first).resolves.toBeNull();
    await expect(second).resolves.toBeNull();
    expect(fake.terminated).toBe(true);
    await expect(client.analyze(botModel(), 3, null)).resolves.toBeNull();
    expect(client.getMode()).toBe('disposed');
  });
});

describe('analysis client fallback to the main thread', () => {
  it('falls back when the Worker constructor throws, with the same findings as analyze()', async () => {
    const client = createAnalysisClient({
      createWorker: () => {
        throw new Error('SecurityError: workers are not allowed');
      },
    });
    expect(client.getMode()).toBe('main-thread');
    const model = botModel();
    const result = await client.analyze(model, 1, null);
    const expected = analyze(model, getEnabledPacks(model));
    expect(expected.findings.length).toBeGreaterThan(0);
    expect(result).toEqual(expected);
  });

  it('falls back when no Worker exists at all (the default factory under Node)', async () => {
    const client = createAnalysisClient();
    expect(client.getMode()).toBe('main-thread');
    const model = botModel();
    expect(await client.analyze(model, 1, null)).toEqual(analyze(model, getEnabledPacks(model)));
  });

  it('falls back on an error event before the first reply and answers the request in flight', async () => {
    const { fake, client } = setup();
    const model = botModel();
    const pending = client.analyze(model, 1, null);
    fake.fail();
    expect(fake.terminated).toBe(true);
    expect(client.getMode()).toBe('main-thread');
    await expect(pending).resolves.toEqual(analyze(model, getEnabledPacks(model)));
    expect(fake.posted).toHaveLength(1);
  });

  it('answers only the latest of the requests pending at the failure', async () => {
    const { fake, client } = setup();
    const model = botModel();
    const first = client.analyze(model, 1, null);
    const second = client.analyze(model, 2, ['x']);
    fake.fail();
    await expect(first).resolves.toBeNull();
    await expect(second).resolves.toEqual(analyze(model, getEnabledPacks(model)));
  });

  it('keeps incremental results identical to a full analysis across edits', async () => {
    const client = createAnalysisClient({ createWorker: () => { throw new Error('no workers'); } });
    let model = botModel();
    await client.analyze(model, 1, null);
    const edits: { targetId: string; name: string; value: PropValue | undefined }[] = [
      { targetId: ids.bot, name: 'secretStorage', value: 'vault' },
      { targetId: ids.order, name: 'protocol', value: 'https' },
      { targetId: ids.bot, name: 'keyPermissions', value: ['read'] },
      { targetId: ids.order, name: 'authentication', value: undefined },
    ];
    let revision = 1;
    for (const edit of edits) {
      const next = applyOperation(model, { type: 'setProperty', ...edit });
      const result = await client.analyze(next, ++revision, changedIds(model, next));
      expect(result).toEqual(analyze(next, getEnabledPacks(next)));
      model = next;
    }
  });

  it('does not block: the fallback runs after the call returns', async () => {
    const client = createAnalysisClient({ createWorker: () => { throw new Error('no workers'); } });
    let done = false;
    const pending = client.analyze(botModel(), 1, null).then(() => (done = true));
    expect(done).toBe(false);
    await pending;
    expect(done).toBe(true);
  });
});
