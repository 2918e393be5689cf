/**
 * The editor (DESIGN.md §6): top bar, banners, palette | diagram tabs + canvas | inspector, and the collapsible
 * threat register along the bottom. The rule packs view opens over the centre so the canvas keeps its viewport.
 */
import { useEffect, useMemo, useState } from 'react';
import { DiagramCanvas } from '../canvas/DiagramCanvas';
import { DiagramTabs } from '../canvas/DiagramTabs';
import { Palette } from '../canvas/Palette';
import { Inspector } from '../panels/inspector/Inspector';
import { ThreatRegister } from '../panels/register/ThreatRegister';
import { RulePacksView } from '../panels/rules/RulePacksView';
import { EditorStoreProvider, useEditor } from '../store/context';
import { clearActiveSession, setActiveSession } from './activeSession';
import { NoticeBanners, SessionBanners } from './Banners';
import type { EditorSession } from './editorSession';
import { HistoryDialog } from './HistoryDialog';
import { createRulesApi } from './rulesApi';
import { getServices } from './services';
import { TopBar } from './TopBar';

export interface EditorLayoutProps {
  session: EditorSession;
  inBin: boolean;
  onRestoredFromBin: () => void;
}

export function EditorLayout(props: EditorLayoutProps) {
  return (
    <EditorStoreProvider store={props.session.store}>
      <EditorFrame {...props} />
    </EditorStoreProvider>
  );
}

function EditorFrame({ session, inBin, onRestoredFromBin }: EditorLayoutProps) {
  const [historyOpen, setHistoryOpen] = useState(false);
  const [rulePacksOpen, setRulePacksOpen] = useState(false);
  const paletteOpen = useEditor((s) => s.ui.paletteOpen);
  const inspectorOpen = useEditor((s) => s.ui.inspectorOpen);
  const registerOpen = useEditor((s) => s.ui.registerOpen);
  const rulesApi = useMemo(() => createRulesApi(), []);
  const { repository } = getServices();

  // Registered once the editor is on screen (after paint), so automation's loadDocument resolves when it is visible.
  useEffect(() => {
    const frame = requestAnimationFrame(() => setActiveSession(session));
    return () => {
      cancelAnimationFrame(frame);
      clearActiveSession(session);
    };
  }, [session]);

  const restoreFromBin = () => {
    void repository.restoreDeleted(session.modelId).then((ok) => {
      if (ok) onRestoredFromBin();
    });
  };

  return (
    <div
      className="rp-editor"
      data-testid="editor"
      data-model-id={session.modelId}
      data-palette={paletteOpen ? 'open' : 'closed'}
      data-inspector={inspectorOpen ? 'open' : 'closed'}
      data-register={registerOpen ? 'open' : 'closed'}
    >
      <header className="rp-area-topbar">
        <TopBar session={session} onOpenHistory={() => setHistoryOpen(true)} onOpenRulePacks={() => setRulePacksOpen((o) => !o)} rulePacksOpen={rulePacksOpen} />
      </header>
      <div className="rp-area-banners rp-banners">
        <SessionBanners session={session} inBin={inBin} onRestoreFromBin={restoreFromBin} />
        <NoticeBanners modelId={session.modelId} />
      </div>
      <aside className="rp-area-palette" aria-label="Palette">
        {paletteOpen ? <Palette /> : null}
      </aside>
      <main className="rp-area-centre">
        <DiagramTabs />
        <div className="rp-area-canvas">
          <DiagramCanvas />
          {rulePacksOpen ? (
            <section className="rp-centre-overlay" aria-label="Rule packs" data-testid="rule-packs-view">
              <div className="rp-centre-overlay-bar">
                <button type="button" className="rp-button" data-testid="rule-packs-close" onClick={() => setRulePacksOpen(false)}>
                  Back to the diagram
                </button>
              </div>
              <div className="rp-centre-overlay-body">
                <RulePacksView api={rulesApi} />
              </div>
            </section>
          ) : null}
        </div>
      </main>
      <aside className="rp-area-inspector" aria-label="Inspector">
        {inspectorOpen ? <Inspector /> : null}
      </aside>
      <div className="rp-area-register">
        <ThreatRegister />
      </div>
      {historyOpen ? <HistoryDialog session={session} repository={repository} onClose={() => setHistoryOpen(false)} /> : null}
    </div>
  );
}
