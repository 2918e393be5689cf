// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/app/ErrorBoundary';
import { describeSaveStatus } from '../../src/app/SaveStatus';
import type { SessionStatus } from '../../src/app/editorSession';
import { createModel } from '../../src/model/document';
import { byTestId, click, queryTestId, render, type Rendered } from '../panels/dom';

const mounted: Rendered[] = [];
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
  vi.restoreAllMocks();
});

function Boom(): never {
  throw new Error('node renderer exploded');
}

describe('error boundary', () => {
  it('shows the error, a rescue export of the last document and a reload button', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const model = createModel({ name: 'Rescue me' });
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:rescue';
    });
    URL.revokeObjectURL = vi.fn();
    const r = render(
      <ErrorBoundary getLastDocument={() => model}>
        <Boom />
      </ErrorBoundary>,
    );
    mounted.push(r);
    expect(byTestId(r.container, 'crash-screen').textContent).toContain('Something went wrong');
    expect(byTestId(r.container, 'crash-error').textContent).toBe('node renderer exploded');
    expect(queryTestId(r.container, 'crash-reload')).not.toBeNull();
    click(byTestId(r.container, 'crash-export'));
    expect(created).toHaveLength(1);
  });

  it('offers no export when no model was open', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = render(
      <ErrorBoundary getLastDocument={() => null}>
        <Boom />
      </ErrorBoundary>,
    );
    mounted.push(r);
    expect(queryTestId(r.container, 'crash-export')).toBeNull();
  });
});

describe('save status text', () => {
  const base: SessionStatus = { save: { state: 'idle' }, conflict: null, analysisPending: false, analysisError: null, openElsewhere: false };
  const now = 1_700_000_000_000;

  it('says Saving…, Saved Ns ago, and Save failed with the reason', () => {
    expect(describeSaveStatus({ ...base, save: { state: 'pending' } }, now).text).toBe('Saving…');
    expect(describeSaveStatus({ ...base, save: { state: 'saving' } }, now).text).toBe('Saving…');
    expect(describeSaveStatus({ ...base, save: { state: 'saved', lastSavedAt: now - 2000 } }, now).text).toBe('Saved 2s ago');
    const failed = describeSaveStatus({ ...base, save: { state: 'error', error: { kind: 'quota', message: 'QuotaExceededError' } } }, now);
    expect(failed).toMatchObject({ state: 'error', failed: true });
    expect(failed.text).toBe('Save failed: storage full');
    const other = describeSaveStatus({ ...base, save: { state: 'error', error: { kind: 'unknown', message: 'disk on fire' } } }, now);
    expect(other.text).toBe('Save failed: disk on fire');
  });

  it('puts a conflict before anything else', () => {
    const view = describeSaveStatus({ ...base, conflict: 'remote', save: { state: 'saved', lastSavedAt: now } }, now);
    expect(view).toMatchObject({ state: 'conflict', failed: true });
  });
});
