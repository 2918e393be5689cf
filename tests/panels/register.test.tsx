// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/findings';
import type { Severity } from '../../src/model/types';
import { buildNameIndex } from '../../src/panels/lookup';
import { buildRows, countRows, createRowMemo, filterRows, sortRows, type RowFilter } from '../../src/panels/register/registerRows';
import { REGISTER_PAGE, ThreatRegister } from '../../src/panels/register/ThreatRegister';
import { EditorStoreProvider } from '../../src/store/context';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { makeElement, makeFlow, makeManualThreat, makeModel } from '../factories/model';
import { byTestId, click, makeFinding, queryTestId, render, type, type Rendered } from './dom';

const ids = { api: 'api', db: 'db', client: 'client', flow: 'client->api' } as const;

function sampleModel() {
  return makeModel({
    elements: [
      makeElement({ id: ids.client, type: 'browser', name: 'Browser' }),
      makeElement({ id: ids.api, type: 'apiGateway', name: 'API gateway' }),
      makeElement({ id: ids.db, type: 'database', name: 'Orders DB' }),
    ],
    flows: [makeFlow(ids.client, ids.api, { name: '' })],
    manualThreats: [makeManualThreat({ id: 'm1', targetId: ids.db, title: 'Backup theft', severity: 'high', stride: 'I', status: 'open' })],
    triage: { [`AUTH-02@${ids.flow}`]: { status: 'mitigated', justification: 'fixed', updatedAt: '2025-01-01T00:00:00Z', mitigations: {} } },
  });
}

const findings: Finding[] = [
  makeFinding({ ruleId: 'AUTH-02', targetId: ids.flow, severity: 'medium', stride: 'ST', packId: 'trading', references: [{ type: 'OWASP-API-2023', id: 'API2:2023' }] }),
  makeFinding({ ruleId: 'API1', targetId: ids.api, severity: 'critical', stride: 'E', packId: 'owasp-api', title: 'Broken object level authorisation', references: [{ type: 'OWASP-API-2023', id: 'API1:2023' }] }),
  makeFinding({ ruleId: 'STORE-1', targetId: ids.db, severity: 'low', stride: 'I', packId: 'stride', confidence: 'unverified' }),
];

const noFilter: RowFilter = { severity: [], status: [], stride: [], pack: [], owasp: [], search: '', element: '', showByDesign: true };

describe('register rows', () => {
  const model = sampleModel();
  const mitigated = [{ id: 'TLS-1@client->api', ruleId: 'TLS-1', packId: 'stride', targetId: ids.flow, title: 'Plain HTTP', controls: [{ property: 'protocol', value: 'https' }] }];
  const rows = buildRows(model, findings, mitigated, buildNameIndex(model));

  it('flattens findings, manual threats and by-design rules with status from triage and names for targets', () => {
    expect(rows.map((r) => [r.id, r.source, r.status])).toEqual([
      ['AUTH-02@client->api', 'finding', 'mitigated'],
      ['API1@api', 'finding', 'open'],
      ['STORE-1@db', 'finding', 'open'],
      ['m1', 'manual', 'open'],
      ['TLS-1@client->api', 'design', 'mitigated'],
    ]);
    expect(rows[0].targetName).toBe('Browser → API gateway');
    expect(rows[4].byDesign).toBe('protocol = https');
  });

  it('filters by severity, status, STRIDE letter, pack, OWASP id, element and search text', () => {
    const pick = (f: Partial<RowFilter>) => filterRows(rows, { ...noFilter, ...f }).map((r) => r.id);
    expect(pick({ severity: ['critical', 'high'] })).toEqual(['API1@api', 'm1']);
    expect(pick({ status: ['open'] })).toEqual(['API1@api', 'STORE-1@db', 'm1']);
    expect(pick({ stride: ['I'] })).toEqual(['STORE-1@db', 'm1']);
    expect(pick({ pack: ['owasp-api'] })).toEqual(['API1@api']);
    expect(pick({ owasp: ['API2:2023'] })).toEqual(['AUTH-02@client->api']);
    expect(pick({ element: ids.db })).toEqual(['STORE-1@db', 'm1']);
    expect(pick({ search: 'ORDERS db' })).toEqual(['STORE-1@db', 'm1']);
    expect(pick({ showByDesign: false })).not.toContain('TLS-1@client->api');
  });

  it('sorts by any column with a total order, and counts open threats by severity', () => {
    expect(sortRows(rows, 'severity', 'desc').map((r) => r.severity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect(sortRows(rows, 'target', 'asc')[0].targetName).toBe('API gateway');
    const counts = countRows(rows);
    expect(counts).toEqual({ total: 4, open: 3, bySeverity: { critical: 1, high: 1, medium: 0, low: 1, info: 0 } });
  });

  it('keeps unchanged rows, and the whole list, when the same findings arrive again as new objects', () => {
    const names = buildNameIndex(model);
    const again = buildRows(model, findings.map((f) => ({ ...f, references: [...f.references] })), mitigated, names, rows);
    expect(again).toBe(rows);
    const changed = buildRows(model, findings.map((f) => (f.ruleId === 'API1' ? { ...f, severity: 'high' as const } : { ...f })), mitigated, names, rows);
    expect(changed).not.toBe(rows);
    expect(changed.map((r, i) => r === rows[i])).toEqual([true, false, true, true, true]);
    expect(changed[1].severity).toBe('high');
  });

  it('takes rows from the memo for the same finding objects, and rebuilds those whose triage or name changed', () => {
    const names = buildNameIndex(model);
    const memo = createRowMemo();
    const first = buildRows(model, findings, mitigated, names, undefined, memo);
    expect(buildRows(model, findings, mitigated, buildNameIndex(model), first, memo)).toBe(first);
    const triaged = { ...model, triage: { ...model.triage, [findings[0].id]: { status: 'accepted' as const, justification: 'ok', updatedAt: '2025-01-01T00:00:00.000Z', mitigations: {} } } };
    const afterTriage = buildRows(triaged, findings, mitigated, names, first, memo);
    expect(afterTriage[0]).not.toBe(first[0]);
    expect(afterTriage[0].status).toBe('accepted');
    expect(afterTriage.slice(1).every((r, i) => r === first[i + 1])).toBe(true);
    const renamed = { ...triaged, elements: triaged.elements.map((e) => (e.id === findings[1].targetId ? { ...e, name: 'Renamed' } : e)) };
    const afterRename = buildRows(renamed, findings, mitigated, buildNameIndex(renamed), afterTriage, memo);
    const onRenamed = afterRename.filter((r) => r.targetId === findings[1].targetId);
    expect(onRenamed.length).toBeGreaterThan(0);
    expect(onRenamed.every((r) => r.targetName === 'Renamed')).toBe(true);
    expect(afterRename).toEqual(buildRows(renamed, findings, mitigated, buildNameIndex(renamed)));
  });

  it('sorts exactly as comparing the texts with the locale collator would', () => {
    const words = ['alpha', 'Alpha', 'beta', 'Rule 10', 'Rule 9', 'rule 9', 'Zulu', 'éclair', 'eclair', ''];
    const severities: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...rows[i % 3],
      id: `row-${(i * 37) % 120}`,
      severity: severities[(i * 7) % 5],
      title: words[(i * 3) % words.length],
      targetName: words[(i * 5) % words.length],
      packId: words[(i * 11) % words.length],
      ruleId: words[(i * 13) % words.length],
      stride: ['S', 'TI', 'E', ''][i % 4],
      owasp: i % 4 === 0 ? [] : [`API${(i % 10) + 1}:2023`],
    }));
    const rank = { critical: 4, high: 3, medium: 2, low: 1, info: 0 } as const;
    const text = (key: string, a: (typeof many)[number], b: (typeof many)[number]): number => {
      switch (key) {
        case 'severity':
          return rank[a.severity] - rank[b.severity];
        case 'stride':
          return a.stride.localeCompare(b.stride);
        case 'title':
          return a.title.localeCompare(b.title);
        case 'target':
          return a.targetName.localeCompare(b.targetName);
        case 'pack':
          return a.packId.localeCompare(b.packId);
        case 'rule':
          return a.ruleId.localeCompare(b.ruleId, undefined, { numeric: true });
        default:
          return (a.owasp[0] ?? '').localeCompare(b.owasp[0] ?? '', undefined, { numeric: true });
      }
    };
    for (const key of ['severity', 'stride', 'title', 'target', 'pack', 'rule', 'owasp'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const sign = dir === 'asc' ? 1 : -1;
        const expected = many
          .slice()
          .sort((a, b) => sign * text(key, a, b) || rank[b.severity] - rank[a.severity] || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(sortRows(many, key, dir).map((r) => r.id), `${key} ${dir}`).toEqual(expected.map((r) => r.id));
      }
    }
  });
});

/** Sets findings and waits for the register, which takes them up when the page is idle (next task in jsdom). */
async function setFindingsAndSettle(store: EditorStore, findings: Finding[]): Promise<void> {
  act(() => store.getState().setFindings({ findings, mitigated: [], problems: [] }));
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

describe('<ThreatRegister />', () => {
  let store: EditorStore;
  let view: Rendered;
  beforeEach(() => {
    store = createEditorStore();
    store.getState().loadModel(sampleModel());
    view = render(
      <EditorStoreProvider store={store}>
        <ThreatRegister />
      </EditorStoreProvider>,
    );
  });
  afterEach(() => view.unmount());

  it('takes new findings up when the page is idle, not within the edit', async () => {
    act(() => store.getState().setFindings({ findings, mitigated: [], problems: [] }));
    expect(queryTestId(view.container, 'register-row-API1@api')).toBeNull();
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    expect(queryTestId(view.container, 'register-row-API1@api')).not.toBeNull();
  });

  it('selects the target of a clicked row', async () => {
    await setFindingsAndSettle(store, findings);
    click(byTestId(view.container, 'register-row-API1@api'));
    expect(store.getState().selection).toEqual([ids.api]);
    expect(store.getState().ui.focusRequest?.id).toBe(ids.api);
  });

  it('renders a page of rows out of thousands, with show more, and filters through the store', async () => {
    const severities: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
    const many = Array.from({ length: 1500 }, (_, i) =>
      makeFinding({ ruleId: `R-${i}`, targetId: ids.api, severity: severities[i % 5], title: `Threat number ${i}` }),
    );
    await setFindingsAndSettle(store, many);
    const bodyRows = () => view.container.querySelectorAll('tbody tr').length;
    expect(byTestId(view.container, 'register-count-total').textContent).toBe('1501');
    expect(bodyRows()).toBe(REGISTER_PAGE);
    click(byTestId(view.container, 'register-show-more'));
    expect(bodyRows()).toBe(2 * REGISTER_PAGE);

    click(byTestId(view.container, 'register-filter-severity-critical'));
    expect(store.getState().ui.registerFilters.severity).toEqual(['critical']);
    // 300 critical findings: a new filter starts from the first page again.
    expect(bodyRows()).toBe(REGISTER_PAGE);
    expect(queryTestId(view.container, 'register-show-more')).toBeNull();

    type(byTestId<HTMLInputElement>(view.container, 'register-search'), 'number 1495');
    expect(bodyRows()).toBe(1);
    expect(queryTestId(view.container, 'register-row-R-1495@api')).not.toBeNull();
  });

  it('sorts when a header is clicked and says so with aria-sort', async () => {
    await setFindingsAndSettle(store, findings);
    click(byTestId(view.container, 'register-sort-title'));
    const th = byTestId(view.container, 'register-sort-title').closest('th')!;
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    const titles = Array.from(view.container.querySelectorAll('tbody tr td.rp-register-title')).map((td) => td.textContent);
    expect(titles[0]).toContain('Backup theft');
  });
});
