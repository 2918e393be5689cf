// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/findings';
import { EditorStoreProvider } from '../../src/store/context';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { Inspector } from '../../src/panels/inspector/Inspector';
import { makeElement, makeFlow, makeModel } from '../factories/model';
import { blur, byTestId, click, makeFinding, queryTestId, render, selectOption, type, type Rendered } from './dom';

const ids = { bot: 'bot', exchange: 'exchange', flow: 'bot->exchange', db: 'db' } as const;

let store: EditorStore;
let view: Rendered;

function element(id: string) {
  return store.getState().model!.elements.find((e) => e.id === id)!;
}
function flow() {
  return store.getState().model!.flows.find((f) => f.id === ids.flow)!;
}
function setFindings(findings: Finding[]) {
  act(() => store.getState().setFindings({ findings, mitigated: [], problems: [] }));
}

beforeEach(() => {
  store = createEditorStore({ now: () => '2025-01-01T00:00:00.000Z' });
  store.getState().loadModel(
    makeModel({
      elements: [
        makeElement({ id: ids.bot, type: 'tradingBot', name: 'Bot' }),
        makeElement({ id: ids.exchange, type: 'exchange', name: 'Exchange' }),
        makeElement({ id: ids.db, type: 'legacyMainframe', kind: 'store', name: 'Mainframe' }),
      ],
      flows: [makeFlow(ids.bot, ids.exchange, { name: 'Orders' })],
    }),
  );
  view = render(
    <EditorStoreProvider store={store}>
      <Inspector />
    </EditorStoreProvider>,
  );
});
afterEach(() => view.unmount());

describe('Inspector with nothing selected', () => {
  it('edits the model fields and summarises it', () => {
    const c = view.container;
    expect(byTestId(c, 'summary-elements').textContent).toBe('3');
    expect(byTestId(c, 'summary-flows').textContent).toBe('1');
    const name = byTestId<HTMLInputElement>(c, 'inspector-model-name');
    type(name, 'Bot to exchange');
    blur(name);
    expect(store.getState().model!.name).toBe('Bot to exchange');
  });
});

describe('Inspector for one element', () => {
  it('renames on blur as one undo step, and sets typed properties', () => {
    act(() => store.getState().select([ids.bot]));
    const c = view.container;
    const name = byTestId<HTMLInputElement>(c, 'inspector-name');
    expect(name.value).toBe('Bot');
    type(name, 'Market maker');
    type(name, 'Market maker bot');
    blur(name);
    expect(element(ids.bot).name).toBe('Market maker bot');
    expect(store.getState().past).toHaveLength(1);

    click(byTestId(c, 'prop-riskControls-no'));
    expect(element(ids.bot).props.riskControls).toBe(false);
    click(byTestId(c, 'prop-riskControls-unknown'));
    expect('riskControls' in element(ids.bot).props).toBe(false);
    expect(store.getState().past).toHaveLength(3);
  });

  it('offers the stencil kinds and the types of that kind; an unknown type is shown as it is', () => {
    act(() => store.getState().select([ids.exchange]));
    const kind = byTestId<HTMLSelectElement>(view.container, 'inspector-kind');
    expect(Array.from(kind.options).map((o) => o.value)).toEqual(['actor', 'process']);
    selectOption(kind, 'process');
    expect(element(ids.exchange).kind).toBe('process');

    act(() => store.getState().select([ids.db]));
    const type = byTestId<HTMLSelectElement>(view.container, 'inspector-type');
    expect(type.value).toBe('legacyMainframe');
    expect(type.options[0].textContent).toContain('unknown type');
    expect(byTestId(view.container, 'property-form').dataset.target).toBe('store');
  });

  it('shows a count and a hint for a multi-selection', () => {
    act(() => store.getState().select([ids.bot, ids.exchange]));
    expect(byTestId(view.container, 'inspector-multi-count').textContent).toBe('2 items selected');
    expect(queryTestId(view.container, 'property-form')).toBeNull();
  });
});

describe('Inspector findings', () => {
  const finding = makeFinding({
    ruleId: 'KEY-01',
    targetId: ids.flow,
    severity: 'high',
    stride: 'SI',
    confidence: 'unverified',
    evidence: [
      { targetId: ids.bot, targetName: 'Bot', property: 'secretStorage', value: null, unknown: true },
      // The flow's own property: no target named, as the engine writes it.
      { property: 'protocol', value: 'https', unknown: false },
    ],
    mitigations: [
      {
        key: 'vault',
        text: 'Keep the key in a vault and verify TLS.',
        controls: [
          { property: 'secretStorage', value: 'vault' },
          { property: 'tlsVerify', value: true },
        ],
      },
    ],
    references: [
      { type: 'CWE', id: 'CWE-798' },
      { type: 'DOC', id: 'Evil', url: 'javascript:alert(1)' },
    ],
  });

  beforeEach(() => {
    setFindings([finding]);
    act(() => store.getState().select([ids.flow]));
    click(byTestId(view.container, 'inspector-tab-threats'));
  });

  it('lists the finding with severity, STRIDE, unverified reason, evidence and safe links, none behind a click', () => {
    const card = byTestId(view.container, `finding-${finding.id}`);
    expect(card.closest<HTMLElement>('[role="tabpanel"]')!.hidden).toBe(false);
    expect(card.dataset.severity).toBe('high');
    const head = card.querySelector('header')!;
    expect(head.querySelector('[data-testid="stride"]')?.getAttribute('data-stride')).toBe('SI');
    expect(byTestId(head, 'severity-chip').dataset.severity).toBe('high');
    expect(byTestId(head, `finding-${finding.id}-confidence`).textContent).toBe('Unverified');
    expect(byTestId(card, `finding-${finding.id}-unverified`).textContent).toContain('secretStorage) of Bot');
    const evidence = byTestId(card, `finding-${finding.id}-evidence`).textContent;
    expect(evidence).toContain('Bot: secretStorage is unknown');
    expect(evidence).toContain('protocol = https');
    expect(evidence).not.toContain('undefined');
    expect(card.querySelector('details')).toBeNull();
    const links = Array.from(card.querySelectorAll('a'));
    expect(links).toHaveLength(1);
    expect(links[0].href).toBe('https://cwe.mitre.org/data/definitions/798.html');
    expect(links[0].rel).toBe('noopener noreferrer');
    expect(links[0].target).toBe('_blank');
    expect(card.textContent).toContain('Evil');
  });

  it('mitigates by setting each control on the right target, in one undo step', () => {
    const before = store.getState().past.length;
    const button = byTestId<HTMLButtonElement>(view.container, `mitigate-${finding.id}-vault`);
    expect(button.textContent).toContain('secretStorage = vault on Bot');
    click(button);
    expect(element(ids.bot).props.secretStorage).toBe('vault');
    expect(flow().props.tlsVerify).toBe(true);
    expect(store.getState().past.length).toBe(before + 1);
    act(() => store.getState().undo());
    expect(element(ids.bot).props.secretStorage).toBeUndefined();
    expect(flow().props.tlsVerify).toBeUndefined();
  });

  it('records triage: status on change, justification and owner on blur', () => {
    selectOption(byTestId<HTMLSelectElement>(view.container, `triage-status-${finding.id}`), 'accepted');
    expect(store.getState().model!.triage[finding.id].status).toBe('accepted');
    const just = byTestId<HTMLTextAreaElement>(view.container, `triage-justification-${finding.id}`);
    type(just, 'Key is read-only at the venue');
    blur(just);
    const owner = byTestId<HTMLInputElement>(view.container, `triage-owner-${finding.id}`);
    type(owner, 'alice');
    blur(owner);
    const entry = store.getState().model!.triage[finding.id];
    expect(entry).toMatchObject({ status: 'accepted', justification: 'Key is read-only at the venue', owner: 'alice' });
    expect(byTestId(view.container, `finding-${finding.id}`).dataset.status).toBe('accepted');
  });

  it('adds, edits and deletes a manual threat on the selection', () => {
    click(byTestId(view.container, 'manual-add'));
    type(byTestId<HTMLInputElement>(view.container, 'manual-title'), 'Insider replays orders');
    selectOption(byTestId<HTMLSelectElement>(view.container, 'manual-severity'), 'critical');
    click(byTestId(view.container, 'manual-stride-R'));
    click(byTestId(view.container, 'manual-save'));
    const threats = store.getState().model!.manualThreats;
    expect(threats).toHaveLength(1);
    expect(threats[0]).toMatchObject({ targetId: ids.flow, title: 'Insider replays orders', severity: 'critical', stride: 'R' });

    click(byTestId(view.container, `manual-edit-${threats[0].id}`));
    type(byTestId<HTMLInputElement>(view.container, 'manual-title'), 'Insider replays signed orders');
    click(byTestId(view.container, 'manual-save'));
    expect(store.getState().model!.manualThreats[0].title).toBe('Insider replays signed orders');

    click(byTestId(view.container, `manual-delete-${threats[0].id}`));
    expect(store.getState().model!.manualThreats).toHaveLength(0);
  });
});
