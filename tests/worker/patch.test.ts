/**
 * Documents sent to the worker as patches: what a patch holds for each kind of edit, that applying it to a
 * structured clone (what the worker has) gives the new document exactly, and the resync path when the worker
 * does not hold the base.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/model/findings';
import type { ThreatModel } from '../../src/model/types';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { createEditorStore } from '../../src/store/editorStore';
import { createAnalysisClient } from '../../src/worker/client';
import { fullDelta } from '../../src/worker/delta';
import { applyModelPatch, diffModel } from '../../src/worker/patch';
import { createReplySession } from '../../src/worker/session';
import { FakeWorker } from './fakeWorker';
import { botModel, ids } from './factories';
import { SessionWorker } from './sessionWorker';

const expected = (model: ThreatModel): Analysis => analyze(model, getEnabledPacks(model));

function storeWith(model: ThreatModel) {
  const store = createEditorStore({ now: () => '2025-01-02T00:00:00.000Z' });
  store.getState().loadModel(model);
  return store;
}

const current = (store: ReturnType<typeof storeWith>): ThreatModel => store.getState().model!;

describe('diffModel and applyModelPatch', () => {
  it('sends a property edit as the one changed element', () => {
    const store = storeWith(botModel());
    const before = current(store);
    store.getState().setProperty(ids.bot, 'ipAllowlist', true);
    const patch = diffModel(before, current(store), 1);
    expect(patch.items.elements?.map(([index, item]) => [index, item.id])).toEqual([[0, ids.bot]]);
    expect(patch.items.flows).toBeUndefined();
    expect(Object.keys(patch.set).sort()).toEqual(['updatedAt']);
    expect(applyModelPatch(structuredClone(before), structuredClone(patch))).toEqual(current(store));
  });

  it('gives the new document exactly after every kind of edit', () => {
    const store = storeWith(botModel());
    const diagram = current(store).diagrams[0].id;
    const edits: (() => unknown)[] = [
      () => store.getState().setProperty(ids.order, 'protocol', 'https'),
      () => store.getState().updateItem(ids.venue, { name: 'Venue 2' }),
      () => store.getState().addElement('database', { x: 40, y: 40 }, diagram),
      () => store.getState().addBoundary('internet', { x: 0, y: 0 }, undefined, diagram),
      () => store.getState().removeItems([ids.secrets]),
      () => store.getState().setTriage(`STRIDE-S@${ids.bot}`, { status: 'accepted' }),
      () => store.getState().updateModel({ name: 'Renamed' }),
      () => store.getState().moveItems([{ id: ids.bot, position: { x: 300, y: 20 } }]),
      () => store.getState().undo(),
      () => store.getState().undo(),
      () => store.getState().redo(),
    ];
    let held = structuredClone(current(store));
    for (const edit of edits) {
      const before = current(store);
      edit();
      const after = current(store);
      expect(after).not.toBe(before);
      held = applyModelPatch(held, structuredClone(diffModel(before, after, 0)));
      expect(held).toEqual(after);
    }
  });

  it('refuses a patch that does not fit the model it is applied to', () => {
    const store = storeWith(botModel());
    const before = current(store);
    store.getState().setProperty(ids.bot, 'ipAllowlist', true);
    const patch = diffModel(before, current(store), 1);
    const other = { ...before, elements: before.elements.slice().reverse() };
    expect(() => applyModelPatch(other, patch)).toThrow(/does not fit elements/);
  });
});

describe('patches through the client and the worker session', () => {
  it('posts the first document whole and the next ones as patches, with exact results', async () => {
    const worker = new SessionWorker();
    const client = createAnalysisClient({ createWorker: () => worker });
    const store = storeWith(botModel());
    const initial = current(store);
    const first = client.analyze(initial, 1, null);
    worker.deliver();
    await expect(first).resolves.toEqual(expected(initial));
    const before = current(store);
    store.getState().setProperty(ids.bot, 'secretStorage', 'vault');
    const second = client.analyze(current(store), 2, [ids.bot]);
    worker.deliver();
    await expect(second).resolves.toEqual(expected(current(store)));
    expect(worker.requests[0]).toMatchObject({ patch: null });
    expect(worker.requests[0].model).toEqual(initial);
    expect(worker.requests[1]).toMatchObject({ model: null, patch: { base: worker.requests[0].seq } });
    expect(worker.requests[1].patch?.items.elements).toHaveLength(1);
    expect(before).not.toBe(current(store));
  });

  it('sends the whole document again, for a full analysis, when the worker does not hold the base', async () => {
    const fake = new FakeWorker();
    const client = createAnalysisClient({ createWorker: () => fake });
    const store = storeWith(botModel());
    const first = client.analyze(current(store), 1, null);
    fake.reply({ type: 'result', revision: 1, seq: fake.posted[0].seq, base: null, delta: fullDelta(expected(current(store))) });
    await first;
    store.getState().setProperty(ids.bot, 'secretStorage', 'vault');
    const second = client.analyze(current(store), 2, [ids.bot]);
    const seq = fake.posted[1].seq;
    expect(fake.posted[1].patch).not.toBeNull();
    fake.reply({ type: 'resync', revision: 2, seq });
    expect(fake.posted[2]).toMatchObject({ seq, model: current(store), patch: null, changed: null, base: null });
    fake.reply({ type: 'result', revision: 2, seq, base: null, delta: fullDelta(expected(current(store))) });
    await expect(second).resolves.toEqual(expected(current(store)));
  });

  it('answers resync to a patch whose base it does not hold, then takes a whole model', () => {
    const session = createReplySession();
    const model = botModel();
    const patch = diffModel(model, { ...model, name: 'x' }, 41);
    expect(session.answer({ type: 'analyze', revision: 1, seq: 42, base: null, model: null, patch, changed: null })).toEqual({ type: 'resync', revision: 1, seq: 42 });
    expect(session.answer({ type: 'analyze', revision: 1, seq: 42, base: null, model, patch: null, changed: null })).toMatchObject({ type: 'result', seq: 42 });
  });
});
