/**
 * Minimal DOM helpers for panel tests under jsdom: no testing library is installed, so render with
 * react-dom/client inside act(), and drive controlled inputs the way React listens for them.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Finding } from '../../src/model/findings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  rerender(ui: ReactNode): void;
  unmount(): void;
}

export function render(ui: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  return {
    container,
    root,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Escapes a string for use inside a double-quoted attribute selector (jsdom has no CSS.escape). */
export function attr(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

export function byTestId<T extends HTMLElement = HTMLElement>(scope: ParentNode, id: string): T {
  const el = scope.querySelector<T>(`[data-testid="${attr(id)}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export function queryTestId<T extends HTMLElement = HTMLElement>(scope: ParentNode, id: string): T | null {
  return scope.querySelector<T>(`[data-testid="${attr(id)}"]`);
}

export function click(el: HTMLElement): void {
  act(() => el.click());
}

/** Types into a controlled input or textarea (React tracks the value through the native setter). */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    // Typing happens in a focused field; blur() is a no-op on a field that never had focus.
    if (document.activeElement !== el) el.focus();
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function selectOption(el: HTMLSelectElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Dispatches any event inside act (file inputs' change, say). */
export function fire(el: HTMLElement, event: Event): void {
  act(() => {
    el.dispatchEvent(event);
  });
}

export function focus(el: HTMLElement): void {
  act(() => el.focus());
}

export function blur(el: HTMLElement): void {
  act(() => el.blur());
}

export function keyDown(el: HTMLElement, key: string, init: KeyboardEventInit = {}): void {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

/** Lets pending promises (fake async APIs) settle inside act. */
export async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}

export function makeFinding(overrides: Partial<Finding> & { ruleId: string; targetId: string }): Finding {
  return {
    id: `${overrides.ruleId}@${overrides.targetId}`,
    packId: 'stride',
    targetKind: 'flow',
    severity: 'medium',
    baseSeverity: overrides.severity ?? 'medium',
    severityAdjustments: [],
    stride: 'T',
    title: `Finding ${overrides.ruleId}`,
    description: 'Why it matters.',
    mitigations: [],
    references: [],
    evidence: [],
    confidence: 'confirmed',
    ...overrides,
  };
}
