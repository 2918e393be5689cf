import { memo } from 'react';
import type { Severity } from '../../model/types';

const LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export function severityLabel(severity: Severity): string {
  return LABELS[severity] ?? severity;
}

export interface SeverityChipProps {
  severity: Severity;
  /** Unverified findings are drawn paler (outlined) than confirmed ones, as everywhere in the app. */
  unverified?: boolean;
}

/** A severity badge in the shared severity colours (CSS variables --sev-*). */
export const SeverityChip = memo(function SeverityChip({ severity, unverified }: SeverityChipProps) {
  return (
    <span
      className={`rp-sev rp-sev-${severity}${unverified ? ' rp-sev-unverified' : ''}`}
      data-testid="severity-chip"
      data-severity={severity}
      title={unverified ? `${severityLabel(severity)} (unverified)` : severityLabel(severity)}
    >
      {severityLabel(severity)}
    </span>
  );
});

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Higher is worse; unknown strings from imports rank below info. */
export function severityRank(severity: string): number {
  return RANK[severity as Severity] ?? -1;
}

const STRIDE_NAMES: Record<string, string> = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information disclosure',
  D: 'Denial of service',
  E: 'Elevation of privilege',
};

/** "Spoofing, Tampering" for "ST". */
export function strideNames(letters: string): string {
  return Array.from(letters.toUpperCase())
    .map((l) => STRIDE_NAMES[l])
    .filter(Boolean)
    .join(', ');
}

export const STRIDE_LETTERS = ['S', 'T', 'R', 'I', 'D', 'E'] as const;

/** The STRIDE letters, each with its full name as the accessible name. */
export const StrideLetters = memo(function StrideLetters({ stride }: { stride: string }) {
  return (
    <span className="rp-stride" data-testid="stride" data-stride={stride.toUpperCase()} title={strideNames(stride)}>
      <span aria-hidden="true">{stride.toUpperCase()}</span>
      <span className="rp-visually-hidden">STRIDE: {strideNames(stride) || 'none'}</span>
    </span>
  );
});
