/** "analysis: N open" in the top bar, with the worst open severity; clicking opens the threat register. */
import type { Severity } from '../model/types';
import { SeverityChip } from '../panels/ui/SeverityChip';
import { isOpenStatus } from '../store/badges';
import { useEditor, useEditorApi } from '../store/context';
import type { EditorState } from '../store/types';
import type { EditorSession } from './editorSession';
import { useSessionStatus } from './useSessionStatus';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

interface OpenSummary {
  open: number;
  worst: Severity | null;
}

// Memoised on the two inputs so the selector returns the same object until findings or triage change.
let lastFindings: EditorState['findings'] | null = null;
let lastTriage: unknown = null;
let lastSummary: OpenSummary = { open: 0, worst: null };

function selectOpenSummary(s: EditorState): OpenSummary {
  const triage = s.model?.triage ?? null;
  if (s.findings === lastFindings && triage === lastTriage) return lastSummary;
  let open = 0;
  let worst: Severity | null = null;
  for (const f of s.findings) {
    if (!isOpenStatus(triage?.[f.id]?.status)) continue;
    open++;
    if (worst === null || RANK[f.severity] > RANK[worst]) worst = f.severity;
  }
  lastFindings = s.findings;
  lastTriage = triage;
  lastSummary = { open, worst };
  return lastSummary;
}

export function AnalysisSummary({ session }: { session: EditorSession }) {
  const { open, worst } = useEditor(selectOpenSummary);
  const status = useSessionStatus(session);
  const store = useEditorApi();
  const label = status.analysisError ? `analysis failed: ${status.analysisError}` : `analysis: ${open} open`;
  return (
    <button
      type="button"
      className="rp-topbar-button rp-analysis-summary"
      data-testid="analysis-summary"
      data-open-count={open}
      data-pending={status.analysisPending ? 'true' : 'false'}
      title="Show the threat register"
      onClick={() => store.getState().setUi({ registerOpen: true })}
    >
      {label}
      {status.analysisPending ? <span className="rp-muted-on-brand"> (updating…)</span> : null}
      {worst && !status.analysisError ? (
        <>
          {' '}
          <SeverityChip severity={worst} />
        </>
      ) : null}
    </button>
  );
}
