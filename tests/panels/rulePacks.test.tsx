// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPropertyDecl } from '../../src/model/properties';
import { RulePacksView, type PackData, type RuleData, type RulesApi, type RuleValidationProblem } from '../../src/panels/rules/RulePacksView';
import { EditorStoreProvider } from '../../src/store/context';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { makeElement, makeFlow, makeModel } from '../factories/model';
import { byTestId, click, fire, flush, makeFinding, queryTestId, render, selectOption, type, type Rendered } from './dom';

const builtin: PackData = {
  id: 'stride',
  name: 'STRIDE baseline',
  version: '1.0.0',
  rules: [
    { id: 'STR-01', title: 'Unencrypted flow', description: '', stride: 'I', appliesTo: ['flow'], when: 'off(self.encryptedInTransit)', severity: 'high', mitigations: [], references: [] },
    { id: 'STR-02', title: 'No logging', description: '', stride: 'R', appliesTo: ['process'], when: "self.logging == 'none'", severity: 'low', mitigations: [], references: [] },
  ],
};

/** A stand-in for the engine: `self.<name>` must be a declared property; preview fires once per flow. */
function fakeApi(): RulesApi {
  return {
    builtinPacks: [builtin],
    validateRule(rule: RuleData): RuleValidationProblem[] {
      const problems: RuleValidationProblem[] = [];
      for (const m of rule.when.matchAll(/self\.(\w+)/g)) {
        if (!getPropertyDecl(m[1])) problems.push({ message: `unknown property '${m[1]}'`, position: m.index + 5 });
      }
      return problems;
    },
    preview: (rule, model) => model.flows.map((f) => makeFinding({ ruleId: rule.id, targetId: f.id, severity: rule.severity })),
    parsePack(text: string) {
      try {
        const pack = JSON.parse(text) as PackData;
        return { pack, problems: [] };
      } catch {
        return { error: 'not JSON' };
      }
    },
  };
}

let store: EditorStore;
let view: Rendered;
const settings = () => store.getState().model!.rulePacks;

beforeEach(() => {
  store = createEditorStore();
  store.getState().loadModel(
    makeModel({
      elements: [makeElement({ id: 'a', type: 'tradingBot' }), makeElement({ id: 'b', type: 'exchange' })],
      flows: [makeFlow('a', 'b')],
    }),
  );
  view = render(
    <EditorStoreProvider store={store}>
      <RulePacksView api={fakeApi()} />
    </EditorStoreProvider>,
  );
});
afterEach(() => {
  view.unmount();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('<RulePacksView /> switches', () => {
  it('turns a pack and a single rule off and on, one document change each', () => {
    const c = view.container;
    expect(byTestId<HTMLInputElement>(c, 'pack-toggle-stride').checked).toBe(true);
    click(byTestId(c, 'pack-toggle-stride'));
    expect(settings().enabled).not.toContain('stride');
    click(byTestId(c, 'pack-toggle-stride'));
    expect(settings().enabled).toContain('stride');

    click(byTestId(c, 'rule-toggle-STR-02'));
    expect(settings().disabledRules).toEqual(['STR-02']);
    expect(byTestId<HTMLInputElement>(c, 'rule-toggle-STR-02').checked).toBe(false);
    click(byTestId(c, 'rule-toggle-STR-02'));
    expect(settings().disabledRules).toEqual([]);
    expect(store.getState().past).toHaveLength(4);
  });
});

describe('<RulePacksView /> custom rule editor', () => {
  function fill(fields: Record<string, string>) {
    for (const [id, value] of Object.entries(fields)) type(byTestId<HTMLInputElement | HTMLTextAreaElement>(view.container, id), value);
  }

  it('validates live with a caret under the error, previews, and saves into a new custom pack', async () => {
    vi.useFakeTimers();
    const c = view.container;
    click(byTestId(c, 'rule-new'));
    fill({ 'rule-id': 'CUST-01', 'rule-title': 'TLS not verified', 'rule-stride': 'st', 'rule-when': 'off(self.tlsVerfy)' });
    const problems = byTestId(c, 'rule-when-problems');
    expect(problems.textContent).toContain("at 9: unknown property 'tlsVerfy'");
    expect(byTestId(c, 'rule-when-caret').textContent).toBe('off(self.tlsVerfy)\n         ^');
    expect(byTestId(c, 'rule-preview').textContent).toContain('Fix the condition');

    fill({ 'rule-when': 'off(self.tlsVerify)' });
    expect(queryTestId(c, 'rule-when-problems')).toBeNull();
    expect(byTestId(c, 'rule-status').dataset.valid).toBe('true');
    await act(async () => {
      vi.advanceTimersByTime(400);
    });
    expect(byTestId(c, 'rule-preview-count').textContent).toBe('Matches 1 item(s).');
    expect(queryTestId(c, 'rule-preview-item-CUST-01@a->b')).not.toBeNull();

    selectOption(byTestId<HTMLSelectElement>(c, 'rule-severity'), 'high');
    fill({ 'rule-mitigations': '[{"key":"verify","text":"Verify TLS","controls":[{"property":"tlsVerify","value":true}]}]' });
    click(byTestId(c, 'rule-save'));
    const custom = settings().custom;
    expect(custom).toHaveLength(1);
    expect(custom[0].id).toBe('custom');
    expect(custom[0].rules).toEqual([
      {
        id: 'CUST-01',
        title: 'TLS not verified',
        description: '',
        stride: 'ST',
        appliesTo: ['flow'],
        when: 'off(self.tlsVerify)',
        severity: 'high',
        mitigations: [{ key: 'verify', text: 'Verify TLS', controls: [{ property: 'tlsVerify', value: true }] }],
        references: [],
      },
    ]);
    expect(settings().enabled).toContain('custom');
    expect(queryTestId(c, 'rule-editor')).toBeNull();
    expect(queryTestId(c, 'rule-custom-CUST-01')).not.toBeNull();
  });

  it('refuses an id another pack uses and JSON that does not parse, pointing at the position', () => {
    const c = view.container;
    click(byTestId(c, 'rule-new'));
    fill({ 'rule-id': 'STR-01', 'rule-title': 'Dup', 'rule-stride': 'S', 'rule-when': 'on(self.mfa)', 'rule-mitigations': '[{"key": }]' });
    expect(byTestId(c, 'rule-id-problems').textContent).toContain('already used in STRIDE baseline');
    expect(byTestId(c, 'rule-mitigations-problems').textContent).toContain('invalid JSON');
    expect(byTestId<HTMLButtonElement>(c, 'rule-save').disabled).toBe(true);
  });

  it('shows a broken custom rule’s error from the analysis, next to the rule', () => {
    const c = view.container;
    click(byTestId(c, 'rule-new'));
    fill({ 'rule-id': 'CUST-09', 'rule-title': 'Broken', 'rule-stride': 'T', 'rule-when': 'self.nope == 1' });
    // A rule whose condition does not check can still be saved; the engine reports and skips it.
    expect(byTestId(c, 'rule-save').textContent).toBe('Save with error');
    click(byTestId(c, 'rule-save'));
    act(() => store.getState().setFindings({ findings: [], mitigated: [], problems: [{ packId: 'custom', ruleId: 'CUST-09', message: "unknown property 'nope'", position: 5 }] }));
    expect(byTestId(c, 'rule-problem-CUST-09').textContent).toContain("at 5: unknown property 'nope'");
  });
});

describe('<RulePacksView /> files', () => {
  function chooseFile(text: string, name = 'pack.json') {
    const input = byTestId<HTMLInputElement>(view.container, 'pack-import-input');
    Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
    fire(input, new Event('change', { bubbles: true }));
  }

  it('imports a pack as an enabled custom pack, and shows a parse error in an alert', async () => {
    const pack: PackData = { id: 'desk', name: 'Desk rules', version: '2.0.0', rules: [{ ...builtin.rules[0], id: 'DESK-1' }] };
    chooseFile(JSON.stringify(pack));
    await flush();
    expect(settings().custom.map((p) => p.id)).toEqual(['desk']);
    expect(settings().enabled).toContain('desk');
    expect(byTestId(view.container, 'rule-packs-notice').textContent).toContain('Imported Desk rules (1 rules)');

    chooseFile('{ nope', 'bad.json');
    await flush();
    expect(byTestId(view.container, 'pack-import-error').textContent).toBe('bad.json: not JSON');
  });

  it('exports a pack as a JSON download through an object URL', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    click(byTestId(view.container, 'pack-export-stride'));
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(JSON.parse(await blobs[0].text())).toEqual(builtin);
  });
});
