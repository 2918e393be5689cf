/** Listens for the keyboard shortcuts of shortcuts.ts while the canvas is mounted, except while typing. */
import { useEffect } from 'react';
import type { EditorStore } from '../store/editorStore';
import { findShortcut, isTypingTarget } from './shortcuts';

export function useShortcuts(store: EditorStore, fitView: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      const shortcut = findShortcut(event);
      if (!shortcut) return;
      // Let the browser copy text the user has selected on the page (a finding's description, say).
      if (shortcut.id === 'copy' && (window.getSelection()?.toString() ?? '') !== '') return;
      // Another dialog has the keyboard (the shortcut list handles its own keys).
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      shortcut.run({ store, fitView });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, fitView]);
}
