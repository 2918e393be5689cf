// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThreatBadge } from '../../src/canvas/ThreatBadge';
import { getPropertyDecls } from '../../src/model/properties';
import { Inspector } from '../../src/panels/inspector/Inspector';
import { ThreatRegister } from '../../src/panels/register/ThreatRegister';
import { EditorStoreProvider } from '../../src/store/context';
import { createEditorStore, initialUi, type EditorStore } from '../../src/store/editorStore';
import { toSession } from '../../src/store/stateTable';
import { makeElement, makeFlow, makeManualThreat, makeModel } from '../factories/model';
import { byTestId, click, keyDown, makeFinding, queryTestId, render, type Rendered } from './dom';

const ids = { bot: 'bot', exchange: 'exchange', flow: 'bot->exchange' } as const;

// On the bot: one high confirmed finding, one critical finding the analyst accepted (closed), one low unverified
// finding; one open medium manual threat and one mitigated critical manual threat (closed).
const findings = [
  makeFinding({ ruleId: 'KEY-01', targetId: ids.bot, severity: 'high', title: 'Withdraw permission on a trading key' }),
  makeFinding({ ruleId: 'KEY-02', targetId: ids.bot, severity: 'critical', title: 'Key in plain text' }),
  makeFinding({ ruleId: 'KEY-03', targetId: ids.bot, severity: 'low', confidence: 'unverified', title: 'No IP allow-list' }),
  makeFinding({ ruleId: 'TLS-01', targetId: ids.flow, severity: 'medium', confidence: 'unverified', title: 'TLS not verified' }),
];
const KEY01 = `KEY-01@${ids.bot}`;
const KEY03 = `KEY-03@${ids.bot}`;
const TLS01 = `TLS-01@${ids.flow}`;

let store: EditorStore;
let view: Rendered;
/** Each scrollTo call: which box scrolled, and to where. */
let scrolls: { box: Element; top: number }[];

function tab(name: 'threats' | 'properties'): HTMLButtonElement {
  return byTestId<HTMLButtonElement>(view.container, `inspector-tab-${name}`);
}
/** jsdom lays nothing out: give one element a place on screen. */
function placeAt(el: HTMLElement, top: number): void {
  el.getBoundingClientRect = () => ({ top, bottom: top + 100, left: 0, right: 300, width: 300, height: 100, x: 0, y: top, toJSON: () => ({}) });
}
function panelOf(t: HTMLButtonElement): HTMLElement {
  const panel = document.getElementById(t.getAttribute('aria-controls')!);
  if (!panel) throw new Error('aria-controls names no element');
  return panel;
}

beforeEach(() => {
  // jsdom has no element scrolling: record the calls instead.
  scrolls = [];
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    scrolls.push({ box: this, top: typeof options === 'object' ? (options.top ?? 0) : 0 });
  };
  store = createEditorStore({ now: () => '2025-01-01T00:00:00.000Z' });
  store.getState().loadModel(
    makeModel({
      elements: [makeElement({ id: ids.bot, type: 'tradingBot', name: 'Bot' }), makeElement({ id: ids.exchange, type: 'exchange', name: 'Exchange' })],
      flows: [makeFlow(ids.bot, ids.exchange, { name: 'Orders' })],
      manualThreats: [
        makeManualThreat({ id: 'm-open', targetId: ids.bot, title: 'Insider runs the bot', severity: 'medium', status: 'open' }),
        makeManualThreat({ id: 'm-closed', targetId: ids.bot, title: 'Stolen laptop', severity: 'critical', status: 'mitigated' }),
      ],
      triage: { [`KEY-02@${ids.bot}`]: { status: 'accepted', justification: 'Venue limit', updatedAt: '2025-01-01T00:00:00Z', mitigations: {} } },
    }),
  );
  act(() => store.getState().setFindings({ findings, mitigated: [], problems: [] }));
  view = render(
    <EditorStoreProvider store={store}>
      {/* Stands in for the app's inspector area, the box that scrolls. */}
      <div data-testid="inspector-area" style={{ overflowY: 'auto' }}>
        <Inspector />
      </div>
      <ThreatRegister />
      <ThreatBadge targetId={ids.bot} />
    </EditorStoreProvider>,
  );
});
afterEach(() => {
  view.unmount();
  delete (Element.prototype as Partial<Element>).scrollTo;
});

describe('inspector tabs', () => {
  it('keep the head visible and show Properties by default, with the other panel hidden', () => {
    expect(initialUi().inspectorTab).toBe('properties');
    act(() => store.getState().select([ids.bot]));
    expect(byTestId(view.container, 'inspector-name')).toBeTruthy();
    expect(tab('properties').getAttribute('aria-selected')).toBe('true');
    expect(tab('threats').getAttribute('aria-selected')).toBe('false');
    expect(panelOf(tab('properties')).hidden).toBe(false);
    expect(panelOf(tab('threats')).hidden).toBe(true);
    expect(panelOf(tab('properties')).contains(byTestId(view.container, 'property-form'))).toBe(true);
    expect(panelOf(tab('threats')).contains(byTestId(view.container, `finding-${KEY01}`))).toBe(true);
    expect(panelOf(tab('threats')).contains(byTestId(view.container, 'manual-threats'))).toBe(true);
  });

  it('wire tabs and panels for assistive technology', () => {
    act(() => store.getState().select([ids.bot]));
    const list = view.container.querySelector('[data-testid="inspector"] [role="tablist"]')!;
    expect(list.getAttribute('aria-label')).toBeTruthy();
    for (const t of [tab('threats'), tab('properties')]) {
      expect(t.getAttribute('role')).toBe('tab');
      const panel = panelOf(t);
      expect(panel.getAttribute('role')).toBe('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).toBe(t.id);
    }
    // Roving tab index: only the selected tab is in the page's tab order.
    expect(tab('properties').tabIndex).toBe(0);
    expect(tab('threats').tabIndex).toBe(-1);
  });

  it('count open findings and open manual threats, with a dot in the worst open severity', () => {
    act(() => store.getState().select([ids.bot]));
    // KEY-01 (high), KEY-03 (low) and the open manual threat (medium); the accepted and mitigated ones are closed.
    expect(tab('threats').textContent).toContain('Threats (3)');
    expect(byTestId(tab('threats'), 'inspector-tab-threats-dot').dataset.severity).toBe('high');

    act(() => store.getState().setTriage(KEY01, { status: 'mitigated' }));
    expect(tab('threats').textContent).toContain('Threats (2)');
    expect(byTestId(tab('threats'), 'inspector-tab-threats-dot').dataset.severity).toBe('medium');

    act(() => store.getState().select([ids.exchange]));
    expect(tab('threats').textContent).toContain('Threats (0)');
    expect(queryTestId(tab('threats'), 'inspector-tab-threats-dot')).toBeNull();
  });

  it('count the declared properties that are set', () => {
    act(() => store.getState().select([ids.bot]));
    const bot = () => store.getState().model!.elements.find((e) => e.id === ids.bot)!;
    const decls = getPropertyDecls(bot().kind);
    const setCount = () => decls.filter((d) => bot().props[d.name] !== undefined).length;
    expect(bot().props.riskControls).toBeUndefined();
    const before = setCount();
    expect(tab('properties').textContent).toBe(`Properties (${before}/${decls.length} set)`);
    click(byTestId(view.container, 'prop-riskControls-no'));
    expect(tab('properties').textContent).toBe(`Properties (${before + 1}/${decls.length} set)`);
  });

  it('remember the last choice across selections', () => {
    act(() => store.getState().select([ids.bot]));
    click(tab('threats'));
    expect(store.getState().ui.inspectorTab).toBe('threats');
    act(() => store.getState().select([ids.flow]));
    expect(tab('threats').getAttribute('aria-selected')).toBe('true');
    expect(panelOf(tab('threats')).contains(byTestId(view.container, `finding-${TLS01}`))).toBe(true);
    expect(toSession(store.getState()).ui?.inspectorTab).toBe('threats');
  });

  it('move and select with the arrow keys, Home and End, wrapping around', () => {
    act(() => store.getState().select([ids.bot]));
    keyDown(tab('properties'), 'ArrowRight');
    expect(store.getState().ui.inspectorTab).toBe('threats');
    expect(document.activeElement).toBe(tab('threats'));
    keyDown(tab('threats'), 'ArrowLeft');
    expect(store.getState().ui.inspectorTab).toBe('properties');
    expect(document.activeElement).toBe(tab('properties'));
    keyDown(tab('properties'), 'Home');
    expect(store.getState().ui.inspectorTab).toBe('threats');
    keyDown(tab('threats'), 'End');
    expect(store.getState().ui.inspectorTab).toBe('properties');
    keyDown(tab('properties'), 'a');
    expect(store.getState().ui.inspectorTab).toBe('properties');
  });
});

describe('focusing a threat', () => {
  it('from a register row selects the target, shows Threats and scrolls only the inspector area to that finding', () => {
    act(() => store.getState().select([ids.bot]));
    placeAt(byTestId(view.container, `finding-${KEY01}`), 300);
    placeAt(byTestId(view.container, `finding-${KEY03}`), 700);
    placeAt(byTestId(view.container, 'manual-threat-m-open'), 900);
    const area = byTestId(view.container, 'inspector-area');

    click(byTestId(view.container, `register-row-${KEY03}`));
    expect(store.getState().selection).toEqual([ids.bot]);
    expect(store.getState().ui.focusRequest).toMatchObject({ id: ids.bot, findingId: KEY03 });
    expect(tab('threats').getAttribute('aria-selected')).toBe('true');
    // The card's top lands a few pixels under the top of the area (the tab list has no height in jsdom).
    expect(scrolls).toEqual([{ box: area, top: 694 }]);

    // The same row again scrolls again; a manual threat row scrolls to its entry.
    click(byTestId(view.container, `register-row-${KEY03}`));
    expect(scrolls).toHaveLength(2);
    click(byTestId(view.container, 'register-row-m-open'));
    expect(scrolls[2]).toEqual({ box: area, top: 894 });

    // Coming back to the item later (the request is still in the store) does not jump again.
    act(() => store.getState().select([]));
    act(() => store.getState().select([ids.bot]));
    expect(scrolls).toHaveLength(3);
  });

  it('without a finding id shows Threats and leaves the scroll alone', () => {
    act(() => store.getState().select([ids.bot]));
    act(() => store.getState().focusTarget(ids.flow));
    expect(store.getState().ui.inspectorTab).toBe('threats');
    expect(store.getState().ui.focusRequest).toEqual({ id: ids.flow, nonce: 1 });
    expect(tab('threats').getAttribute('aria-selected')).toBe('true');
    expect(scrolls).toEqual([]);
  });

  it("from a node's badge selects the node and shows Threats; a modifier click leaves the selection to the canvas", () => {
    act(() => store.getState().select([ids.flow]));
    const badge = byTestId(view.container, `badge-${ids.bot}`);
    act(() => badge.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true })));
    expect(store.getState().selection).toEqual([ids.flow]);
    expect(store.getState().ui.inspectorTab).toBe('threats');

    act(() => store.getState().setUi({ inspectorTab: 'properties' }));
    click(badge);
    expect(store.getState().selection).toEqual([ids.bot]);
    expect(tab('threats').getAttribute('aria-selected')).toBe('true');
  });
});
