import { THREAT_STATUSES, type ThreatStatus } from '../../model/types';

const LABELS: Record<ThreatStatus, string> = {
  open: 'Open',
  investigating: 'Investigating',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  transferred: 'Transferred',
  'not-applicable': 'Not applicable',
};

export function statusLabel(status: ThreatStatus): string {
  return LABELS[status] ?? status;
}

export interface StatusSelectProps {
  value: ThreatStatus;
  onChange: (status: ThreatStatus) => void;
  /** Accessible name; the select has no visible label of its own when used in a row. */
  label?: string;
  testId?: string;
  id?: string;
  disabled?: boolean;
}

/** The threat states of DESIGN.md §5, committed on change. */
export function StatusSelect({ value, onChange, label = 'Status', testId, id, disabled }: StatusSelectProps) {
  return (
    <select
      id={id}
      className="rp-select"
      aria-label={id ? undefined : label}
      data-testid={testId}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as ThreatStatus)}
    >
      {THREAT_STATUSES.map((s) => (
        <option key={s} value={s}>
          {LABELS[s]}
        </option>
      ))}
    </select>
  );
}
