/**
 * Which editor session is on screen, for the parts of the app that live outside React's tree: the automation
 * hook (window.rampart) and the crash screen's rescue export. The editor screen registers its session after the
 * editor has rendered, so "shown" means the analyst can see it.
 */
import type { ThreatModel } from '../model/types';
import type { EditorSession } from './editorSession';

let active: EditorSession | null = null;
interface Waiter {
  modelId: string;
  resolve: (session: EditorSession) => void;
  reject: (error: Error) => void;
}
let waiters: Waiter[] = [];

export function setActiveSession(session: EditorSession | null): void {
  active = session;
  if (!session) return;
  const ready = waiters.filter((w) => w.modelId === session.modelId);
  waiters = waiters.filter((w) => w.modelId !== session.modelId);
  for (const w of ready) w.resolve(session);
}

/** Clears the registration only if it is still this session (a newer editor may have registered already). */
export function clearActiveSession(session: EditorSession): void {
  if (active === session) active = null;
}

export function getActiveSession(): EditorSession | null {
  return active;
}

/** Resolves when an editor for `modelId` is on screen; rejects if that model fails to open. */
export function waitForSession(modelId: string): Promise<EditorSession> {
  if (active?.modelId === modelId) return Promise.resolve(active);
  return new Promise((resolve, reject) => waiters.push({ modelId, resolve, reject }));
}

/** The editor could not open `modelId`: whoever waits for it hears why. */
export function reportOpenFailure(modelId: string, reason: string): void {
  const failed = waiters.filter((w) => w.modelId === modelId);
  waiters = waiters.filter((w) => w.modelId !== modelId);
  for (const w of failed) w.reject(new Error(`This model could not be opened: ${reason}`));
}

/** The open document as the editor holds it now: the crash screen exports it. */
export function getLastDocument(): ThreatModel | null {
  return active?.store.getState().model ?? null;
}
