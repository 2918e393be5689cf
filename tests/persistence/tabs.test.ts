import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createTabCoordinator,
  parseTabMessage,
  TAB_CHANNEL_NAME,
  type RemoteOpen,
  type RemoteSave,
  type TabCoordinator,
} from '../../src/persistence/tabs';

const open: { close(): void }[] = [];
function coordinator(tabId: string): TabCoordinator {
  const c = createTabCoordinator(tabId);
  open.push(c);
  return c;
}

afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** BroadcastChannel delivers asynchronously; give it a few turns of the event loop. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 5));
}

function nextCall<T>(subscribe: (cb: (m: T) => void) => () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message arrived')), 2_000);
    const off = subscribe((m) => {
      clearTimeout(timer);
      off();
      resolve(m);
    });
  });
}

describe('tab coordination over BroadcastChannel', () => {
  it('tells another tab that a model was saved, with the new saveCount', async () => {
    const tabA = coordinator('tab-a');
    const tabB = coordinator('tab-b');
    const received = nextCall<RemoteSave>((cb) => tabB.onRemoteSave('m1', cb));

    tabA.announceSaved('m1', 4);

    expect(await received).toEqual({ type: 'saved', modelId: 'm1', saveCount: 4, tabId: 'tab-a' });
  });

  it('tells another tab that a model was opened', async () => {
    const tabA = coordinator('tab-a');
    const tabB = coordinator('tab-b');
    const received = nextCall<RemoteOpen>((cb) => tabB.onRemoteOpen('m1', cb));

    tabA.announceOpen('m1');

    expect(await received).toEqual({ type: 'opened', modelId: 'm1', tabId: 'tab-a' });
  });

  it('delivers only to subscribers of that model, never back to the sender', async () => {
    const tabA = coordinator('tab-a');
    const tabB = coordinator('tab-b');
    const ownEcho = vi.fn();
    const otherModel = vi.fn();
    const openOnSameModel = vi.fn();
    tabA.onRemoteSave('m1', ownEcho);
    tabB.onRemoteSave('m2', otherModel);
    tabB.onRemoteOpen('m1', openOnSameModel);
    const received = nextCall<RemoteSave>((cb) => tabB.onRemoteSave('m1', cb));

    tabA.announceSaved('m1', 2);
    await received;
    await settle();

    expect(ownEcho).not.toHaveBeenCalled();
    expect(otherModel).not.toHaveBeenCalled();
    expect(openOnSameModel).not.toHaveBeenCalled();
  });

  it('ignores its own tabId even when it arrives from another channel object', async () => {
    const tabB = coordinator('tab-b');
    const raw = new BroadcastChannel(TAB_CHANNEL_NAME);
    const callback = vi.fn();
    tabB.onRemoteSave('m1', callback);
    try {
      raw.postMessage({ type: 'saved', modelId: 'm1', saveCount: 3, tabId: 'tab-b' });
      await settle();
    } finally {
      raw.close();
    }
    expect(callback).not.toHaveBeenCalled();
  });

  it('drops malformed messages from the channel', async () => {
    const tabB = coordinator('tab-b');
    const saves = vi.fn();
    const opens = vi.fn();
    tabB.onRemoteSave('m1', saves);
    tabB.onRemoteOpen('m1', opens);
    const raw = new BroadcastChannel(TAB_CHANNEL_NAME);
    try {
      raw.postMessage('saved m1');
      raw.postMessage({ type: 'saved', modelId: 'm1', tabId: 'x' });
      raw.postMessage({ type: 'saved', modelId: 'm1', saveCount: '3', tabId: 'x' });
      raw.postMessage({ type: 'deleted', modelId: 'm1', tabId: 'x' });
      raw.postMessage({ type: 'opened', modelId: 42, tabId: 'x' });
      raw.postMessage({ type: 'saved', modelId: 'm1', saveCount: 5, tabId: 'valid' });
      await settle();
    } finally {
      raw.close();
    }
    expect(opens).not.toHaveBeenCalled();
    expect(saves).toHaveBeenCalledTimes(1);
    expect(saves).toHaveBeenCalledWith({ type: 'saved', modelId: 'm1', saveCount: 5, tabId: 'valid' });
  });

  it('stops delivering after unsubscribe and after close', async () => {
    const tabA = coordinator('tab-a');
    const tabB = coordinator('tab-b');
    const unsubscribed = vi.fn();
    const off = tabB.onRemoteSave('m1', unsubscribed);
    off();
    const closedTab = createTabCoordinator('tab-c');
    const afterClose = vi.fn();
    closedTab.onRemoteSave('m1', afterClose);
    closedTab.close();
    const received = nextCall<RemoteSave>((cb) => tabB.onRemoteSave('m1', cb));

    tabA.announceSaved('m1', 9);
    await received;
    await settle();

    expect(unsubscribed).not.toHaveBeenCalled();
    expect(afterClose).not.toHaveBeenCalled();
    // Announcing on a closed coordinator is harmless.
    expect(() => closedTab.announceSaved('m1', 10)).not.toThrow();
  });

  it('works as a no-op without BroadcastChannel', () => {
    const solo = createTabCoordinator('solo', { channel: null });
    const cb = vi.fn();
    solo.onRemoteSave('m1', cb);
    expect(() => solo.announceSaved('m1', 1)).not.toThrow();
    solo.close();
    expect(cb).not.toHaveBeenCalled();
  });
});

describe('parseTabMessage', () => {
  it('accepts the two message shapes and nothing else', () => {
    expect(parseTabMessage({ type: 'opened', modelId: 'm', tabId: 't', extra: 1 })).toEqual({
      type: 'opened',
      modelId: 'm',
      tabId: 't',
    });
    expect(parseTabMessage({ type: 'saved', modelId: 'm', tabId: 't', saveCount: 0 })).toMatchObject({ saveCount: 0 });
    expect(parseTabMessage({ type: 'saved', modelId: 'm', tabId: 't', saveCount: -1 })).toBeNull();
    expect(parseTabMessage({ type: 'saved', modelId: 'm', tabId: 't', saveCount: 1.5 })).toBeNull();
    expect(parseTabMessage(null)).toBeNull();
    expect(parseTabMessage([])).toBeNull();
  });
});
