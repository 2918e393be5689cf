/**
 * The threat badge of one node or flow: open count, coloured by the worst open severity, paler when every open
 * finding is unverified. Subscribes to its own badge only (useBadge), so a re-analysis re-renders only badges that
 * changed and other store changes never reach it.
 */
import { memo, type MouseEvent } from 'react';
import { useBadge, useEditorApi } from '../store/context';
import type { Id } from '../model/types';

export const ThreatBadge = memo(function ThreatBadge({ targetId }: { targetId: Id }) {
  const badge = useBadge(targetId);
  const store = useEditorApi();
  if (!badge || badge.open === 0) return null;
  // A click on the count means "show me these threats": select the target (a modifier click is left to the
  // node or label, which adds it to the selection) and open the inspector's Threats tab.
  const showThreats = (event: MouseEvent) => {
    const state = store.getState();
    if (!(event.shiftKey || event.metaKey || event.ctrlKey)) state.select([targetId]);
    if (state.ui.inspectorTab !== 'threats') state.setUi({ inspectorTab: 'threats' });
  };
  const severity = badge.severity ?? 'info';
  const label = `${badge.open} open threat${badge.open === 1 ? '' : 's'}, highest ${severity}${badge.unverifiedOnly ? ', unverified' : ''}`;
  return (
    <span
      className={`rampart-badge rampart-badge--${severity}${badge.unverifiedOnly ? ' rampart-badge--unverified' : ''}`}
      data-testid={`badge-${targetId}`}
      data-severity={severity}
      data-count={badge.open}
      data-unverified={badge.unverifiedOnly ? 'true' : 'false'}
      title={`${label}: click to show them in the inspector`}
      aria-label={label}
      role="img"
      style={{ cursor: 'pointer' }}
      onClick={showThreats}
    >
      {badge.open}
    </span>
  );
});
