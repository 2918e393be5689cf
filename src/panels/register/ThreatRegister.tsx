import '../panels.css';
import { memo, useCallback, useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import type { Id } from '../../model/types';
import { useEditor } from '../../store/context';
import type { RegisterFilters } from '../../store/types';
import { useActions, useIdleValue } from '../hooks';
import { buildNameIndex } from '../lookup';
import { SeverityChip, StrideLetters } from '../ui/SeverityChip';
import { statusLabel } from '../ui/StatusSelect';
import { RegisterFilterBar } from './RegisterFilters';
import { buildRows, compareText, countRows, createRowMemo, distinct, filterRows, sortRows, type RegisterRow, type SortDir, type SortKey } from './registerRows';

/** Rows rendered per page: enough to scroll, few enough that 5,000 findings never stall a keystroke. */
export const REGISTER_PAGE = 300;

const EMPTY_FILTERS: RegisterFilters = { severity: [], status: [], stride: [], pack: [], owasp: [], search: '' };

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'severity', label: 'Severity' },
  { key: 'status', label: 'Status' },
  { key: 'stride', label: 'STRIDE' },
  { key: 'title', label: 'Threat' },
  { key: 'target', label: 'Element' },
  { key: 'pack', label: 'Pack' },
  { key: 'rule', label: 'Rule' },
  { key: 'owasp', label: 'OWASP API' },
];

const Row = memo(function Row({ row, selected, onActivate }: { row: RegisterRow; selected: boolean; onActivate: (row: RegisterRow) => void }) {
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(row);
    }
  };
  const unverified = row.confidence === 'unverified';
  return (
    <tr
      className={`rp-register-row${unverified ? ' rp-row-unverified' : ''}${selected ? ' rp-row-selected' : ''}`}
      data-testid={`register-row-${row.id}`}
      data-source={row.source}
      data-severity={row.severity}
      data-status={row.status}
      data-selected={selected || undefined}
      tabIndex={0}
      onClick={() => onActivate(row)}
      onKeyDown={onKeyDown}
    >
      <td>{row.source === 'design' ? <span className="rp-by-design-tag">By design</span> : <SeverityChip severity={row.severity} unverified={unverified} />}</td>
      <td>{row.source === 'design' ? `Mitigated by design: ${row.byDesign}` : statusLabel(row.status)}</td>
      <td>{row.stride ? <StrideLetters stride={row.stride} /> : null}</td>
      <td className="rp-register-title">
        {row.title}
        {unverified ? <span className="rp-muted"> (unverified)</span> : null}
      </td>
      <td>{row.targetName}</td>
      <td>{row.packId}</td>
      <td>{row.ruleId}</td>
      <td>{row.owasp.join(', ')}</td>
    </tr>
  );
});

interface TargetOption {
  id: Id;
  name: string;
}

/** Ids of the targets that have rows, in first-seen order. */
function targetIds(rows: readonly RegisterRow[]): Id[] {
  const seen = new Set<Id>();
  for (const r of rows) if (r.targetId) seen.add(r.targetId);
  return [...seen];
}

const sameIds = (a: readonly Id[], b: readonly Id[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface ThreatRegisterProps {
  /** Show a header button that collapses the register to its header (default true). */
  collapsible?: boolean;
}

/**
 * Every finding, manual threat and rule mitigated by design in one sortable, filterable table. A row click
 * selects its target on the canvas (switching diagram and zooming). Filters other than the element live in
 * the store's session state, so they survive a reload.
 */
export function ThreatRegister({ collapsible = true }: ThreatRegisterProps) {
  // The register follows edits and analysis when the browser is idle: bringing thousands of rows up to date must
  // not come between an edit and its canvas, badges and inspector (or a keystroke), nor hold up the reply of
  // the analysis that follows the edit.
  const liveModel = useEditor((s) => s.model);
  const liveFindings = useEditor((s) => s.findings);
  const liveMitigated = useEditor((s) => s.mitigated);
  const live = useMemo(() => ({ model: liveModel, findings: liveFindings, mitigated: liveMitigated }), [liveModel, liveFindings, liveMitigated]);
  const { model, findings, mitigated } = useIdleValue(live);
  const filters = useEditor((s) => s.ui.registerFilters);
  const open = useEditor((s) => s.ui.registerOpen);
  const selectedId = useEditor((s) => (s.selection.length === 1 ? s.selection[0] : null));
  const { setUi, focusTarget } = useActions();

  const [element, setElement] = useState<Id>('');
  const [showByDesign, setShowByDesign] = useState(true);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'severity', dir: 'desc' });
  const [limit, setLimit] = useState(REGISTER_PAGE);

  // Rows are rebuilt when the model or the findings change, but a row whose finding, triage and target name are
  // unchanged is taken from the memo as is, and when no row changed the previous array comes back: a property
  // edit then costs the register a pass over the findings and nothing downstream. Only changed rows re-render.
  const names = useMemo(() => buildNameIndex(model), [model]);
  const [cache] = useState(() => ({ rows: [] as RegisterRow[], memo: createRowMemo(), targets: [] as TargetOption[], targetIds: [] as Id[] }));
  const rows = useMemo(() => (cache.rows = buildRows(model, findings, mitigated, names, cache.rows, cache.memo)), [cache, model, findings, mitigated, names]);
  const counts = useMemo(() => countRows(rows), [rows]);
  const packs = useMemo(() => distinct(rows, (r) => r.packId), [rows]);
  const owasp = useMemo(() => distinct(rows, (r) => r.owasp), [rows]);
  // The element filter's options: sorted again only when the targets or their names changed.
  const targets = useMemo(() => {
    const ids = targetIds(rows);
    const unchanged = sameIds(ids, cache.targetIds) && cache.targets.every((t) => t.name === (names.get(t.id) ?? t.id));
    if (!unchanged) {
      cache.targets = ids.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => compareText(a.name, b.name));
      cache.targetIds = ids;
    }
    return cache.targets;
  }, [cache, rows, names]);

  const criteria = useMemo(() => ({ ...filters, element, showByDesign }), [filters, element, showByDesign]);
  // Typing in the search box stays responsive: filtering a large register runs at lower priority.
  const deferred = useDeferredValue(criteria);
  const visible = useMemo(() => sortRows(filterRows(rows, deferred), sort.key, sort.dir), [rows, deferred, sort]);

  // A new filter or sort starts from the first page again.
  const [pageKey, setPageKey] = useState({ deferred, sort });
  if (pageKey.deferred !== deferred || pageKey.sort !== sort) {
    setPageKey({ deferred, sort });
    setLimit(REGISTER_PAGE);
  }

  const onFilters = useCallback((patch: Partial<RegisterFilters>) => setUi({ registerFilters: { ...filters, ...patch } }), [setUi, filters]);
  const onActivate = useCallback((row: RegisterRow) => row.targetId && focusTarget(row.targetId, row.id), [focusTarget]);
  const onSort = (key: SortKey) =>
    setSort((prev) => (prev.key === key ? { key, dir: prev.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'severity' ? 'desc' : 'asc' }));

  const shown = visible.slice(0, limit);

  return (
    <section className="rp-panel rp-register" aria-label="Threat register" data-testid="threat-register">
      <header className="rp-register-head">
        <h2 className="rp-panel-title">Threat register</h2>
        <p className="rp-register-counts" data-testid="register-counts" aria-live="polite">
          <span data-testid="register-count-total">{counts.total}</span> threats, <span data-testid="register-count-open">{counts.open}</span> open
          {(['critical', 'high', 'medium', 'low', 'info'] as const).map((sev) =>
            counts.bySeverity[sev] ? (
              <span key={sev} className="rp-register-count-sev" data-testid={`register-count-${sev}`}>
                {' '}
                <SeverityChip severity={sev} /> {counts.bySeverity[sev]}
              </span>
            ) : null,
          )}
          {visible.length !== rows.length ? <span data-testid="register-count-shown"> · {visible.length} match the filters</span> : null}
        </p>
        {collapsible ? (
          <button type="button" className="rp-button rp-button-small" aria-expanded={open} data-testid="register-toggle" onClick={() => setUi({ registerOpen: !open })}>
            {open ? 'Hide' : 'Show'}
          </button>
        ) : null}
      </header>
      {!collapsible || open ? (
        <>
          <RegisterFilterBar
            filters={filters}
            onChange={onFilters}
            element={element}
            onElement={setElement}
            showByDesign={showByDesign}
            onShowByDesign={setShowByDesign}
            packs={packs}
            owasp={owasp}
            targets={targets}
            onClear={() => {
              setUi({ registerFilters: EMPTY_FILTERS });
              setElement('');
            }}
          />
          <div className="rp-register-scroll">
            <table className="rp-table" data-testid="register-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                      <button type="button" className="rp-sort" data-testid={`register-sort-${c.key}`} onClick={() => onSort(c.key)}>
                        {c.label}
                        <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <Row key={r.id} row={r} selected={r.targetId !== null && r.targetId === selectedId} onActivate={onActivate} />
                ))}
              </tbody>
            </table>
            {visible.length === 0 ? (
              <p className="rp-empty" data-testid="register-empty">
                {rows.length === 0 ? 'No threats yet. Draw elements and flows, or add a manual threat.' : 'No threat matches these filters.'}
              </p>
            ) : null}
          </div>
          {visible.length > limit ? (
            <button type="button" className="rp-button" data-testid="register-show-more" onClick={() => setLimit((n) => n + REGISTER_PAGE)}>
              Show more ({visible.length - limit} more)
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
