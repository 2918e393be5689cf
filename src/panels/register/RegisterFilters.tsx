import { useId } from 'react';
import { SEVERITIES, THREAT_STATUSES, type Id } from '../../model/types';
import type { RegisterFilters as Filters } from '../../store/types';
import { severityLabel, STRIDE_LETTERS, strideNames } from '../ui/SeverityChip';
import { statusLabel } from '../ui/StatusSelect';

export interface RegisterFiltersProps {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  element: Id;
  onElement: (id: Id) => void;
  showByDesign: boolean;
  onShowByDesign: (on: boolean) => void;
  packs: string[];
  owasp: string[];
  targets: { id: Id; name: string }[];
  onClear: () => void;
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Toggle chips for the small vocabularies, selects for the open-ended ones, a search box. */
export function RegisterFilterBar(p: RegisterFiltersProps) {
  const id = useId();
  const f = p.filters;
  return (
    <div className="rp-register-filters" role="search" aria-label="Filter threats" data-testid="register-filters">
      <input
        type="search"
        className="rp-input rp-register-search"
        aria-label="Search threats"
        placeholder="Search title, element, rule, owner"
        value={f.search}
        data-testid="register-search"
        onChange={(e) => p.onChange({ search: e.target.value })}
      />
      <div className="rp-chip-group" role="group" aria-label="Severity">
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            className={`rp-chip rp-chip-sev-${s}`}
            aria-pressed={f.severity.includes(s)}
            data-testid={`register-filter-severity-${s}`}
            onClick={() => p.onChange({ severity: toggle(f.severity, s) })}
          >
            {severityLabel(s)}
          </button>
        ))}
      </div>
      <div className="rp-chip-group" role="group" aria-label="Status">
        {THREAT_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className="rp-chip"
            aria-pressed={f.status.includes(s)}
            data-testid={`register-filter-status-${s}`}
            onClick={() => p.onChange({ status: toggle(f.status, s) })}
          >
            {statusLabel(s)}
          </button>
        ))}
      </div>
      <div className="rp-chip-group" role="group" aria-label="STRIDE">
        {STRIDE_LETTERS.map((l) => (
          <button
            key={l}
            type="button"
            className="rp-chip rp-chip-letter"
            aria-pressed={f.stride.includes(l)}
            title={strideNames(l)}
            aria-label={`${l}: ${strideNames(l)}`}
            data-testid={`register-filter-stride-${l}`}
            onClick={() => p.onChange({ stride: toggle(f.stride, l) })}
          >
            {l}
          </button>
        ))}
      </div>
      <label className="rp-inline-label" htmlFor={`${id}-pack`}>
        Pack
      </label>
      <select id={`${id}-pack`} className="rp-select rp-select-small" value={f.pack[0] ?? ''} data-testid="register-filter-pack" onChange={(e) => p.onChange({ pack: e.target.value ? [e.target.value] : [] })}>
        <option value="">All packs</option>
        {p.packs.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      <label className="rp-inline-label" htmlFor={`${id}-owasp`}>
        OWASP API
      </label>
      <select id={`${id}-owasp`} className="rp-select rp-select-small" value={f.owasp[0] ?? ''} data-testid="register-filter-owasp" onChange={(e) => p.onChange({ owasp: e.target.value ? [e.target.value] : [] })}>
        <option value="">All</option>
        {p.owasp.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      <label className="rp-inline-label" htmlFor={`${id}-el`}>
        Element
      </label>
      <select id={`${id}-el`} className="rp-select rp-select-small" value={p.element} data-testid="register-filter-element" onChange={(e) => p.onElement(e.target.value)}>
        <option value="">All elements</option>
        {p.targets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <label className="rp-check">
        <input type="checkbox" checked={p.showByDesign} data-testid="register-filter-by-design" onChange={(e) => p.onShowByDesign(e.target.checked)} />
        <span>Mitigated by design</span>
      </label>
      <button type="button" className="rp-button rp-button-small" data-testid="register-clear-filters" onClick={p.onClear}>
        Clear filters
      </button>
    </div>
  );
}
