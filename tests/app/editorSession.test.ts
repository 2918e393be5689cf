import { afterEach, describe, expect, it } from 'vitest';
import { createEditorSession, type EditorSession, type EditorSessionOptions } from '../../src/app/editorSession';
import { TEMPLATES } from '../../src/app/templates/index';
import type { Analysis } from '../../src/model/findings';
import type { ThreatModel } from '../../src/model/types';
import { createTabCoordinator, type ChannelLike } from '../../src/persistence/tabs';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import type { AnalysisClient } from '../../src/worker/client';
import { openTestDb, type TestDb } from './helpers';

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** Analyses at once on the main thread, recording what it was asked. */
function engineClient(calls: { revision: number; changed: string[] | null }[] = []): AnalysisClient {
  return {
    analyze(model, revision, changed) {
      calls.push({ revision, changed: changed === null ? null : [...changed] });
      return Promise.resolve(analyze(model, getEnabledPacks(model)));
    },
    getMode: () => 'main-thread',
    dispose: () => undefined,
  };
}

/** Replies only when the test says so, to replay late and out-of-order answers. */
function manualClient() {
  const pending: { revision: number; resolve: (a: Analysis | null) => void }[] = [];
  const client: AnalysisClient = {
    analyze: (_model, revision) => new Promise((resolve) => pending.push({ revision, resolve })),
    getMode: () => 'worker',
    dispose: () => undefined,
  };
  return { client, pending };
}

const marker = (id: string): Analysis => ({ findings: [], mitigated: [], problems: [{ packId: id, ruleId: '', message: id }] });

const opened: TestDb[] = [];
const sessions: EditorSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.dispose();
  for (const t of opened.splice(0)) await t.close();
});

async function start(overrides: Partial<EditorSessionOptions> = {}) {
  const t = openTestDb();
  opened.push(t);
  const model = TEMPLATES.find((x) => x.id === 'trading-bot')!.build();
  const saveCount = await t.repository.createModel(model);
  const session = createEditorSession({
    model,
    saveCount,
    repository: t.repository,
    createClient: () => engineClient(),
    lifecycleTarget: null,
    autosaveDelayMs: 10,
    ...overrides,
  });
  sessions.push(session);
  return { ...t, model, session, store: session.store };
}

const botOf = (model: ThreatModel | null) => model!.elements.find((e) => e.type === 'tradingBot')!;

async function storedModel(t: TestDb, id: string): Promise<ThreatModel> {
  const loaded = await t.repository.loadModel(id);
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.model;
}

describe('editor session: autosave', () => {
  it('saves document changes, and whenIdle resolves once they are stored and analysed', async () => {
    const t = await start();
    const bot = botOf(t.store.getState().model);
    t.store.getState().setProperty(bot.id, 'ipAllowlist', true);
    expect(t.session.getStatus().save.state).toBe('pending');
    await t.session.whenIdle();
    expect(botOf(await storedModel(t, t.model.id)).props.ipAllowlist).toBe(true);
    expect(t.session.getStatus()).toMatchObject({ analysisPending: false, conflict: null });
    expect(t.session.getStatus().save.state).toBe('saved');
  });

  it('does not save selection or ui changes', async () => {
    const t = await start();
    await t.session.whenIdle();
    t.store.getState().select([botOf(t.store.getState().model).id]);
    t.store.getState().setUi({ registerOpen: false });
    expect(t.session.getStatus().save.state).toBe('idle');
    await settle();
    const listed = await t.repository.listModels();
    expect(listed[0].saveCount).toBe(1);
  });

  it('flushes pending edits and keeps a revision when disposed', async () => {
    const t = await start({ autosaveDelayMs: 60_000 });
    t.store.getState().updateModel({ name: 'Renamed before closing' });
    await t.session.dispose();
    expect((await storedModel(t, t.model.id)).name).toBe('Renamed before closing');
    const revisions = await t.repository.listRevisions(t.model.id);
    expect(revisions.map((r) => r.name)).toEqual(['Renamed before closing']);
  });
});

describe('editor session: analysis', () => {
  it('sends a full analysis first, then the ids each change touched', async () => {
    const calls: { revision: number; changed: string[] | null }[] = [];
    const t = await start({ createClient: () => engineClient(calls) });
    const bot = botOf(t.store.getState().model);
    t.store.getState().setProperty(bot.id, 'ipAllowlist', true);
    await t.session.whenIdle();
    expect(calls[0].changed).toBeNull();
    expect(calls[1].changed).toContain(bot.id);
    expect(calls[1].revision).toBe(t.store.getState().revision);
    expect(t.store.getState().findings.length).toBeGreaterThan(0);
  });

  it('applies a reply only if it belongs to the latest revision', async () => {
    const manual = manualClient();
    const t = await start({ createClient: () => manual.client });
    const bot = botOf(t.store.getState().model);
    t.store.getState().setProperty(bot.id, 'ipAllowlist', true);
    t.store.getState().setProperty(bot.id, 'ipAllowlist', false);
    const latest = t.store.getState().revision;
    expect(manual.pending.map((p) => p.revision)).toEqual([latest - 2, latest - 1, latest]);

    manual.pending[2].resolve(marker('latest'));
    await settle(0);
    manual.pending[1].resolve(marker('stale'));
    await settle(0);
    expect(t.store.getState().analysisProblems.map((p) => p.message)).toEqual(['latest']);
    expect(t.session.getStatus().analysisPending).toBe(false);
  });

  it('keeps whenIdle waiting while analysis lags behind the document', async () => {
    const manual = manualClient();
    const t = await start({ createClient: () => manual.client });
    let idle = false;
    void t.session.whenIdle().then(() => (idle = true));
    await settle();
    expect(idle).toBe(false);
    manual.pending[0].resolve(marker('first'));
    await settle();
    expect(idle).toBe(true);
  });
});

describe('editor session: another tab', () => {
  it('refuses to overwrite a model another tab saved, and offers reload or keep-mine', async () => {
    const t = await start();
    await t.session.whenIdle();
    // Another tab writes this model behind our back.
    await t.repository.saveModel({ ...t.model, name: 'Theirs' });
    t.store.getState().updateModel({ name: 'Mine' });
    await expect(t.session.whenIdle()).rejects.toThrow(/another tab/);
    expect(t.session.getStatus().conflict).toBe('refused');
    expect((await storedModel(t, t.model.id)).name).toBe('Theirs');

    // Edits while in conflict are not saved either.
    t.store.getState().updateModel({ name: 'Mine again' });
    await settle();
    expect((await storedModel(t, t.model.id)).name).toBe('Theirs');

    const copyId = await t.session.keepMineAsCopy();
    expect(copyId).not.toBe(t.model.id);
    expect((await storedModel(t, copyId)).name).toBe('Mine again (my copy)');

    expect(await t.session.reloadFromStorage()).toEqual({ ok: true });
    expect(t.store.getState().model!.name).toBe('Theirs');
    expect(t.session.getStatus().conflict).toBeNull();
    t.store.getState().updateModel({ name: 'After reload' });
    await t.session.whenIdle();
    expect((await storedModel(t, t.model.id)).name).toBe('After reload');
  });

  it('follows another tab quietly when nothing is unsaved here, and stops when something is', async () => {
    const listeners = new Set<(event: MessageEvent) => void>();
    const bus = (): ChannelLike => {
      const mine = new Set<(event: MessageEvent) => void>();
      return {
        postMessage: (data) => {
          for (const l of listeners) if (!mine.has(l)) l({ data } as MessageEvent);
        },
        addEventListener: (_type, l) => {
          mine.add(l);
          listeners.add(l);
        },
        removeEventListener: (_type, l) => {
          mine.delete(l);
          listeners.delete(l);
        },
        close: () => undefined,
      };
    };
    const here = createTabCoordinator('here', { channel: bus() });
    const there = createTabCoordinator('there', { channel: bus() });
    const t = await start({ coordinator: here, autosaveDelayMs: 10 });
    await t.session.whenIdle();

    const theirs = await t.repository.saveModel({ ...t.model, name: 'Edited elsewhere' });
    there.announceSaved(t.model.id, theirs);
    await settle();
    expect(t.store.getState().model!.name).toBe('Edited elsewhere');
    expect(t.session.getStatus().conflict).toBeNull();

    // Now with an edit of our own still waiting for its debounce.
    const slow = await start({ coordinator: here, autosaveDelayMs: 60_000 });
    await slow.session.whenIdle().catch(() => undefined);
    slow.store.getState().updateModel({ name: 'Unsaved here' });
    const count = await slow.repository.saveModel({ ...slow.model, name: 'Saved there' });
    there.announceSaved(slow.model.id, count);
    await settle();
    expect(slow.session.getStatus().conflict).toBe('remote');
    expect(slow.store.getState().model!.name).toBe('Unsaved here');
    expect((await storedModel(slow, slow.model.id)).name).toBe('Saved there');
  });
});

describe('editor session: history', () => {
  it('restores a stored version as one undoable step', async () => {
    const t = await start();
    const original = t.store.getState().model!;
    const bot = botOf(original);
    t.store.getState().setProperty(bot.id, 'ipAllowlist', true);
    t.store.getState().updateModel({ name: 'Edited' });
    const edited = t.store.getState().model!;

    expect(t.session.restoreVersion({ ...original, id: 'some-other-id' })).toBe(true);
    const restored = t.store.getState().model!;
    expect(restored.id).toBe(original.id);
    expect(restored.name).toBe(original.name);
    expect(botOf(restored).props.ipAllowlist).toBeUndefined();

    t.store.getState().undo();
    expect(t.store.getState().model!.name).toBe(edited.name);
    expect(botOf(t.store.getState().model).props.ipAllowlist).toBe(true);
    await t.session.whenIdle();
    expect((await storedModel(t, original.id)).name).toBe('Edited');
  });
});
