import { useEffect, useState, useSyncExternalStore } from 'react';
import type { EditorSession, SessionStatus } from './editorSession';

export function useSessionStatus(session: EditorSession): SessionStatus {
  return useSyncExternalStore(session.subscribe, session.getStatus, session.getStatus);
}

/** The current time, refreshed every `intervalMs` while `active`: for "saved 5 s ago" labels. */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
