/**
 * The threat badge of one node or flow: open count, coloured by the worst open severity, paler when every open
 * finding is unverified. Selects only its own badge, so a re-analysis re-renders only badges that changed.
 */
import { memo } from 'react';
import { useEditor } from '../store/context';
import type { Id } from '../model/types';

export const ThreatBadge = memo(function ThreatBadge({ targetId }: { targetId: Id }) {
  const badge = useEditor((s) => s.badges[targetId]);
  if (!badge || badge.open === 0) return null;
  const severity = badge.severity ?? 'info';
  const label = `${badge.open} open threat${badge.open === 1 ? '' : 's'}, highest ${severity}${badge.unverifiedOnly ? ', unverified' : ''}`;
  return (
    <span
      className={`rampart-badge rampart-badge--${severity}${badge.unverifiedOnly ? ' rampart-badge--unverified' : ''}`}
      data-testid={`badge-${targetId}`}
      data-severity={severity}
      data-count={badge.open}
      data-unverified={badge.unverifiedOnly ? 'true' : 'false'}
      title={label}
      aria-label={label}
      role="img"
    >
      {badge.open}
    </span>
  );
});
