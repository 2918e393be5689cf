import { startTransition, useEffect, useState } from 'react';
import { useEditorApi } from '../store/context';
import type { EditorActions, EditorState } from '../store/types';

/**
 * The store's actions, without subscribing to any state: zustand creates the action functions once, so the
 * returned object's members keep their identity and are safe in dependency lists.
 */
export function useActions(): EditorActions {
  return useEditorApi().getState();
}

/** Reads the current state at event time (for handlers that need the document but should not re-render). */
export function useGetState(): () => EditorState {
  return useEditorApi().getState;
}

/**
 * `value` as it was when the browser last had nothing else to do: a new value is taken up in an idle callback
 * (or after `timeoutMs` at the latest), at transition priority. For views that are expensive to bring up to date
 * and need not be current within the frame, so that the edit an analyst just made, and its badges and inspector,
 * are drawn first. Without `requestIdleCallback` (jsdom) the new value comes in the next task.
 */
export function useIdleValue<T>(value: T, timeoutMs = 250): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    const take = () => startTransition(() => setShown(() => value));
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(take, { timeout: timeoutMs });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(take, 0);
    return () => clearTimeout(timer);
  }, [value, shown, timeoutMs]);
  return shown;
}
